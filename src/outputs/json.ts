import type { AppliedException, Finding } from '../model/finding.js';
import type { Json } from '../model/k8s.js';
import { REPORT_SCHEMA_VERSION, type ReportHeader, type ReportSink, type ResourceRecord, type Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import { isClusterLocation, type InputError, type ResourceRef, type SourceLocation } from '../model/resource.js';
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
  if (isClusterLocation(source)) return { cluster: source.cluster, apiPath: source.apiPath };
  return { file: source.file, line: source.line, ...(source.column !== undefined ? { column: source.column } : {}) };
}

function resourceJson(resource: ResourceRecord): Json {
  return { ...(refJson(resource) as { [key: string]: Json }), source: sourceJson(resource.source) };
}

/** The parts of a finding's JSON that depend only on its control, serialised once per control. */
interface ControlFragments {
  head: string;
  tail: string;
}

function controlFragments(finding: Finding): ControlFragments {
  const head = `{"controlId":${JSON.stringify(finding.controlId)},"title":${JSON.stringify(finding.title)},"severity":${JSON.stringify(finding.severity)},"category":${JSON.stringify(finding.category)}`;
  const frameworks = finding.frameworks.map((ref) => ({ framework: ref.framework, id: ref.id }));
  const tail = `,"remediation":${JSON.stringify(finding.remediation)},"frameworks":${JSON.stringify(frameworks)}`;
  return { head, tail };
}

/**
 * One finding as a line of JSON, with the same fields in the same order as the model. Written by hand from cached
 * fragments: a large scan has hundreds of thousands of findings sharing a few dozen controls and resources.
 */
function findingText(finding: Finding, fragments: ControlFragments, resource: string): string {
  const exception = finding.exception ? JSON.stringify(exceptionJson(finding.exception)) : 'null';
  return (
    `${fragments.head},"message":${JSON.stringify(finding.message)},"resource":${resource},` +
    `"source":${JSON.stringify(sourceJson(finding.source))},"path":${JSON.stringify(finding.path)},` +
    `"evidence":{"found":${JSON.stringify(toJson(finding.evidence.found))},"expected":${JSON.stringify(finding.evidence.expected)}}` +
    `${fragments.tail},"exception":${exception}${finding.risk ? `,"risk":${JSON.stringify(finding.risk)}` : ''}}`
  );
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
  return {
    ...(error.cluster !== undefined ? { cluster: error.cluster } : {}),
    file: error.file,
    ...(error.line !== undefined ? { line: error.line } : {}),
    code: error.code,
    message: error.message,
  };
}

/** A value pretty-printed and indented to sit one level inside the report object. */
function nested(value: Json): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}

/**
 * The JSON report (docs/output-format.md): one object, with findings written as they arrive and the resources (far
 * fewer and smaller) spooled to a temporary file and copied after them, so memory stays flat however many there are
 * and the bulk of the report is written once. One entry per line.
 */
export class JsonSink implements ReportSink {
  private readonly writer: StreamWriter;
  private header: ReportHeader | undefined;
  private spool: Spool | undefined;
  private resourceCount = 0;
  private findingCount = 0;
  private readonly errors: Json[] = [];
  private readonly gaps: Json[] = [];
  private readonly fragments = new Map<string, ControlFragments>();
  /** Findings of one resource arrive together: its JSON is made once for all of them. */
  private lastResource: { ref: ResourceRef; json: string } | undefined;

  constructor(
    out: NodeJS.WritableStream,
    private readonly options: JsonSinkOptions = {},
  ) {
    this.writer = new StreamWriter(out);
  }

  async begin(header: ReportHeader): Promise<void> {
    this.header = header;
    this.spool = await Spool.create(this.options.spoolDir);
    const tool = { name: header.tool.name, version: header.tool.version, ...(header.tool.informationUri ? { informationUri: header.tool.informationUri } : {}) };
    await this.writer.write(`{\n  "schemaVersion": ${JSON.stringify(REPORT_SCHEMA_VERSION)},\n  "tool": ${JSON.stringify(tool)},\n  "findings": [`);
  }

  async resource(resource: ResourceRecord): Promise<void> {
    await this.started().spool.append(`${this.resourceCount++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(resourceJson(resource))}`);
  }

  async finding(finding: Finding): Promise<void> {
    let fragments = this.fragments.get(finding.controlId);
    if (!fragments) this.fragments.set(finding.controlId, (fragments = controlFragments(finding)));
    if (this.lastResource?.ref !== finding.resource) this.lastResource = { ref: finding.resource, json: JSON.stringify(refJson(finding.resource)) };
    const text = findingText(finding, fragments, this.lastResource.json);
    await this.writer.write(`${this.findingCount++ === 0 ? '\n' : ',\n'}    ${text}`);
  }

  error(error: InputError): void {
    this.errors.push(errorJson(error));
  }

  gap(gap: CoverageGap): void {
    this.gaps.push({ cluster: gap.cluster, resource: gap.resource, status: gap.status, reason: gap.reason });
  }

  async end(summary: Summary): Promise<void> {
    const { header, spool } = this.started();
    try {
      await this.writer.write(`${this.findingCount > 0 ? '\n  ' : ''}],\n  "resources": [`);
      await spool.copyTo(this.writer);
      const entries = (values: Json[]) => {
        const text = values.map((value) => `\n    ${JSON.stringify(value)}`).join(',');
        return `[${text}${text ? '\n  ' : ''}]`;
      };
      const scan: Json = {
        startedAt: header.startedAt,
        finishedAt: summary.finishedAt,
        inputs: [...header.inputs],
        options: toJson(header.options),
      };
      await this.writer.write(
        `${this.resourceCount > 0 ? '\n  ' : ''}],\n  "errors": ${entries(this.errors)},\n  "coverageGaps": ${entries(this.gaps)},\n` +
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
