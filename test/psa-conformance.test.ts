/**
 * Conformance with upstream Pod Security Admission: every fixture of kubernetes/pod-security-admission
 * test/testdata, evaluated at its own level and policy version, must be allowed (pass/) or denied (fail/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { evaluatePodSecurity, PSS_CONTROLS, type PssLevel } from '../src/controls/pss/index.js';
import { parsePssVersion } from '../src/controls/pss/version.js';
import { isRecord, type K8sObject } from '../src/model/k8s.js';
import { sharedData } from './helpers/shared.js';

interface ConformanceCase {
  file: string;
  level: PssLevel;
  version: string;
  expected: 'allowed' | 'denied';
  /** The file-name stem: upstream's check id in lower case, or `base*` for the minimal valid pods. */
  fixtureGroup: string;
}

/**
 * The controls that may deny a fixture written for `group`: the check it was written for, or a restricted check
 * that replaces it (restricted fixtures of overridden baseline checks are denied by the replacement).
 */
function deniersOf(group: string): Set<string> {
  const own = PSS_CONTROLS.find((control) => control.pss.check.toLowerCase() === group);
  if (!own) return new Set();
  const replacing = PSS_CONTROLS.filter((control) => control.pss.overrides.includes(own.meta.id));
  return new Set([own.meta.id, ...replacing.map((control) => control.meta.id)]);
}

function readCases(folder: string): ConformanceCase[] {
  const raw: unknown = JSON.parse(readFileSync(join(folder, 'cases.json'), 'utf8'));
  assert.ok(Array.isArray(raw), 'cases.json holds a list');
  return raw.map((entry, index) => {
    assert.ok(isRecord(entry), `case ${index} is an object`);
    const { file, level, version, expected, fixtureGroup } = entry;
    assert.ok(typeof file === 'string' && typeof version === 'string' && typeof fixtureGroup === 'string', `case ${index} names a file, version and group`);
    assert.ok(level === 'baseline' || level === 'restricted', `case ${index} level ${String(level)}`);
    assert.ok(expected === 'allowed' || expected === 'denied', `case ${index} expected ${String(expected)}`);
    return { file, level, version, expected, fixtureGroup };
  });
}

const folder = sharedData('psa-conformance');

test('every upstream Pod Security fixture is allowed, or denied by its own check, as upstream decides', { skip: folder === undefined && 'shared psa-conformance data is absent' }, (t) => {
  const cases = readCases(folder!);
  const tally = new Map<string, number>();
  const mismatches: string[] = [];
  for (const testCase of cases) {
    const pod = load(readFileSync(join(folder!, testCase.file), 'utf8')) as K8sObject;
    const violations = evaluatePodSecurity(pod, testCase.level, parsePssVersion(testCase.version));
    const deniers = deniersOf(testCase.fixtureGroup);
    const deniedForItsCheck = violations.some((violation) => deniers.has(violation.controlId));
    const outcome = testCase.expected === 'denied' ? (deniedForItsCheck ? 'ok' : 'mismatch') : violations.length === 0 ? 'ok' : 'mismatch';
    const key = `${testCase.level} ${testCase.expected} ${outcome}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    if (outcome === 'mismatch') {
      const reasons = violations.map((violation) => violation.message).join('; ') || 'no violation';
      mismatches.push(`${testCase.file} (expected ${testCase.expected} by ${[...deniers].join('/') || '-'}): ${reasons}`);
    }
  }
  for (const level of ['baseline', 'restricted']) {
    for (const expected of ['allowed', 'denied']) {
      const ok = tally.get(`${level} ${expected} ok`) ?? 0;
      const total = ok + (tally.get(`${level} ${expected} mismatch`) ?? 0);
      t.diagnostic(`${level} ${expected === 'allowed' ? 'pass' : 'fail'}: ${ok}/${total} as upstream`);
    }
  }
  const matched = cases.length - mismatches.length;
  t.diagnostic(`total: ${matched}/${cases.length} (${((100 * matched) / cases.length).toFixed(2)}%)`);
  assert.ok(cases.length > 0, 'cases.json lists fixtures');
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} fixture(s) judged differently from upstream`);
});
