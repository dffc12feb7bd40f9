/**
 * A small report that exercises every case the formats must render: open findings of several severities, an excepted
 * and an expired-exception finding, a file path with characters URIs and XML must escape, standard input, a
 * cluster-scoped resource, awkward evidence and input errors; plus the means to play it into a sink and capture what
 * the sink writes.
 */
import { Writable } from 'node:stream';
import type { ControlMeta } from '../controls/types.js';
import type { Finding } from '../model/finding.js';
import type { ReportHeader, ReportSink, ResourceRecord, Summary } from '../model/report.js';
import type { CoverageGap } from '../model/cluster.js';
import type { InputError, ResourceRef } from '../model/resource.js';

export interface SampleReport {
  header: ReportHeader;
  resources: { resource: ResourceRecord; findings: Finding[] }[];
  /** Findings of cluster-wide controls, streamed after every resource. */
  clusterFindings: Finding[];
  errors: InputError[];
  gaps?: CoverageGap[];
  summary: Summary;
}

/** Plays a report into a sink in the order the scan does. */
export async function play(sink: ReportSink, report: SampleReport): Promise<void> {
  await sink.begin(report.header);
  for (const error of report.errors) await sink.error(error);
  for (const { resource, findings } of report.resources) {
    await sink.resource(resource);
    for (const finding of findings) await sink.finding(finding);
  }
  for (const finding of report.clusterFindings) await sink.finding(finding);
  for (const gap of report.gaps ?? []) await sink.gap(gap);
  await sink.end(report.summary);
}

/**
 * A stream that keeps what it is given. A small buffer and deferred acknowledgement make `write` return false often,
 * so a sink that ignores backpressure, or resolves `end` before its writes are accepted, shows up as missing output.
 */
export class CapturingStream extends Writable {
  private readonly chunks: Buffer[] = [];
  private readonly slow: boolean;

  constructor(options: { slow?: boolean } = {}) {
    super({ highWaterMark: options.slow ? 16 : 16 * 1024 });
    this.slow = options.slow === true;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    if (this.slow) setImmediate(callback);
    else callback();
  }

  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export const SPECIAL_FILE = 'manifests/shop app/deploy #1 (ü).yaml';

const PRIVILEGED: ControlMeta = {
  id: 'pss-privileged',
  title: 'Privileged container',
  severity: 'critical',
  category: 'Pod Security',
  description: 'Flags containers that run privileged.',
  rationale: 'A privileged container can take over its node.',
  remediation: 'Remove `securityContext.privileged: true`. Run the workload with only the capabilities it needs.',
  frameworks: [
    { framework: 'pss', id: 'baseline' },
    { framework: 'cis', id: '5.2.2' },
  ],
  appliesTo: 'workloads',
  links: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/', 'not a url'],
};

const MUTABLE_TAG: ControlMeta = {
  id: 'image-mutable-tag',
  title: 'Image pinned by a mutable tag',
  severity: 'medium',
  category: 'Images',
  description: 'Flags images with no tag or the latest tag and no digest.',
  rationale: 'A mutable tag can point at different content tomorrow.',
  remediation: 'Pin every image to a version tag and a digest.',
  frameworks: [{ framework: 'nsa', id: 'secure-images' }],
  appliesTo: 'workloads',
};

const WILDCARD: ControlMeta = {
  id: 'rbac-wildcard',
  title: 'Role grants <everything> & "more"',
  severity: 'low',
  category: 'RBAC',
  description: 'Flags rules with wildcards.',
  rationale: 'Wildcards grant future resources too.',
  remediation: 'List verbs and resources explicitly.',
  frameworks: [{ framework: 'mitre', id: 'T1078' }],
  appliesTo: ['ClusterRole', 'Role'],
};

const PROBES: ControlMeta = {
  id: 'workload-probes',
  title: 'Liveness and readiness probes',
  severity: 'info',
  category: 'Workload',
  description: 'Flags containers without probes.',
  rationale: 'Without probes, broken pods keep receiving traffic.',
  remediation: 'Add livenessProbe and readinessProbe.',
  frameworks: [],
  appliesTo: 'workloads',
};

export function sampleReport(): SampleReport {
  const deployment: ResourceRecord = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', source: { file: SPECIAL_FILE, line: 3 } };
  const pod: ResourceRecord = { apiVersion: 'v1', kind: 'Pod', namespace: 'tools', name: 'debug', source: { file: '-', line: 1 } };
  const role: ResourceRecord = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'everything', source: { file: 'rbac\\roles.yaml', line: 7 } };
  const refOf = ({ source: _source, ...ref }: ResourceRecord): ResourceRef => ref;
  const base = (control: ControlMeta) => ({
    controlId: control.id,
    title: control.title,
    severity: control.severity,
    category: control.category,
    remediation: control.remediation,
    frameworks: [...control.frameworks],
    exception: null,
  });
  const privileged: Finding = {
    ...base(PRIVILEGED),
    message: 'container "app" runs privileged',
    resource: refOf(deployment),
    source: { file: SPECIAL_FILE, line: 21, column: 23 },
    path: 'spec.template.spec.containers[0].securityContext.privileged',
    evidence: { found: true, expected: 'false or unset' },
  };
  const expired: Finding = {
    ...base(MUTABLE_TAG),
    message: 'container "app" uses the latest tag and no digest',
    resource: refOf(deployment),
    source: { file: SPECIAL_FILE, line: 19, column: 16 },
    path: 'spec.template.spec.containers[0].image',
    evidence: { found: 'nginx:latest', expected: 'a version tag or a digest (@sha256:...)' },
    exception: { source: 'file', reason: 'migration to digests', owner: 'team-shop', expires: '2024-01-31', status: 'expired', origin: 'kspm-exceptions.yaml' },
  };
  const excepted: Finding = {
    ...base(MUTABLE_TAG),
    message: 'container "shell" uses no tag and no digest',
    resource: refOf(pod),
    source: { file: '-', line: 9 },
    path: 'spec.containers[0].image',
    evidence: { found: 'busybox', expected: 'a version tag or a digest (@sha256:...)' },
    exception: { source: 'annotation', reason: 'break-glass debug pod', owner: 'sre', expires: '2099-12-31', status: 'active', origin: 'Pod tools/debug' },
  };
  const wildcard: Finding = {
    ...base(WILDCARD),
    message: 'rule 0 grants <all> verbs & "resources"\u0001 to ü',
    resource: refOf(role),
    source: { file: 'rbac\\roles.yaml', line: 0 },
    path: 'rules[0]["verbs"]',
    evidence: { found: { verbs: ['*'], missing: undefined, big: 10n }, expected: 'explicit verbs' },
  };
  const header: ReportHeader = {
    tool: { name: 'kspm', version: '0.1.0', informationUri: 'https://example.org/kspm' },
    startedAt: '2025-06-01T10:00:00.000Z',
    inputs: ['manifests', '-'],
    controls: [PRIVILEGED, MUTABLE_TAG, WILDCARD, PROBES],
    options: { frameworks: ['all', 'pss-baseline'], pssVersion: 'latest', kubernetesVersion: '1.35', failOn: 'high' },
  };
  const errors: InputError[] = [
    { file: 'broken.yaml', line: 3, code: 'parse-failed', message: 'unexpected end of the stream within a flow collection' },
    { file: 'gone & <lost>.yaml', code: 'read-failed', message: 'ENOENT: no such file or directory' },
  ];
  const summary: Summary = {
    resources: 3,
    findings: { total: 4, bySeverity: { critical: 1, high: 0, medium: 1, low: 1, info: 0 }, excepted: 1, expiredExceptions: 1 },
    errors: errors.length,
    score: 41.2,
    frameworks: [
      { id: 'all', title: 'All kspm controls', score: 41.2, controls: 4, failedControls: 3 },
      { id: 'pss-baseline', title: 'Pod Security Standards: Baseline', score: null, controls: 0, failedControls: 0 },
    ],
    controls: [
      { controlId: PRIVILEGED.id, severity: 'critical', evaluated: 2, failed: 1, excepted: 0 },
      { controlId: MUTABLE_TAG.id, severity: 'medium', evaluated: 2, failed: 1, excepted: 1 },
      { controlId: WILDCARD.id, severity: 'low', evaluated: 1, failed: 1, excepted: 0 },
      { controlId: PROBES.id, severity: 'info', evaluated: 2, failed: 0, excepted: 0 },
    ],
    exitCode: 1,
    finishedAt: '2025-06-01T10:00:02.500Z',
  };
  return {
    header,
    resources: [
      { resource: deployment, findings: [privileged, expired] },
      { resource: pod, findings: [excepted] },
      { resource: role, findings: [] },
    ],
    clusterFindings: [wildcard],
    errors,
    summary,
  };
}

