/** End-to-end: the built binary, as users and CI call it. Run `npm run build` first (npm test does). */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { KSPM_BIN, kspm } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';
import { sarifValidator } from './helpers/sarif-schema.js';

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: tools
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
`;

const HARDENED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: ok
  namespace: tools
spec:
  automountServiceAccountToken: false
  serviceAccountName: ok
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: app
      image: ghcr.io/acme/app:1.2.3@sha256:${'a'.repeat(64)}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}
      resources:
        requests: {cpu: 10m, memory: 16Mi, ephemeral-storage: 10Mi}
        limits: {cpu: 100m, memory: 64Mi, ephemeral-storage: 100Mi}
      livenessProbe: {httpGet: {path: /healthz, port: 8080}}
      readinessProbe: {httpGet: {path: /ready, port: 8080}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: tools}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

function workdir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kspm-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

interface JsonReport {
  schemaVersion: string;
  tool: { name: string; version: string };
  resources: { kind: string; name: string; namespace?: string; source: { file: string; line: number } }[];
  findings: { controlId: string; severity: string; path: string; source: { file: string; line: number }; resource: { name: string }; exception: null | { status: string }; evidence: { found: unknown; expected: string }; remediation: string; frameworks: unknown[] }[];
  errors: { file: string; line?: number; code: string; message: string }[];
  summary: { resources: number; score: number | null; exitCode: number; findings: { total: number } };
}

function json(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

describe('kspm CLI', () => {
  it('prints help and version', () => {
    const help = kspm(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /scan/);
    assert.match(help.stdout, /controls/);
    assert.equal(kspm(['--version']).status, 0);
  });

  it('scans a file and points the finding at the offending line', () => {
    const dir = workdir({ 'pod.yaml': PRIVILEGED_POD });
    const result = kspm(['scan', 'pod.yaml', '-o', 'json'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const report = json(result.stdout);
    assert.equal(report.schemaVersion.split('.')[0], '1');
    assert.equal(report.tool.name, 'kspm');
    assert.deepEqual(report.resources.map((r) => [r.kind, r.namespace, r.name, r.source.file, r.source.line]), [['Pod', 'tools', 'debug', 'pod.yaml', 1]]);
    const privileged = report.findings.find((f) => f.controlId === 'pss-privileged');
    assert.ok(privileged, 'privileged container reported');
    assert.equal(privileged.path, 'spec.containers[0].securityContext.privileged');
    assert.equal(privileged.source.file, 'pod.yaml');
    assert.equal(privileged.source.line, 11);
    assert.equal(privileged.exception, null);
    assert.ok(privileged.remediation.length > 0);
    assert.ok(privileged.frameworks.length > 0);
  });

  it('reads `privileged: yes` as Kubernetes does: true, so the check cannot be dodged by a YAML 1.1 boolean', () => {
    const report = json(kspm(['scan', '-', '-o', 'json', '--control', 'pss-privileged,pss-host-namespaces'], { input: PRIVILEGED_POD.replace('privileged: true', 'privileged: yes').replace('spec:\n', 'spec:\n  hostNetwork: on\n') }).stdout);
    assert.deepEqual(report.findings.map((f) => f.controlId).sort(), ['pss-host-namespaces', 'pss-privileged']);
  });

  it('keeps the input path as given in source.file', () => {
    const dir = workdir({ 'manifests/apps/pod.yaml': PRIVILEGED_POD });
    const report = json(kspm(['scan', './manifests', '-o', 'json'], { cwd: dir }).stdout);
    assert.equal(report.resources[0]!.source.file, join('manifests', 'apps', 'pod.yaml'));
    assert.ok(existsSync(join(dir, report.findings[0]!.source.file)), 'opens from the directory kspm ran in');
  });

  it('reads standard input', () => {
    const result = kspm(['scan', '-', '-o', 'json'], { input: PRIVILEGED_POD });
    const report = json(result.stdout);
    assert.equal(report.resources.length, 1);
    assert.ok(report.findings.some((f) => f.controlId === 'pss-privileged'));
  });

  it('exits 1 only when an open finding reaches --fail-on', () => {
    const dir = workdir({ 'pod.yaml': PRIVILEGED_POD, 'ok.yaml': HARDENED_POD });
    assert.equal(kspm(['scan', 'pod.yaml', '--fail-on', 'critical', '-o', 'json'], { cwd: dir }).status, 1);
    assert.equal(kspm(['scan', 'pod.yaml', '-o', 'json'], { cwd: dir }).status, 0, 'no threshold: 0');
    const hardened = kspm(['scan', 'ok.yaml', '--fail-on', 'low', '-o', 'json'], { cwd: dir });
    assert.equal(hardened.status, 0, JSON.stringify(json(hardened.stdout).findings.map((f) => `${f.controlId} ${f.path}`)));
  });

  it('exits 2 on usage errors and when nothing could be read', () => {
    assert.equal(kspm(['scan']).status, 2);
    assert.equal(kspm(['scan', '.', '--framework', 'no-such-framework']).status, 2);
    assert.equal(kspm(['scan', '.', '-o', 'xml']).status, 2);
    const missing = kspm(['scan', 'does-not-exist.yaml', '-o', 'json']);
    assert.equal(missing.status, 2);
    assert.match(json(missing.stdout).errors[0]!.file, /does-not-exist\.yaml/);
  });

  it('warns, and exits 0, when there is nothing to scan', () => {
    const result = kspm(['scan', '.', '-o', 'json'], { cwd: workdir({ 'README.md': '# docs only' }) });
    assert.equal(result.status, 0);
    assert.match(result.stderr, /no Kubernetes resources found/);
    assert.equal(json(result.stdout).summary.score, null);
  });

  it('exits 3 when some inputs failed and no threshold was crossed, and still scans the rest', () => {
    const dir = workdir({ 'good.yaml': PRIVILEGED_POD, 'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n' });
    const result = kspm(['scan', '.', '-o', 'json'], { cwd: dir });
    assert.equal(result.status, 3);
    const report = json(result.stdout);
    assert.equal(report.resources.length, 1);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.file, 'broken.yaml');
    assert.ok((report.errors[0]!.line ?? 0) >= 1);
    assert.equal(kspm(['scan', '.', '-o', 'json', '--fail-on', 'high'], { cwd: dir }).status, 1, '1 wins over 3');
  });

  it('reports errors in every format', () => {
    const dir = workdir({ 'broken.yaml': 'kind: [\n', 'good.yaml': PRIVILEGED_POD });
    for (const format of ['table', 'json', 'sarif', 'junit']) {
      const result = kspm(['scan', '.', '-o', format], { cwd: dir });
      assert.equal(result.status, 3, format);
      assert.match(result.stdout, /broken\.yaml/, `${format} names the broken file`);
    }
  });

  it('filters by framework, control and namespace', () => {
    const dir = workdir({ 'pod.yaml': PRIVILEGED_POD, 'other.yaml': PRIVILEGED_POD.replace('namespace: tools', 'namespace: prod') });
    const baseline = json(kspm(['scan', '.', '-o', 'json', '--framework', 'pss-baseline'], { cwd: dir }).stdout);
    assert.ok(baseline.findings.length > 0);
    assert.ok(baseline.findings.every((f) => f.controlId.startsWith('pss-')));
    const one = json(kspm(['scan', '.', '-o', 'json', '--control', 'pss-privileged'], { cwd: dir }).stdout);
    assert.deepEqual([...new Set(one.findings.map((f) => f.controlId))], ['pss-privileged']);
    const prod = json(kspm(['scan', '.', '-o', 'json', '-n', 'prod'], { cwd: dir }).stdout);
    assert.deepEqual(prod.resources.map((r) => r.namespace), ['prod']);
  });

  it('writes --output-file whole, leaving no partial file behind', () => {
    const dir = workdir({ 'pod.yaml': PRIVILEGED_POD });
    const result = kspm(['scan', 'pod.yaml', '-o', 'sarif', '--output-file', 'out.sarif'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { version: string };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(readdirSync(dir).sort(), ['out.sarif', 'pod.yaml']);
  });

  it('honours exception annotations and keeps the excepted finding', () => {
    const annotated = PRIVILEGED_POD.replace(
      '  namespace: tools\n',
      '  namespace: tools\n  annotations:\n    kspm.io/ignore: pss-privileged\n    kspm.io/ignore-reason: break-glass debug pod\n',
    );
    const dir = workdir({ 'pod.yaml': annotated });
    const result = kspm(['scan', 'pod.yaml', '-o', 'json', '--fail-on', 'critical', '--control', 'pss-privileged'], { cwd: dir });
    const report = json(result.stdout);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.exception?.status, 'active');
    assert.equal(result.status, 0, 'excepted findings do not fail the build');
  });

  it('writes SARIF for the demo that the official 2.1.0 schema accepts, one result per finding', (t) => {
    const validate = sarifValidator();
    if (!validate) return t.skip('shared SARIF schema absent');
    const args = ['scan', 'examples/demo', '--config', 'examples/demo/kspm.yaml'];
    const sarif = JSON.parse(kspm([...args, '-o', 'sarif']).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const findings = json(kspm([...args, '-o', 'json']).stdout).findings;
    const results = sarif.runs[0]!.results;
    assert.equal(results.length, findings.length);
    for (const result of results) {
      const location = result.locations[0]!.physicalLocation;
      assert.match(location.artifactLocation.uri, /^examples\/demo\/.+\.(yaml|json)$/);
      assert.ok(location.region.startLine >= 1);
    }
  });

  it('ends quietly when the reader stops early (kspm scan | head)', () => {
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${KSPM_BIN}" scan examples/demo -o junit | head -c 10 >/dev/null`], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(piped.stderr, '');
  });

  it('applies an annotation exception to findings cluster-wide controls make on the annotated workload', () => {
    const annotated = PRIVILEGED_POD.replace(
      '  namespace: tools\n',
      '  namespace: tools\n  annotations:\n    kspm.io/ignore: netpol-namespace-missing\n    kspm.io/ignore-reason: isolated by the service mesh\n',
    );
    const result = kspm(['scan', '-', '-o', 'json', '--control', 'netpol-namespace-missing', '--fail-on', 'low'], { input: annotated });
    const report = json(result.stdout);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.exception?.status, 'active');
    assert.equal(result.status, 0);
  });

  it('exits 3, not 2, when resources were read but the namespace filter kept none', () => {
    const dir = workdir({ 'pod.yaml': PRIVILEGED_POD, 'bad.yaml': 'a: [\n' });
    assert.equal(kspm(['scan', '.', '-n', 'elsewhere', '-o', 'json'], { cwd: dir }).status, 3);
  });

  it('lists the catalogue in every format, and docs/controls.md is current', () => {
    const table = kspm(['controls']);
    assert.equal(table.status, 0);
    const controls = JSON.parse(kspm(['controls', '-o', 'json']).stdout) as { id: string; severity: string; remediation: string }[];
    assert.ok(controls.length >= 19 + 35, `at least 19 PSS + 35 other controls, got ${controls.length}`);
    assert.equal(new Set(controls.map((c) => c.id)).size, controls.length, 'ids are unique');
    const markdown = kspm(['controls', '-o', 'markdown']).stdout;
    assert.equal(readFileSync(join(REPO_ROOT, 'docs', 'controls.md'), 'utf8'), markdown, 'run `npm run docs` to regenerate docs/controls.md');
  });

  it('scans the bundled demo as npm start does', () => {
    const result = kspm(['scan', 'examples/demo', '--config', 'examples/demo/kspm.yaml', '-o', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const report = json(result.stdout);
    assert.ok(report.resources.length >= 30, `demo has ${report.resources.length} objects`);
    assert.equal(report.errors.length, 0, JSON.stringify(report.errors));
    assert.ok(report.findings.some((f) => f.exception?.status === 'active'), 'an active exception');
    assert.ok(report.findings.some((f) => f.exception?.status === 'expired'), 'an expired exception');
    assert.ok(report.summary.score !== null && report.summary.score > 0 && report.summary.score < 100);
    const table = kspm(['scan', 'examples/demo', '--config', 'examples/demo/kspm.yaml']);
    assert.equal(table.status, 0);
    assert.doesNotMatch(table.stdout, /\u001b\[/, 'no colour when not a TTY');
  });
});
