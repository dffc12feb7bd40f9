import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NSA_SECTIONS } from '../../frameworks/nsa.js';
import { DEFAULT_TEST_OPTIONS } from '../testing.js';
import { controlsInForce, evaluatePodSecurity, PSS_CONTROLS, pssControlIds } from './index.js';
import { container, cronJob, deployment, pod } from './test-objects.js';
import { LATEST_PSS_MINOR } from './version.js';

const BASELINE = [
  'pss-apparmor',
  'pss-capabilities-baseline',
  'pss-host-namespaces',
  'pss-host-path-volumes',
  'pss-host-ports',
  'pss-host-probes',
  'pss-privileged',
  'pss-proc-mount',
  'pss-seccomp-baseline',
  'pss-selinux',
  'pss-sysctls',
  'pss-windows-host-process',
];

/** A pod that passes the restricted level at every version. */
const restrictedPod = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [container('app', { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } })],
};

describe('Pod Security control set', () => {
  it('has one control per upstream check, with unique pss- ids and complete metadata', () => {
    const ids = PSS_CONTROLS.map((control) => control.meta.id);
    assert.equal(new Set(ids).size, 19);
    assert.equal(new Set(PSS_CONTROLS.map((control) => control.pss.check)).size, 19);
    for (const { meta, pss } of PSS_CONTROLS) {
      assert.match(meta.id, /^pss-[a-z-]+$/);
      assert.equal(meta.category, 'Pod Security');
      assert.equal(meta.appliesTo, 'workloads');
      assert.ok(meta.rationale.length > 40 && meta.remediation.length > 20, `${meta.id} explains itself`);
      assert.ok(meta.frameworks.some((ref) => ref.framework === 'pss' && ref.id === pss.level), `${meta.id} names its level`);
      for (const ref of meta.frameworks) {
        if (ref.framework === 'nsa') assert.ok(ref.id in NSA_SECTIONS, `${meta.id}: unknown NSA section ${ref.id}`);
        if (ref.framework === 'cis') assert.match(ref.id, /^5\.\d+\.\d+$/);
      }
      for (const overridden of pss.overrides) assert.ok(BASELINE.includes(overridden), `${meta.id} overrides a baseline control`);
    }
  });

  it('baseline is its own checks; restricted replaces four of them at the newest version', () => {
    assert.deepEqual(pssControlIds('baseline'), BASELINE);
    const restricted = pssControlIds('restricted');
    for (const replaced of ['pss-host-path-volumes', 'pss-seccomp-baseline', 'pss-capabilities-baseline', 'pss-proc-mount']) {
      assert.ok(!restricted.includes(replaced), `${replaced} is replaced`);
    }
    assert.equal(restricted.length, 19 - 4);
  });

  it('overrides apply only from the version of the replacing check', () => {
    const at = (minor: number) => controlsInForce('restricted', { minor }).map(({ control }) => control.meta.id);
    assert.ok(at(18).includes('pss-seccomp-baseline') && !at(18).includes('pss-seccomp-restricted'));
    assert.ok(!at(19).includes('pss-seccomp-baseline') && at(19).includes('pss-seccomp-restricted'));
    assert.ok(at(21).includes('pss-capabilities-baseline') && !at(22).includes('pss-capabilities-baseline'));
    assert.ok(at(34).includes('pss-proc-mount') && !at(35).includes('pss-proc-mount'));
    assert.ok(!at(0).includes('pss-host-path-volumes'));
    assert.ok(!at(7).includes('pss-allow-privilege-escalation') && at(8).includes('pss-allow-privilege-escalation'));
    assert.ok(!at(33).includes('pss-host-probes') && at(34).includes('pss-host-probes'));
  });
});

describe('evaluatePodSecurity', () => {
  it('allows a restricted pod at every version and level, in every workload kind', () => {
    for (let minor = 0; minor <= LATEST_PSS_MINOR; minor++) {
      for (const object of [pod(restrictedPod), deployment(restrictedPod), cronJob(restrictedPod)]) {
        assert.deepEqual(evaluatePodSecurity(object, 'restricted', { minor }), [], `v1.${minor} ${object.kind}`);
        assert.deepEqual(evaluatePodSecurity(object, 'baseline', { minor }), []);
      }
    }
  });

  it('reports each violation with the control and upstream check that found it', () => {
    const object = deployment({ ...restrictedPod, hostPID: true, volumes: [{ name: 'root', hostPath: { path: '/' } }] });
    const violations = evaluatePodSecurity(object, 'restricted', { minor: 30 });
    assert.deepEqual(
      violations.map((v) => [v.controlId, v.check]),
      [
        ['pss-host-namespaces', 'hostNamespaces'],
        ['pss-restricted-volumes', 'restrictedVolumes'],
      ],
    );
    assert.deepEqual(
      evaluatePodSecurity(object, 'baseline', { minor: 30 }).map((v) => v.controlId),
      ['pss-host-namespaces', 'pss-host-path-volumes'],
    );
  });

  it('a bare pod fails restricted only on restricted checks, and baseline not at all', () => {
    const bare = pod({ containers: [container('app')] });
    assert.deepEqual(evaluatePodSecurity(bare, 'baseline', { minor: LATEST_PSS_MINOR }), []);
    assert.deepEqual(
      [...new Set(evaluatePodSecurity(bare, 'restricted', { minor: LATEST_PSS_MINOR }).map((v) => v.check))],
      ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'],
    );
  });

  it('judges the pod template of every workload kind', () => {
    const spec = { containers: [container('app', { privileged: true })] };
    const template = { metadata: { labels: { app: 'x' } }, spec };
    const objects = [
      pod(spec),
      { kind: 'PodTemplate', template },
      ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].map((kind) => ({ kind, spec: { template } })),
      cronJob(spec),
    ];
    for (const object of objects) {
      const found = evaluatePodSecurity(object, 'baseline', { minor: LATEST_PSS_MINOR }).map((v) => v.controlId);
      assert.deepEqual(found, ['pss-privileged'], String(object.kind));
    }
  });

  it('allows objects without a pod template', () => {
    assert.deepEqual(evaluatePodSecurity({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, 'restricted', { minor: 37 }), []);
  });

  it('never throws on malformed input', () => {
    const garbage: unknown[] = [null, 'x', 7, [], { containers: null }, [null, 'a', { securityContext: 'no' }]];
    const specs = garbage.flatMap((value) => [
      { containers: value, initContainers: value, ephemeralContainers: value, volumes: value, securityContext: value, os: value, hostUsers: value },
      {
        securityContext: { sysctls: value, seccompProfile: value, seLinuxOptions: value, appArmorProfile: value, windowsOptions: value },
        containers: [{ name: value, securityContext: { capabilities: value, seccompProfile: value, seLinuxOptions: value, windowsOptions: value }, ports: value, livenessProbe: value, lifecycle: value }],
        volumes: [value],
      },
    ]);
    for (const spec of specs) {
      for (const object of [pod(spec as Record<string, unknown>, { annotations: garbage[0] }), { kind: 'Deployment', spec: { template: { metadata: { annotations: 'x' }, spec } } }]) {
        for (const minor of [0, 19, 25, 35, LATEST_PSS_MINOR]) {
          assert.doesNotThrow(() => evaluatePodSecurity(object as never, 'restricted', { minor }));
          for (const control of PSS_CONTROLS) assert.doesNotThrow(() => control.check(object as never, { ...DEFAULT_TEST_OPTIONS, pssVersion: { minor } }));
        }
      }
    }
  });
});
