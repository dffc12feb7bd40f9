import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import { NSA_SECTIONS } from '../../frameworks/nsa.js';
import { isRecord, list, type K8sObject } from '../../model/k8s.js';
import { SEVERITY_RANK } from '../../model/severity.js';
import { DEFAULT_TEST_OPTIONS } from '../testing.js';
import type { ResourceControl } from '../types.js';
import { CONTROL_PLANE_CONTROLS, OUT_OF_SCOPE_CIS_CHECKS } from './index.js';
import { HARDENED_FLAGS, KUBEADM_FLAGS, staticPod, type Binary } from './testing.js';

const cisOf = (control: ResourceControl) => control.meta.frameworks.filter((ref) => ref.framework === 'cis').map((ref) => ref.id);
const BINARIES = Object.keys(KUBEADM_FLAGS) as Binary[];

describe('CONTROL_PLANE_CONTROLS catalogue', () => {
  it('has unique kebab-case ids, sorted', () => {
    const ids = CONTROL_PLANE_CONTROLS.map((control) => control.meta.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(apiserver|controller-manager|scheduler|etcd)(-[a-z0-9]+)+$/);
  });

  it('describes every control as a self-managed control-plane check on Pods, with one CIS reference', () => {
    for (const { meta, scope } of CONTROL_PLANE_CONTROLS) {
      assert.equal(scope, 'resource');
      assert.equal(meta.category, 'Control Plane');
      assert.deepEqual(meta.appliesTo, ['Pod']);
      assert.equal(meta.selfManagedOnly, true);
      for (const text of [meta.title, meta.description, meta.rationale, meta.remediation]) assert.ok(text.length > 10, `${meta.id} has its texts`);
      assert.equal(meta.frameworks.filter((ref) => ref.framework === 'cis').length, 1, meta.id);
    }
    const references = CONTROL_PLANE_CONTROLS.flatMap(cisOf);
    assert.equal(new Set(references).size, references.length, 'each CIS check has one control');
  });

  it('refers only to NSA sections and MITRE techniques that exist', () => {
    for (const { meta } of CONTROL_PLANE_CONTROLS) {
      for (const ref of meta.frameworks) {
        if (ref.framework === 'nsa') assert.ok(ref.id in NSA_SECTIONS, `${meta.id}: unknown NSA section ${ref.id}`);
        else if (ref.framework === 'mitre') assert.match(ref.id, /^T\d{4}(\.\d{3})?$/, meta.id);
        else assert.equal(ref.framework, 'cis', meta.id);
      }
    }
  });
});

describe('CONTROL_PLANE_CONTROLS on whole control planes', () => {
  const failing = (flags: Readonly<Record<Binary, readonly string[]>>) =>
    BINARIES.flatMap((binary) => {
      const pod = load(staticPod(binary, flags[binary])) as K8sObject;
      return CONTROL_PLANE_CONTROLS.filter((control) => control.check(pod, DEFAULT_TEST_OPTIONS).length > 0).map((control) => control.meta.id);
    }).sort();

  it('pass the hardened kubeadm control plane', () => {
    assert.deepEqual(failing(HARDENED_FLAGS), []);
  });

  it('fail a stock kubeadm control plane where kubeadm keeps upstream\'s defaults', () => {
    assert.deepEqual(failing(KUBEADM_FLAGS), [
      'apiserver-always-pull-images',
      'apiserver-anonymous-auth',
      'apiserver-audit-log-maxage',
      'apiserver-audit-log-maxbackup',
      'apiserver-audit-log-maxsize',
      'apiserver-audit-log-path',
      'apiserver-deny-service-external-ips',
      'apiserver-encryption-provider-config',
      'apiserver-event-rate-limit',
      'apiserver-kubelet-certificate-authority',
      'apiserver-profiling',
      'apiserver-sa-token-extend-expiration',
      'apiserver-tls-cipher-suites',
      'controller-manager-profiling',
      'controller-manager-terminated-pod-gc',
      'scheduler-profiling',
    ]);
  });

  it('judge each component\'s pod with that component\'s controls only', () => {
    for (const binary of BINARIES) {
      const pod = load(staticPod(binary, KUBEADM_FLAGS[binary])) as K8sObject;
      const prefix = binary.replace(/^kube-/, '');
      const judging = CONTROL_PLANE_CONTROLS.filter((control) => control.judges?.(pod)).map((control) => control.meta.id);
      assert.ok(judging.length > 0, binary);
      for (const id of judging) assert.ok(id.startsWith(`${prefix}-`), `${id} judges the ${binary} pod`);
    }
  });

  it('neither judge nor fail pods that only look like the control plane', () => {
    const lookalikes: K8sObject[] = [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'kube-apiserver-cp-1', namespace: 'kube-system', labels: { component: 'kube-apiserver', tier: 'control-plane' } },
        spec: { containers: [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.33.2' }] },
      },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'etcd-backup' }, spec: { containers: [{ name: 'backup', command: ['etcdctl', 'snapshot', 'save', '/backup/etcd.db'] }] } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'etcd' }, spec: { template: { spec: { containers: [{ name: 'etcd', command: ['etcd'] }] } } } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'broken' }, spec: { containers: 'kube-apiserver' } },
    ];
    for (const control of CONTROL_PLANE_CONTROLS) {
      for (const object of lookalikes) {
        assert.equal(control.judges?.(object), false, `${control.meta.id} judges ${object.metadata?.name}`);
        assert.deepEqual(control.check(object, DEFAULT_TEST_OPTIONS), [], `${control.meta.id} on ${object.metadata?.name}`);
      }
    }
  });
});

