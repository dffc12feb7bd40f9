/**
 * `kspm node` and `kspm scan` agree: a control-plane process's command line judged on the node gives the same
 * verdicts, under the same control ids, as the static pod manifest kubeadm writes for it judged by the API-side scan.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTROL_PLANE_CONTROLS } from '../controls/control-plane/index.js';
import { KUBEADM_FLAGS, type Binary } from '../controls/control-plane/testing.js';
import { LATEST_PSS_VERSION } from '../controls/pss/version.js';
import type { K8sObject } from '../model/k8s.js';
import { evaluateControlPlane } from './control-plane.js';

const OPTIONS = { pssVersion: LATEST_PSS_VERSION, kubernetesVersion: '1.35', allowedRegistries: [], now: new Date('2026-11-27T00:00:00Z') };

/** The static pod kubeadm writes: the binary and its flags as the container's command. */
function manifest(binary: Binary): K8sObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${binary}-cp-1`, namespace: 'kube-system' }, spec: { containers: [{ name: binary, command: [binary, ...KUBEADM_FLAGS[binary]] }] } };
}

function scanVerdicts(binary: Binary): Map<string, 'pass' | 'fail'> {
  const pod = manifest(binary);
  return new Map(
    CONTROL_PLANE_CONTROLS.filter((control) => control.judges?.(pod) ?? true).map((control) => [control.meta.id, control.check(pod, OPTIONS).length > 0 ? 'fail' : 'pass'] as const),
  );
}

describe('control-plane processes on the node', () => {
  for (const binary of Object.keys(KUBEADM_FLAGS) as Binary[]) {
    it(`${binary}: the same verdicts as the scan of its kubeadm manifest`, () => {
      const results = evaluateControlPlane([{ pid: 42, argv: [`/usr/local/bin/${binary}`, ...KUBEADM_FLAGS[binary]] }], 'cp-1', OPTIONS);
      const expected = scanVerdicts(binary);
      assert.ok(expected.size > 0);
      assert.deepEqual(new Map(results.map((result) => [result.checkId, result.status])), expected);
    });
  }

  it('a hyperkube command line is judged as the component it runs', () => {
    const results = evaluateControlPlane([{ pid: 7, argv: ['/hyperkube', 'kube-scheduler', '--profiling=true'] }], 'cp-1', OPTIONS);
    assert.equal(results.find((result) => result.checkId === 'scheduler-profiling')?.status, 'fail');
  });

  it("etcd's ETCD_* environment counts as its flags", () => {
    const argv = ['etcd', ...KUBEADM_FLAGS.etcd.filter((flag) => !flag.startsWith('--client-cert-auth'))];
    const without = evaluateControlPlane([{ pid: 9, argv }], 'cp-1', OPTIONS);
    const withEnv = evaluateControlPlane([{ pid: 9, argv, etcdEnv: { ETCD_CLIENT_CERT_AUTH: 'true' } }], 'cp-1', OPTIONS);
    const status = (results: typeof without) => results.find((result) => result.checkId === 'etcd-client-cert-auth')?.status;
    assert.equal(status(without), 'fail');
    assert.equal(status(withEnv), 'pass');
  });

  it('a node without control-plane processes reports none of these controls', () => {
    assert.deepEqual(evaluateControlPlane([{ pid: 1, argv: ['/usr/bin/kubelet'] }], 'w-1', OPTIONS), []);
  });
});
