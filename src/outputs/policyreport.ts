/**
 * The scan as wgpolicyk8s.io/v1alpha2 policy reports, the objects Policy Reporter and Kyverno's tooling read: a
 * PolicyReport per namespace with the findings on that namespace's resources, and one ClusterPolicyReport with the
 * findings on cluster-scoped resources, the controls that passed everywhere, the controls that could not apply and
 * the inputs that could not be read. Written as YAML documents (`---`), ready for `kubectl apply -f`.
 *
 * Reports are grouped by namespace, so results wait in memory until the end: one small record per finding.
 */
import { stringify } from 'yaml';
import { isExcepted, type Finding } from '../model/finding.js';
import type { ReportHeader, ReportSink, Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import { isClusterLocation, type InputError, type ResourceRef } from '../model/resource.js';
import { formatSource, oneBased } from './location.js';
import { formatFound } from './values.js';
import { StreamWriter } from './writer.js';

export const POLICY_REPORT_API_VERSION = 'wgpolicyk8s.io/v1alpha2';
const SOURCE = 'kspm';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'kspm' } as const;
/** Which kubeconfig context a report describes, when the scan read live clusters or snapshots. */
export const CLUSTER_ANNOTATION = 'kspm.io/cluster';

/**
 * Kinds that live outside namespaces. A namespaced object written without a namespace (common in charts and
 * kustomizations) lands in `default` when applied, so that is where its results go; anything else, including kspm's
 * own `Cluster` pseudo-object, goes to the ClusterPolicyReport only when its kind is listed here.
 */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CSIDriver',
  'CSINode',
  'Cluster',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export type PolicyResultValue = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

export interface PolicyReportResult {
  source: string;
  policy: string;
  rule?: string;
  category?: string;
  severity?: string;
  timestamp: { seconds: number; nanos: number };
  result: PolicyResultValue;
  scored?: boolean;
  resources?: { apiVersion?: string; kind: string; name: string; namespace?: string }[];
  message?: string;
  properties?: Record<string, string>;
}

export interface PolicyReportObject {
  apiVersion: typeof POLICY_REPORT_API_VERSION;
  kind: 'PolicyReport' | 'ClusterPolicyReport';
  metadata: { name: string; namespace?: string; labels: Record<string, string>; annotations?: Record<string, string> };
  summary: Record<PolicyResultValue, number>;
  results: PolicyReportResult[];
}

/** The namespace a resource's results belong to, or undefined for the cluster report. */
export function reportNamespace(ref: ResourceRef): string | undefined {
  if (ref.namespace) return ref.namespace;
  return CLUSTER_SCOPED_KINDS.has(ref.kind) ? undefined : 'default';
}

function timestampOf(iso: string): { seconds: number; nanos: number } {
  const millis = Date.parse(iso);
  if (!Number.isFinite(millis)) return { seconds: 0, nanos: 0 };
  return { seconds: Math.floor(millis / 1000), nanos: (millis % 1000) * 1_000_000 };
}

function findingProperties(finding: Finding): Record<string, string> {
  const { source, exception } = finding;
  const properties: Record<string, string> = {};
  if (isClusterLocation(source)) {
    properties.cluster = source.cluster;
    properties.apiPath = source.apiPath;
  } else {
    properties.file = source.file;
    const line = oneBased(source.line);
    if (line !== undefined) properties.line = String(line);
  }
  if (finding.path) properties.path = finding.path;
  properties.found = formatFound(finding.evidence.found, 1000);
  properties.expected = finding.evidence.expected;
  properties.remediation = finding.remediation;
  if (finding.frameworks.length > 0) properties.frameworks = finding.frameworks.map((ref) => `${ref.framework}:${ref.id}`).join(', ');
  if (exception) {
    properties.exceptionStatus = exception.status;
    properties.exceptionReason = exception.reason;
    if (exception.owner) properties.exceptionOwner = exception.owner;
    if (exception.expires) properties.exceptionExpires = exception.expires;
  }
  return properties;
}

function resourceRef(ref: ResourceRef): NonNullable<PolicyReportResult['resources']>[number] {
  return { ...(ref.apiVersion ? { apiVersion: ref.apiVersion } : {}), kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) };
}

/**
 * A value as one line of YAML flow style: JSON is YAML, and a result per line reads and diffs well and is written many
 * times faster than block style. YAML forbids some characters JSON leaves raw (DEL, C1 controls, line and paragraph
 * separators, the byte order mark, U+FFFE and U+FFFF), so those are escaped too.
 */
export function flowYaml(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function summarise(results: readonly PolicyReportResult[]): Record<PolicyResultValue, number> {
  const summary: Record<PolicyResultValue, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const result of results) summary[result.result]++;
  return summary;
}

/** Results of one report: the scan's cluster (context) when it read live clusters, and the namespace. */
interface Group {
  cluster: string | undefined;
  namespace: string | undefined;
  results: PolicyReportResult[];
}

