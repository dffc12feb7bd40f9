/**
 * The CIS benchmarks (Kubernetes 1.12, EKS 1.8, GKE 1.9, AKS 1.8) are data files. These tests hold each one to the
 * FrameworkDefinition shape, to kube-bench's definitions of the same benchmark (every recommendation present, nothing
 * invented, each in its section) and to kspm: every check exists, every CIS ref a kspm control carries is mapped back
 * to it, provider benchmarks decide kubelet settings with the node check of the same setting, and nothing the
 * provider runs is held against a managed cluster.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse, parseDocument } from 'yaml';
import { z } from 'zod';
import type { FrameworkControl, FrameworkDefinition } from '../src/compliance/types.js';
import { ALL_CONTROLS } from '../src/controls/registry.js';
import { REPO_ROOT, sharedData } from './helpers/shared.js';

const nonEmpty = z.string().trim().min(1);

const frameworkSchema = z
  .object({
    id: nonEmpty,
    title: nonEmpty,
    version: nonEmpty,
    url: z.string().url().optional(),
    description: nonEmpty,
    controls: z
      .array(
        z
          .object({
            id: z.string().regex(/^\d+(\.\d+)+$/),
            title: nonEmpty,
            section: nonEmpty,
            checks: z.array(nonEmpty).min(1).optional(),
            manual: z.object({ reason: nonEmpty, audit: nonEmpty }).strict().optional(),
            providerManaged: z.array(z.enum(['eks', 'gke', 'aks'])).min(1).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict() satisfies z.ZodType<FrameworkDefinition>;

/** Framework id -> kube-bench benchmark folder. */
const BENCHMARKS: Record<string, string> = {
  'cis-1.12': 'cis-1.12',
  'cis-eks-1.8': 'eks-1.8.0',
  'cis-gke-1.9': 'gke-1.9.0',
  'cis-aks-1.8': 'aks-1.8',
};
const PROVIDER_FRAMEWORKS = ['cis-eks-1.8', 'cis-gke-1.9', 'cis-aks-1.8'];

const NODE_CHECK = /^node-cis-([0-9.]+)$/;
const CIS_NODE_SIDE = /^(1\.1|4\.1|4\.2)\.\d+$/;
const controlsById = new Map(ALL_CONTROLS.map((control) => [control.meta.id, control]));

