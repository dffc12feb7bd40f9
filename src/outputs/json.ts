import type { AppliedException, Finding } from '../model/finding.js';
import type { Json } from '../model/k8s.js';
import { REPORT_SCHEMA_VERSION, type ReportHeader, type ReportSink, type ResourceRecord, type Summary } from '../model/report.js';
import type { InputError, ResourceRef, SourceLocation } from '../model/resource.js';
import { Spool } from './spool.js';
import { toJson } from './values.js';
import { StreamWriter } from './writer.js';

export interface JsonSinkOptions {
  /** Where findings wait until the resources are written; the system temporary directory by default. */
  spoolDir?: string;
}

function refJson(ref: ResourceRef): Json {
  return { apiVersion: ref.apiVersion, kind: ref.kind, ...(ref.namespace ? { namespace: ref.namespace } : {}), name: ref.name };
}

function sourceJson(source: SourceLocation): Json {
  return { file: source.file, line: source.line, ...(source.column !== undefined ? { column: source.column } : {}) };
}

function resourceJson(resource: ResourceRecord): Json {
  return { ...(refJson(resource) as { [key: string]: Json }), source: sourceJson(resource.source) };
}

function findingJson(finding: Finding): Json {
  return {
    controlId: finding.controlId,
    title: finding.title,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    resource: refJson(finding.resource),
    source: sourceJson(finding.source),
    path: finding.path,
    evidence: { found: toJson(finding.evidence.found), expected: finding.evidence.expected },
    remediation: finding.remediation,
    frameworks: finding.frameworks.map((ref) => ({ framework: ref.framework, id: ref.id })),
    exception: finding.exception ? exceptionJson(finding.exception) : null,
  };
}

function exceptionJson(exception: AppliedException): Json {
  return {
    source: exception.source,
    reason: exception.reason,
    ...(exception.owner !== undefined ? { owner: exception.owner } : {}),
    ...(exception.expires !== undefined ? { expires: exception.expires } : {}),
    status: exception.status,
    origin: exception.origin,
  };
}

function errorJson(error: InputError): Json {
  return { file: error.file, ...(error.line !== undefined ? { line: error.line } : {}), code: error.code, message: error.message };
}

/** A value pretty-printed and indented to sit one level inside the report object. */
function nested(value: Json): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}

/**
 * The JSON report (docs/output-format.md): one object, with resources written as they arrive and findings spooled to
 * a temporary file and copied after them, so memory stays flat however many there are. One entry per line.
 */
export class JsonSink implements ReportSink {
  private readonly writer: StreamWriter;
  private header: ReportHeader | undefined;
  private spool: Spool | undefined;
  private resourceCount = 0;
  private findingCount = 0;
  private readonly errors: Json[] = [];

  constructor(
    out: NodeJS.WritableStream,
    private readonly options: JsonSinkOptions = {},
  ) {
    this.writer = new StreamWriter(out);
  }

  async begin(header: ReportHeader): Promise<void> {
    this.header = header;
    this.spool = await Spool.create(this.options.spoolDir);
    const tool = { name: header.tool.name, version: header.tool.version, informationUri: header.tool.informationUri };
    await this.writer.write(`{\n  "schemaVersion": ${JSON.stringify(REPORT_SCHEMA_VERSION)},\n  "tool": ${JSON.stringify(tool)},\n  "resources": [`);
  }

  async resource(resource: ResourceRecord): Promise<void> {
    await this.writer.write(`${this.resourceCount++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(resourceJson(resource))}`);
  }

  async finding(finding: Finding): Promise<void> {
    await this.started().spool.append(`${this.findingCount++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(findingJson(finding))}`);
  }

  error(error: InputError): void {
    this.errors.push(errorJson(error));
  }

  async end(summary: Summary): Promise<void> {
    const { header, spool } = this.started();
    try {
      await this.writer.write(`${this.resourceCount > 0 ? '\n  ' : ''}],\n  "findings": [`);
      await spool.copyTo(this.writer);
      const errors = this.errors.map((error) => `\n    ${JSON.stringify(error)}`).join(',');
      const scan: Json = {
        startedAt: header.startedAt,
        finishedAt: summary.finishedAt,
        inputs: [...header.inputs],
        options: toJson(header.options),
      };
      await this.writer.write(
        `${this.findingCount > 0 ? '\n  ' : ''}],\n  "errors": [${errors}${errors ? '\n  ' : ''}],\n` +
          `  "scan": ${nested(scan)},\n  "summary": ${nested(toJson(summary))}\n}\n`,
      );
      await this.writer.flush();
    } finally {
      await spool.dispose();
    }
  }

  private started(): { header: ReportHeader; spool: Spool } {
    if (!this.header || !this.spool) throw new Error('JsonSink: begin() must be called before anything else');
    return { header: this.header, spool: this.spool };
  }
}
