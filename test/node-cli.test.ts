/**
 * `kspm node` end to end on fixture host trees: the JSON report that `kspm compliance --node-results` reads, the
 * table, exit codes, and the Job and DaemonSet it prints.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { NodeCheckResult } from '../src/compliance/types.js';
import { buildHost, hardenedKubeadmNode } from '../src/node/host-fixtures.js';
import { kspm } from './helpers/cli.js';

interface Report {
  schemaVersion: number;
  node: string;
  platform: string;
  results: NodeCheckResult[];
  errors: string[];
}

describe('kspm node', () => {
  const hardened = buildHost(hardenedKubeadmNode());
  const weakSpec = hardenedKubeadmNode();
  weakSpec.files['/etc/kubernetes/pki/ca.key']!.mode = 0o644;
  const weak = buildHost(weakSpec);
  const out = mkdtempSync(join(tmpdir(), 'kspm-node-out-'));
  after(() => {
    hardened.cleanup();
    weak.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes the JSON report to --output-file: node, platform and one result per check and control', () => {
    const file = join(out, 'node.json');
    const result = kspm(['node', '--root', hardened.root, '-o', 'json', '--output-file', file]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.node, 'cp-1', 'from /etc/hostname under --root');
    assert.equal(report.platform, 'kubeadm');
    assert.deepEqual(report.errors, []);
    const byId = new Map(report.results.map((entry) => [entry.checkId, entry]));
    assert.equal(byId.get('node-cis-1.1.1')?.status, 'pass');
    assert.equal(byId.get('node-cis-4.2.1')?.status, 'pass');
    assert.equal(byId.get('apiserver-anonymous-auth')?.status, 'pass');
    assert.equal(byId.get('apiserver-audit-log-path')?.status, 'fail');
    for (const entry of report.results) assert.equal(entry.node, 'cp-1');
  });

  it('prints a table naming the failing file; --fail-on-fail exits 1 on a failure', () => {
    const table = kspm(['node', '--root', weak.root, '--node-name', 'cp-weak', '--platform', 'kubeadm']);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /FAIL\s+node-cis-1\.1\.21\s+1 of 3 PKI private keys fall short: \/etc\/kubernetes\/pki\/ca\.key \(644\)/);
    assert.match(table.stdout, /^  node-cis-1\.1\.21: PKI private keys are readable by others$/m);
    assert.match(table.stdout, /node cp-weak \(kubeadm\): \d+ failed/);
    assert.equal(kspm(['node', '--root', weak.root, '--fail-on-fail', '-o', 'json']).status, 1);
  });

  it('refuses an unknown platform and a missing root (exit 2)', () => {
    const platform = kspm(['node', '--root', hardened.root, '--platform', 'openshift']);
    assert.equal(platform.status, 2);
    assert.match(platform.stderr, /unknown --platform openshift; one of kubeadm, eks, gke, aks, k3s, rke2/);
    assert.equal(kspm(['node', '--root', join(out, 'absent')]).status, 2);
  });

  it('a root without /proc is reported as an input error (exit 3) with the checks it could decide', () => {
    const spec = hardenedKubeadmNode();
    spec.processes = {};
    const host = buildHost(spec);
    try {
      const result = kspm(['node', '--root', host.root, '-o', 'json']);
      assert.equal(result.status, 3);
      const report = JSON.parse(result.stdout) as Report;
      assert.match(report.errors[0] ?? '', /proc is absent/);
      assert.equal(report.results.find((entry) => entry.checkId === 'node-cis-1.1.1')?.status, 'pass');
      assert.equal(report.results.find((entry) => entry.checkId === 'node-cis-4.2.1')?.status, 'not-applicable');
    } finally {
      host.cleanup();
    }
  });
});

describe('kspm node manifests', () => {
  const objects = (text: string) => parseAllDocuments(text).map((document) => document.toJS() as Record<string, any>);

  for (const [flag, kind] of [['--job', 'Job'], ['--daemonset', 'DaemonSet']] as const) {
    it(`${flag}: a ${kind} running kspm node on the host mounted read-only, as root without capabilities`, () => {
      const result = kspm(['node', 'manifests', flag]);
      assert.equal(result.status, 0, result.stderr);
      const [object] = objects(result.stdout);
      assert.equal(object?.kind, kind);
      const pod = object!.spec.template.spec;
      assert.equal(pod.hostPID, true);
      assert.equal(pod.automountServiceAccountToken, false);
      assert.equal(pod.hostNetwork, undefined);
      const containers = [...(pod.initContainers ?? []), ...pod.containers];
      const checker = containers.find((container: { name: string }) => container.name === 'kspm-node');
      assert.deepEqual(checker.args, ['node', '--root', '/host', '--node-name', '$(NODE_NAME)', '-o', 'json']);
      assert.deepEqual(checker.volumeMounts, [{ name: 'host', mountPath: '/host', readOnly: true, mountPropagation: 'None' }]);
      for (const container of containers) {
        assert.equal(container.securityContext.allowPrivilegeEscalation, false);
        assert.deepEqual(container.securityContext.capabilities.drop, ['ALL']);
        assert.equal(container.securityContext.capabilities.add, undefined);
        assert.equal(container.securityContext.readOnlyRootFilesystem, true);
      }
      assert.deepEqual(pod.volumes, [{ name: 'host', hostPath: { path: '/', type: 'Directory' } }]);
    });
  }

  it('--job and --daemonset together are a usage error', () => {
    assert.equal(kspm(['node', 'manifests', '--job', '--daemonset']).status, 2);
  });
});
