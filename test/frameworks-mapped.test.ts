/**
 * The mapped frameworks (MITRE ATT&CK, NIST SP 800-53, PCI DSS, HIPAA, SOC 2) are data files. These tests hold each
 * one to the FrameworkDefinition shape and to kspm: every check a framework control names exists (an API-side
 * control, or a CIS 1.12 node check `kspm node` runs), every control is decided by checks or says why it is manual,
 * and every ATT&CK technique a kspm control claims is mapped back to that control in mitre.yaml.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { formatLoadError, parseFramework } from '../src/compliance/load.js';
import type { FrameworkDefinition } from '../src/compliance/types.js';
import { ALL_CONTROLS } from '../src/controls/registry.js';
import { REPO_ROOT, sharedData } from './helpers/shared.js';

const ATTACK_TACTICS = new Set([
  'Reconnaissance', 'Resource Development', 'Initial Access', 'Execution', 'Persistence', 'Privilege Escalation',
  'Defense Evasion', 'Credential Access', 'Discovery', 'Lateral Movement', 'Collection', 'Command and Control',
  'Exfiltration', 'Impact',
]);

/** Each framework's own id format, and whether a control's section is the one its id (or ATT&CK's tactics) allows. */
const FRAMEWORKS: Record<string, { idFormat: RegExp; sectionFits: (id: string, section: string) => boolean }> = {
  mitre: { idFormat: /^T\d{4}(\.\d{3})?$/, sectionFits: (_id, section) => ATTACK_TACTICS.has(section) },
  'nist-800-53': { idFormat: /^[A-Z]{2}-\d+(\(\d+\))?$/, sectionFits: (id, section) => section.startsWith(`${id.slice(0, 2)} `) },
  'pci-dss-4': { idFormat: /^\d{1,2}(\.\d+){1,3}$/, sectionFits: (id, section) => section.startsWith(`Requirement ${id.split('.')[0]}:`) },
  hipaa: { idFormat: /^164\.312\([a-e]\)(\(\d\))?(\((i|ii|iii|iv)\))?$/, sectionFits: (id, section) => section.startsWith(`${id.slice(0, 10)} `) },
  soc2: { idFormat: /^CC[6-8]\.\d$/, sectionFits: (id, section) => section.startsWith(`${id.split('.')[0]} `) },
};

/** Controls about availability hygiene that none of these security frameworks asks for by itself. */
const RELIABILITY_ONLY = new Set(['probes-missing-liveness', 'probes-missing-readiness', 'workload-single-replica']);

const NODE_CHECK = /^node-cis-((?:1\.1|4\.1|4\.2)\.\d+)$/;
const kspmControlIds = new Set(ALL_CONTROLS.map((control) => control.meta.id));

/** Through kspm's own loader, which checks the shape, unique ids and that every check exists. */
function load(id: string): FrameworkDefinition {
  const file = join(REPO_ROOT, 'frameworks', `${id}.yaml`);
  const outcome = parseFramework(readFileSync(file, 'utf8'), file);
  if (outcome.errors) assert.fail(outcome.errors.map(formatLoadError).join('\n'));
  return outcome.framework;
}

/** CIS 1.12 check ids of the node-side sections (1.1, 4.1, 4.2), read from kube-bench's definitions. */
function cisNodeSideIds(cfgDir: string): Set<string> {
  const ids = new Set<string>();
  for (const file of ['master.yaml', 'node.yaml']) {
    const doc = parse(readFileSync(join(cfgDir, 'cfg', 'cis-1.12', file), 'utf8')) as { groups: { checks: { id: unknown }[] }[] };
    for (const group of doc.groups) for (const check of group.checks) {
      const id = String(check.id);
      if (/^(1\.1|4\.1|4\.2)\.\d+$/.test(id)) ids.add(id);
    }
  }
  return ids;
}

for (const [frameworkId, rules] of Object.entries(FRAMEWORKS)) {
  describe(`frameworks/${frameworkId}.yaml`, () => {
    const framework = load(frameworkId);

    test('is the framework its file is named after', () => {
      assert.equal(framework.id, frameworkId);
    });

    test('control ids are in the framework numbering and unique', () => {
      const seen = new Set<string>();
      for (const control of framework.controls) {
        assert.match(control.id, rules.idFormat, `${frameworkId} ${control.id}: not an id of this framework`);
        assert.ok(!seen.has(control.id), `${frameworkId} ${control.id}: listed twice`);
        seen.add(control.id);
      }
    });

    test('every control sits in the section its id belongs to', () => {
      for (const control of framework.controls) {
        assert.ok(rules.sectionFits(control.id, control.section ?? ''), `${frameworkId} ${control.id}: section "${control.section}" does not fit`);
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
          assert.ok(kspmControlIds.has(check) || NODE_CHECK.test(check), `${frameworkId} ${control.id}: unknown check ${check}`);
        }
      }
    });

    const kubeBench = sharedData('kube-bench-cfg');
    test('every node check names a CIS 1.12 node-side recommendation', { skip: kubeBench === undefined }, () => {
      const cisIds = cisNodeSideIds(kubeBench ?? '');
      assert.ok(cisIds.size > 40, 'kube-bench CIS 1.12 definitions hold the node-side sections');
      for (const control of framework.controls) for (const check of control.checks ?? []) {
        const cisId = NODE_CHECK.exec(check)?.[1];
        if (cisId !== undefined) assert.ok(cisIds.has(cisId), `${frameworkId} ${control.id}: ${check} is not a CIS 1.12 recommendation`);
      }
    });
  });
}

test('every ATT&CK technique a kspm control claims is mapped to that control in mitre.yaml', () => {
  const techniques = new Map(load('mitre').controls.map((control) => [control.id, new Set(control.checks ?? [])]));
  const missing: string[] = [];
  for (const control of ALL_CONTROLS) {
    for (const ref of control.meta.frameworks) {
      if (ref.framework === 'mitre' && !techniques.get(ref.id)?.has(control.meta.id)) missing.push(`${control.meta.id} -> ${ref.id}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the mapped frameworks leave no kspm control unused', () => {
  const used = new Set(Object.keys(FRAMEWORKS).flatMap((id) => load(id).controls.flatMap((control) => control.checks ?? [])));
  const unused = [...kspmControlIds].filter((id) => !used.has(id) && !RELIABILITY_ONLY.has(id));
  assert.deepEqual(unused, []);
});
