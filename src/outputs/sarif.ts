import { createHash } from 'node:crypto';
import type { Location, Notification, ReportingDescriptor, Result, Run, Suppression } from 'sarif';
import type { ControlMeta } from '../controls/types.js';
import { isExcepted, type AppliedException, type Finding, type FrameworkRef } from '../model/finding.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import { describeRef, isClusterLocation, type InputError, type ResourceRef } from '../model/resource.js';
import type { Severity } from '../model/severity.js';
import { formatSource, oneBased } from './location.js';
import { artifactLocation } from './sarif-uri.js';
import { toJson } from './values.js';
import { StreamWriter } from './writer.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key of kspm's fingerprint in `partialFingerprints`; bump the version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'kspmFinding/v1';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning ranks security alerts by this CVSS-like number (critical > 9.0, high 7.0-8.9, ...). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function frameworkTag(ref: FrameworkRef): string {
  return `${ref.framework}:${ref.id}`;
}

function webLink(link: string): string | undefined {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function rule(control: ControlMeta): ReportingDescriptor {
  const links = (control.links ?? []).map(webLink).filter((link): link is string => link !== undefined);
  const frameworks = control.frameworks.map(frameworkTag);
  const text = [
    control.description,
    `Why it matters: ${control.rationale}`,
    `Remediation: ${control.remediation}`,
    ...(frameworks.length > 0 ? [`Frameworks: ${frameworks.join(', ')}`] : []),
    ...(links.length > 0 ? [`References: ${links.join(' ')}`] : []),
  ].join('\n\n');
  const markdown = [
    control.description,
    `**Why it matters.** ${control.rationale}`,
    `**Remediation.** ${control.remediation}`,
    ...(frameworks.length > 0 ? [`**Frameworks:** ${frameworks.map((tag) => `\`${tag}\``).join(', ')}`] : []),
    ...(links.length > 0 ? [`**References:**\n${links.map((link) => `- <${link}>`).join('\n')}`] : []),
  ].join('\n\n');
  return {
    id: control.id,
    name: ruleName(control.id),
    shortDescription: { text: control.title },
    fullDescription: { text: control.description },
    ...(links[0] ? { helpUri: links[0] } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[control.severity] },
    properties: {
      tags: [...new Set(['security', 'kubernetes', control.category, ...frameworks])],
      precision: 'very-high',
      'security-severity': SECURITY_SEVERITY[control.severity],
      severity: control.severity,
      category: control.category,
    },
  };
}

function resourceProperty(ref: ResourceRef): { [key: string]: string } {
  return { apiVersion: ref.apiVersion, kind: ref.kind, ...(ref.namespace ? { namespace: ref.namespace } : {}), name: ref.name };
}

/** `shop/Deployment/web`, or `ClusterRole/admin` for cluster-scoped resources. */
function qualifiedName(ref: ResourceRef): string {
  return [ref.namespace, ref.kind, ref.name].filter((part) => part !== undefined && part !== '').join('/');
}

/**
 * Identifies a finding across scans whatever line it moves to: the control, the resource (its API group but not the
 * version, so an apiVersion upgrade keeps the alert) and the field path.
 */
export function fingerprint(finding: Finding): string {
  const { apiVersion, kind, namespace, name } = finding.resource;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  const parts = [finding.controlId, group, kind, namespace ?? '', name, finding.path];
  // The same object in two clusters is two alerts; file findings keep the fingerprints they always had.
  const identity = JSON.stringify(isClusterLocation(finding.source) ? [...parts, finding.source.cluster] : parts);
  return createHash('sha256').update(identity).digest('hex');
}

function exceptionText(exception: AppliedException): string {
  const details = [
    exception.owner ? `owner: ${exception.owner}` : '',
    exception.expires ? `expires: ${exception.expires}` : '',
    `from ${exception.origin}`,
  ].filter((part) => part !== '');
  return `${exception.reason} (${details.join('; ')})`;
}

function suppressions(finding: Finding): Suppression[] | undefined {
  if (!finding.exception || !isExcepted(finding)) return undefined;
  return [{ kind: 'external', status: 'accepted', justification: exceptionText(finding.exception) }];
}

function location(file: string, line: unknown, column?: unknown): Location | undefined {
  const artifact = artifactLocation(file);
  if (!artifact) return undefined;
  const startColumn = oneBased(column);
  return {
    physicalLocation: {
      artifactLocation: artifact,
      region: { startLine: oneBased(line) ?? 1, ...(startColumn !== undefined ? { startColumn } : {}) },
    },
  };
}

function result(finding: Finding, ruleIndex: number | undefined): Result {
  const expired = finding.exception?.status === 'expired' ? ` Its exception expired${finding.exception.expires ? ` on ${finding.exception.expires}` : ''}.` : '';
  const source = finding.source;
  const physical = isClusterLocation(source) ? undefined : location(source.file, source.line, source.column);
  const qualified = qualifiedName(finding.resource);
  const logical = {
    name: finding.resource.name,
    fullyQualifiedName: isClusterLocation(source) ? `${source.cluster}/${qualified}` : qualified,
    kind: 'resource',
  };
  const suppressed = suppressions(finding);
  return {
    ruleId: finding.controlId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: `${finding.message} (${describeRef(finding.resource)}).${expired}` },
    locations: [{ ...physical, logicalLocations: [logical] }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding) },
    ...(suppressed ? { suppressions: suppressed } : {}),
    properties: {
      severity: finding.severity,
      category: finding.category,
      resource: resourceProperty(finding.resource),
      ...(isClusterLocation(source) ? { cluster: source.cluster, apiPath: source.apiPath } : {}),
      path: finding.path,
      evidence: { found: toJson(finding.evidence.found), expected: finding.evidence.expected },
      remediation: finding.remediation,
      ...(finding.exception ? { exception: toJson(finding.exception) } : {}),
    },
  };
}

function notification(error: InputError): Notification {
  const where = error.cluster === undefined ? location(error.file, error.line) : undefined;
  return {
    level: 'error',
    message: { text: `${error.cluster !== undefined ? `${formatSource(error)}: ` : error.file ? `${error.file}: ` : ''}${error.message}` },
    descriptor: { id: error.code },
    ...(where ? { locations: [where] } : {}),
  };
}

function gapNotification(gap: CoverageGap): Notification {
  return {
    level: 'warning',
    message: { text: `${gap.cluster}: ${gap.resource} was not read (${gap.status > 0 ? `HTTP ${gap.status}: ` : ''}${gap.reason}); its controls could not judge it` },
    descriptor: { id: 'coverage-gap' },
    properties: { cluster: gap.cluster, resource: gap.resource, status: gap.status },
  };
}

/** Pretty-prints a value indented to sit `depth` levels deep in the log. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run whose rules are the evaluated controls, results streamed as
 * findings arrive, input errors as tool execution notifications of the single invocation.
 */
export class SarifSink implements ReportSink {
  private readonly writer: StreamWriter;
  private header: ReportHeader | undefined;
  private ruleIndex = new Map<string, number>();
  private resultCount = 0;
  private readonly errors: InputError[] = [];
  private readonly gaps: CoverageGap[] = [];

  constructor(out: NodeJS.WritableStream) {
    this.writer = new StreamWriter(out);
  }

  async begin(header: ReportHeader): Promise<void> {
    this.header = header;
    this.ruleIndex = new Map(header.controls.map((control, index) => [control.id, index]));
    const tool: Run['tool'] = {
      driver: {
        name: header.tool.name,
        version: header.tool.version,
        semanticVersion: header.tool.version,
        ...(header.tool.informationUri ? { informationUri: header.tool.informationUri } : {}),
        rules: header.controls.map(rule),
      },
    };
    await this.writer.write(
      `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": ${nested(tool, 3)},\n      "results": [`,
    );
  }

  resource(): void {}

  async finding(finding: Finding): Promise<void> {
    const text = JSON.stringify(result(finding, this.ruleIndex.get(finding.controlId)));
    await this.writer.write(`${this.resultCount++ === 0 ? '\n' : ',\n'}        ${text}`);
  }

  error(error: InputError): void {
    this.errors.push(error);
  }

  gap(gap: CoverageGap): void {
    this.gaps.push(gap);
  }

  async end(summary: Summary): Promise<void> {
    const invocation = {
      executionSuccessful: this.errors.length === 0,
      exitCode: summary.exitCode,
      ...(this.header ? { startTimeUtc: this.header.startedAt } : {}),
      endTimeUtc: summary.finishedAt,
      toolExecutionNotifications: [...this.errors.map(notification), ...this.gaps.map(gapNotification)],
    };
    const properties = { resources: summary.resources, score: summary.score, frameworks: summary.frameworks };
    await this.writer.write(
      `${this.resultCount > 0 ? '\n      ' : ''}],\n      "invocations": [${nested(invocation, 3)}],\n      "properties": ${nested(properties, 3)}\n    }\n  ]\n}\n`,
    );
    await this.writer.flush();
  }
}
