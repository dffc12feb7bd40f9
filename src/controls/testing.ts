/**
 * The table-driven harness every control's tests use, in the shape of ESLint's RuleTester: a list of objects the
 * control must pass and a list it must fail, with the field paths (and, optionally, message fragments) expected.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import type { ClusterFacts } from '../model/cluster.js';
import type { K8sObject } from '../model/k8s.js';
import { formatPath } from '../model/path.js';
import { LATEST_PSS_VERSION } from './pss/version.js';
import type { Control, ControlOptions, Violation } from './types.js';
import type { ImageScanOutcome } from '../image/model.js';
import { Inventory } from '../inventory/inventory.js';
import { refOf, type LoadedResource } from '../model/resource.js';

export const DEFAULT_TEST_OPTIONS: ControlOptions = {
  pssVersion: LATEST_PSS_VERSION,
  kubernetesVersion: '1.35',
  allowedRegistries: [],
  now: new Date('2026-11-27T00:00:00Z'),
};

/** An object given as YAML text (easiest to read) or as a JS value. */
export type TestObject = string | K8sObject;

export interface ValidCase {
  name: string;
  /** The resource checked; for inventory controls, every resource the scan sees. */
  objects: TestObject | TestObject[];
  options?: Partial<ControlOptions>;
  /** For inventory controls: the live cluster the objects were read from; absent for a scan of manifests. */
  cluster?: ClusterFacts;
  /** For inventory controls: the image scans `kspm scan --images` would attach, by image reference. */
  images?: ReadonlyMap<string, ImageScanOutcome>;
}

export interface ExpectedViolation {
  path: string;
  message?: string | RegExp;
  /** For inventory controls: the subject the violation is reported on, as `Kind namespace/name` or `Kind name`. */
  subject?: string;
}

export interface InvalidCase extends ValidCase {
  violations: ExpectedViolation[];
}

export interface ControlCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function toObject(object: TestObject): K8sObject {
  return typeof object === 'string' ? (load(object) as K8sObject) : object;
}

function asResource(object: K8sObject, index: number): LoadedResource {
  return {
    object,
    ref: refOf(object),
    source: { file: 'test.yaml', line: index + 1 },
    locate: () => ({ line: index + 1, column: 1 }),
  };
}

function subjectName(ref: { kind: string; namespace?: string; name: string }): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

interface Reported extends Violation {
  subject: string;
}

function run(control: Control, testCase: ValidCase): Reported[] {
  const options = { ...DEFAULT_TEST_OPTIONS, ...testCase.options };
  const objects = (Array.isArray(testCase.objects) ? testCase.objects : [testCase.objects]).map(toObject);
  if (control.scope === 'resource') {
    return objects.flatMap((object) => control.check(object, options).map((v) => ({ ...v, subject: subjectName(refOf(object)) })));
  }
  const inventory = new Inventory();
  objects.forEach((object, index) => inventory.add(asResource(object, index)));
  inventory.cluster = testCase.cluster;
  inventory.images = testCase.images;
  return control
    .check(inventory, options)
    .flatMap((result) => result.violations.map((v) => ({ ...v, subject: subjectName(result.entry.ref) })));
}

function show(reported: Reported[]): string {
  return reported.map((v) => `${v.subject} ${formatPath(v.path)}: ${v.message}`).join('\n') || '(none)';
}

export function testControl(control: Control, cases: ControlCases): void {
  describe(`control ${control.meta.id}`, () => {
    for (const testCase of cases.valid) {
      it(`passes: ${testCase.name}`, () => {
        const reported = run(control, testCase);
        assert.equal(reported.length, 0, `expected no violations, got:\n${show(reported)}`);
      });
    }
    for (const testCase of cases.invalid) {
      it(`fails: ${testCase.name}`, () => {
        const reported = run(control, testCase);
        assert.equal(
          reported.length,
          testCase.violations.length,
          `expected ${testCase.violations.length} violation(s), got:\n${show(reported)}`,
        );
        testCase.violations.forEach((expected, i) => {
          const actual = reported[i]!;
          assert.equal(formatPath(actual.path), expected.path, `violation ${i} path; all:\n${show(reported)}`);
          if (typeof expected.message === 'string') assert.ok(actual.message.includes(expected.message), `message "${actual.message}" lacks "${expected.message}"`);
          else if (expected.message) assert.match(actual.message, expected.message);
          if (expected.subject) assert.equal(actual.subject, expected.subject);
          assert.ok(typeof actual.expected === 'string' && actual.expected.length > 0, 'every violation states what is allowed');
        });
      });
    }
  });
}