export class PolicyReportSink implements ReportSink {
  private readonly writer: StreamWriter;
  private timestamp = { seconds: 0, nanos: 0 };
  private readonly groups = new Map<string, Group>();
  private readonly errors: PolicyReportResult[] = [];

  constructor(out: NodeJS.WritableStream) {
    this.writer = new StreamWriter(out);
  }

  begin(header: ReportHeader): void {
    this.timestamp = timestampOf(header.startedAt);
  }

  resource(): void {}

  finding(finding: Finding): void {
    const cluster = isClusterLocation(finding.source) ? finding.source.cluster : undefined;
    this.group(cluster, reportNamespace(finding.resource)).results.push({
      source: SOURCE,
      policy: finding.controlId,
      rule: finding.controlId,
      category: finding.category,
      severity: finding.severity,
      timestamp: this.timestamp,
      result: isExcepted(finding) ? 'skip' : 'fail',
      scored: true,
      resources: [resourceRef(finding.resource)],
      message: finding.message,
      properties: findingProperties(finding),
    });
  }

  error(error: InputError): void {
    const line = oneBased(error.line);
    this.errors.push({
      source: SOURCE,
      policy: 'input-error',
      rule: error.code,
      timestamp: this.timestamp,
      result: 'error',
      message: `${formatSource(error)}: ${error.message}`,
      properties: { file: error.file, ...(line !== undefined ? { line: String(line) } : {}), ...(error.cluster ? { cluster: error.cluster } : {}) },
    });
  }

  gap(gap: CoverageGap): void {
    this.group(gap.cluster, undefined).results.push({
      source: SOURCE,
      policy: 'coverage-gap',
      rule: gap.resource,
      timestamp: this.timestamp,
      result: 'error',
      message: `${gap.resource} could not be read${gap.status > 0 ? ` (HTTP ${gap.status})` : ''}: ${gap.reason}`,
      properties: { cluster: gap.cluster, resource: gap.resource },
    });
  }

  async end(summary: Summary): Promise<void> {
    const clusterResults = [...this.controlResults(summary), ...this.errors];
    const clusters = new Set([...this.groups.values()].map((group) => group.cluster));
    // The controls' own outcomes are estate-wide: they go to the cluster report of a file scan, or of the only cluster.
    const home = clusters.size === 1 ? [...clusters][0] : undefined;
    this.group(home, undefined).results.unshift(...clusterResults);
    const groups = [...this.groups.values()].sort(
      (a, b) => (a.cluster ?? '').localeCompare(b.cluster ?? '') || (a.namespace === undefined ? -1 : b.namespace === undefined ? 1 : a.namespace.localeCompare(b.namespace)),
    );
    let first = true;
    for (const group of groups) {
      const { results, ...head } = this.report(group);
      await this.writer.write(`${first ? '' : '---\n'}${stringify(head, { lineWidth: 0 })}results:\n`);
      for (const result of results) await this.writer.write(`  - ${flowYaml(result)}\n`);
      first = false;
    }
    await this.writer.flush();
  }

  /** A pass per control that applied to something and failed nowhere; a skip per control that could not apply. */
  private controlResults(summary: Summary): PolicyReportResult[] {
    const results: PolicyReportResult[] = [];
    for (const tally of summary.controls) {
      const base = { source: SOURCE, policy: tally.controlId, rule: tally.controlId, severity: tally.severity, timestamp: this.timestamp };
      if (tally.notApplicable !== undefined) results.push({ ...base, result: 'skip', message: `not applicable: ${tally.notApplicable}` });
      else if (tally.evaluated > 0 && tally.failed === 0 && tally.excepted === 0) {
        results.push({ ...base, result: 'pass', scored: true, message: `${tally.evaluated} ${tally.evaluated === 1 ? 'resource' : 'resources'} evaluated, none failed` });
      }
    }
    return results;
  }

  private report(group: Group): PolicyReportObject {
    const annotations = group.cluster !== undefined ? { annotations: { [CLUSTER_ANNOTATION]: group.cluster } } : {};
    const metadata =
      group.namespace === undefined
        ? { name: 'kspm-cluster', labels: { ...MANAGED_BY }, ...annotations }
        : { name: `kspm-${group.namespace}`, namespace: group.namespace, labels: { ...MANAGED_BY }, ...annotations };
    return {
      apiVersion: POLICY_REPORT_API_VERSION,
      kind: group.namespace === undefined ? 'ClusterPolicyReport' : 'PolicyReport',
      metadata,
      summary: summarise(group.results),
      results: group.results,
    };
  }

  private group(cluster: string | undefined, namespace: string | undefined): Group {
    const key = JSON.stringify([cluster ?? null, namespace ?? null]);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { cluster, namespace, results: [] }));
    return group;
  }
}