/**
 * The sample report as a scan of two live clusters gives it: the Deployment read from context `prod`, a finding on the
 * cluster itself, a resource `prod` would not list, and a context that could not be reached.
 */
export function clusterReport(): SampleReport {
  const report = sampleReport();
  const apiPath = '/apis/apps/v1/namespaces/shop/deployments/web';
  const [web] = report.resources;
  const deployment = { ...web!.resource, source: { cluster: 'prod', apiPath } };
  const findings = web!.findings.map((finding) => ({ ...finding, source: { cluster: 'prod', apiPath } }));
  const version: Finding = {
    ...report.clusterFindings[0]!,
    controlId: PROBES.id,
    title: PROBES.title,
    severity: PROBES.severity,
    category: PROBES.category,
    message: 'Kubernetes 1.29 reached its end of life on 2025-02-28',
    resource: { apiVersion: '', kind: 'Cluster', name: 'prod' },
    source: { cluster: 'prod', apiPath: '/version' },
    path: '',
    evidence: { found: 'v1.29.4', expected: '1.33 or newer' },
  };
  const gaps: CoverageGap[] = [{ cluster: 'prod', resource: 'secrets', status: 403, reason: 'secrets is forbidden: User "system:serviceaccount:kspm:kspm" cannot list resource "secrets"' }];
  const platform = { distribution: 'kubeadm', provider: 'unknown', managed: false, evidence: ['configmap kube-system/kubeadm-config'] };
  return {
    ...report,
    header: { ...report.header, inputs: ['cluster:prod', 'cluster:gone'] },
    resources: [{ resource: deployment, findings }],
    clusterFindings: [version],
    errors: [{ cluster: 'gone', file: '', code: 'cluster-unreachable', message: 'cannot reach context "gone" (server https://10.9.9.9:6443): connect ETIMEDOUT' }],
    gaps,
    summary: {
      ...report.summary,
      errors: 1,
      clusters: [{ context: 'prod', server: 'https://10.0.0.10:6443', serverVersion: 'v1.29.4', servedVersions: ['v1', 'apps/v1'], platform, resources: 1, bySeverity: { critical: 1, high: 0, medium: 0, low: 0, info: 1 }, score: 40, gaps }],
    },
  };
}