interface BenchCheck {
  id: string;
  text: string;
  scored: boolean;
  /** The flags kube-bench's tests read. */
  flags: string[];
}

/** The checks of the given groups of one kube-bench benchmark file. */
function benchChecks(file: string, groups: readonly string[]): BenchCheck[] {
  const document = load(readFileSync(file, 'utf8'));
  assert.ok(isRecord(document), file);
  return list(document.groups)
    .filter((group) => isRecord(group) && groups.includes(String(group.id)))
    .flatMap((group) => list((group as Record<string, unknown>).checks))
    .filter(isRecord)
    .map((check) => ({
      id: String(check.id),
      text: String(check.text),
      scored: check.scored === true,
      flags: isRecord(check.tests) ? list(check.tests.test_items).flatMap((item) => (isRecord(item) && typeof item.flag === 'string' && item.flag.startsWith('--') ? [item.flag] : [])) : [],
    }));
}

const kubeBench = sharedData('kube-bench-cfg');
describe('coverage of CIS Kubernetes Benchmark 1.12 (kube-bench)', { skip: kubeBench ? false : 'shared kube-bench-cfg data is absent' }, () => {
  const directory = join(kubeBench!, 'cfg', 'cis-1.12');
  const checks = () => [...benchChecks(join(directory, 'master.yaml'), ['1.2', '1.3', '1.4']), ...benchChecks(join(directory, 'etcd.yaml'), ['2'])];
  const controlOf = (id: string) => CONTROL_PLANE_CONTROLS.find((control) => cisOf(control).includes(id));
  const outOfScope = new Set(OUT_OF_SCOPE_CIS_CHECKS.map((check) => check.id));

  it('implements or lists as out of scope every check of sections 1.2, 1.3, 1.4 and 2, and nothing else', () => {
    const all = checks();
    assert.ok(all.length >= 45, `read ${all.length} checks`);
    const ids = new Set(all.map((check) => check.id));
    for (const { id } of all) assert.ok(controlOf(id) !== undefined || outOfScope.has(id), `CIS ${id} is neither implemented nor listed as out of scope`);
    for (const id of outOfScope) {
      assert.ok(ids.has(id), `out-of-scope ${id} is not a check of those sections`);
      assert.equal(controlOf(id), undefined, `${id} is both implemented and out of scope`);
    }
    for (const control of CONTROL_PLANE_CONTROLS) for (const id of cisOf(control)) assert.ok(ids.has(id), `${control.meta.id}: no CIS 1.12 check ${id}`);
  });

  it('names in each control\'s description every flag the benchmark\'s test reads', () => {
    for (const check of checks()) {
      const control = controlOf(check.id);
      if (!control) continue;
      for (const flag of check.flags) assert.ok(control.meta.description.includes(`\`${flag}`), `${control.meta.id} (CIS ${check.id}) does not mention ${flag}`);
    }
  });

  it('rates automated checks at medium or above and manual ones at medium or below', () => {
    for (const check of checks()) {
      const control = controlOf(check.id);
      if (!control) continue;
      const rank = SEVERITY_RANK[control.meta.severity];
      if (check.scored) assert.ok(rank >= SEVERITY_RANK.medium, `${control.meta.id} (automated) is ${control.meta.severity}`);
      else assert.ok(rank <= SEVERITY_RANK.medium, `${control.meta.id} (manual) is ${control.meta.severity}`);
    }
  });
});