function load(id: string): FrameworkDefinition {
  const file = join(REPO_ROOT, 'frameworks', `${id}.yaml`);
  const result = frameworkSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) assert.fail(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

interface KubeBenchCheck {
  id: string;
  /** The flags (or config keys) its tests read: `--read-only-port`, `RotateKubeletServerCertificate`. */
  flags: string[];
}

const kubeBenchGroupsSchema = z.object({
  groups: z
    .array(
      z.object({
        checks: z
          .array(
            z.object({
              id: z.union([z.string(), z.number()]).transform(String),
              tests: z.object({ test_items: z.array(z.object({ flag: z.string().optional() })).optional() }).optional(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

/**
 * Every check of one kube-bench benchmark folder. kube-bench's files are read by Go's YAML parser, which accepts a
 * double-quoted title continued at a shallower indent (cis-1.12 etcd.yaml); the yaml package reports that as an error
 * yet still reads the document, so the checks are taken from it and the parse errors are not fatal here.
 */
function kubeBenchChecks(cfgDir: string, benchmark: string): KubeBenchCheck[] {
  const dir = join(cfgDir, 'cfg', benchmark);
  const checks: KubeBenchCheck[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'config.yaml')) {
    const doc = kubeBenchGroupsSchema.parse(parseDocument(readFileSync(join(dir, file), 'utf8')).toJS());
    for (const group of doc.groups ?? []) {
      for (const check of group.checks ?? []) {
        const flags = (check.tests?.test_items ?? []).flatMap((item) => (item.flag === undefined ? [] : [item.flag]));
        checks.push({ id: check.id, flags: [...new Set(flags)] });
      }
    }
  }
  return checks;
}

for (const [frameworkId, benchmark] of Object.entries(BENCHMARKS)) {
  describe(`frameworks/${frameworkId}.yaml`, () => {
    const framework = load(frameworkId);

    test('is the framework its file is named after', () => {
      assert.equal(framework.id, frameworkId);
    });

    test('control ids are unique and each sits in the section its number belongs to', () => {
      const seen = new Set<string>();
      for (const control of framework.controls) {
        assert.ok(!seen.has(control.id), `${frameworkId} ${control.id}: listed twice`);
        seen.add(control.id);
        const sectionNumber = control.section?.split(' ')[0] ?? '';
        assert.ok(control.id.startsWith(`${sectionNumber}.`), `${frameworkId} ${control.id}: section "${control.section}" is not its section`);
      }
    });

    test('every control is decided by checks or says why it is manual, not both', () => {
      for (const control of framework.controls) {
        assert.ok((control.checks === undefined) !== (control.manual === undefined), `${frameworkId} ${control.id}: needs checks or manual, not both`);
      }
    });

    test('every check is a kspm control or a CIS 1.12 node-side check, named once per control', () => {
      for (const control of framework.controls) {
        const checks = control.checks ?? [];
        assert.equal(new Set(checks).size, checks.length, `${frameworkId} ${control.id}: a check is named twice`);
        for (const check of checks) {
          const nodeId = NODE_CHECK.exec(check)?.[1];
          if (nodeId !== undefined) assert.match(nodeId, CIS_NODE_SIDE, `${frameworkId} ${control.id}: ${check} is not a node-side CIS 1.12 check`);
          else assert.ok(controlsById.has(check), `${frameworkId} ${control.id}: unknown check ${check}`);
        }
      }
    });

    const cfgDir = sharedData('kube-bench-cfg');
    test(`holds every recommendation of kube-bench's ${benchmark} and nothing else`, { skip: cfgDir === undefined }, () => {
      const expected = kubeBenchChecks(cfgDir ?? '', benchmark).map((check) => check.id);
      assert.ok(expected.length > 40, `kube-bench ${benchmark} holds the benchmark's checks`);
      const listed = framework.controls.map((control) => control.id);
      assert.deepEqual(
        { missing: expected.filter((id) => !listed.includes(id)), extra: listed.filter((id) => !expected.includes(id)) },
        { missing: [], extra: [] },
      );
    });
  });
}

describe('CIS Kubernetes 1.12 and kspm', () => {
  const cis = load('cis-1.12');
  const byId = new Map(cis.controls.map((control) => [control.id, control]));

  test('every CIS ref a kspm control carries is mapped to that control', () => {
    const missing: string[] = [];
    for (const control of ALL_CONTROLS) {
      for (const ref of control.meta.frameworks) {
        if (ref.framework === 'cis' && !byId.get(ref.id)?.checks?.includes(control.meta.id)) missing.push(`${control.meta.id} -> ${ref.id}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('node-side recommendations (1.1, 4.1, 4.2) are decided by the node check of the same number', () => {
    const nodeSide = cis.controls.filter((control) => CIS_NODE_SIDE.test(control.id));
    assert.ok(nodeSide.length >= 45, 'sections 1.1, 4.1 and 4.2 are listed');
    for (const control of nodeSide) assert.deepEqual(control.checks, [`node-cis-${control.id}`], `cis-1.12 ${control.id}`);
  });

  test('what the provider runs (sections 1, 2 and 3.2) is not applicable on EKS, GKE and AKS', () => {
    for (const control of cis.controls.filter((c) => /^(1|2|3\.2)\./.test(c.id))) {
      assert.deepEqual([...(control.providerManaged ?? [])].sort(), ['aks', 'eks', 'gke'], `cis-1.12 ${control.id}`);
    }
    for (const control of cis.controls.filter((c) => /^(4|5)\./.test(c.id))) {
      assert.equal(control.providerManaged, undefined, `cis-1.12 ${control.id}: worker nodes and policies are the user's on every platform`);
    }
  });
});

describe('provider benchmarks and kspm', () => {
  const controlPlaneChecks = new Set(ALL_CONTROLS.filter((control) => control.meta.category === 'Control Plane').map((control) => control.meta.id));

  test('hold no control-plane flag or control-plane file check, since the provider runs the control plane', () => {
    for (const id of PROVIDER_FRAMEWORKS) {
      for (const control of load(id).controls) {
        for (const check of control.checks ?? []) {
          assert.ok(!controlPlaneChecks.has(check) && !/^node-cis-1\./.test(check), `${id} ${control.id}: ${check} is about the control plane`);
        }
      }
    }
  });

  /** kube-bench's aks-1.8 3.2.2 tests --anonymous-auth under the authorization-mode title; its title is the intent. */
  const KUBE_BENCH_FLAG_SLIPS = new Set(['cis-aks-1.8 3.2.2']);

  const cfgDir = sharedData('kube-bench-cfg');
  test('kubelet settings map to the CIS 1.12 node check that reads the same flag', { skip: cfgDir === undefined }, () => {
    const cisFlags = new Map(kubeBenchChecks(cfgDir ?? '', 'cis-1.12').map((check) => [check.id, check.flags]));
    let compared = 0;
    for (const id of PROVIDER_FRAMEWORKS) {
      const providerFlags = new Map(kubeBenchChecks(cfgDir ?? '', BENCHMARKS[id] ?? '').map((check) => [check.id, check.flags]));
      for (const control of load(id).controls) {
        const kubelet = kubeletCheckOf(control);
        if (kubelet === undefined || KUBE_BENCH_FLAG_SLIPS.has(`${id} ${control.id}`)) continue;
        assert.deepEqual(providerFlags.get(control.id), cisFlags.get(kubelet), `${id} ${control.id} -> node-cis-${kubelet}`);
        compared += 1;
      }
    }
    assert.ok(compared >= 17, `EKS and AKS kubelet sections were compared (${compared})`);
  });
});

function kubeletCheckOf(control: FrameworkControl): string | undefined {
  for (const check of control.checks ?? []) {
    const id = NODE_CHECK.exec(check)?.[1];
    if (id?.startsWith('4.2.')) return id;
  }
  return undefined;
}
