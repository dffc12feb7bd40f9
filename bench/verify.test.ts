import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TopLevelMember } from './report-check.js';
import { checkReport, type ReportFacts } from './verify.js';

const OBJECTS = { parsed: 100, withDuplicateKeys: 103 };

function facts(summary: unknown, lists: Record<string, number> = {}, problem?: string): ReportFacts {
  const members = new Map<string, TopLevelMember>(Object.entries(lists).map(([key, items]) => [key, { start: 0, end: 0, items }]));
  return { outline: problem ? { members, problem } : { members }, summary };
}

const summary = (resources: unknown, total: unknown = 7, errors: unknown = 0) => ({ resources, findings: { total }, errors });

describe('checkReport', () => {
  it('accepts a report that counts every object, with or without the duplicate-key files', () => {
    assert.deepEqual(checkReport(facts(summary(100, 7, 3), { resources: 100, findings: 7, errors: 3 }), OBJECTS), { problems: [], resources: 100, findings: 7, errors: 3 });
    assert.deepEqual(checkReport(facts(summary(103)), OBJECTS).problems, []);
  });

  it('flags a resource count that matches neither reading of the corpus', () => {
    assert.deepEqual(checkReport(facts(summary(99)), OBJECTS).problems, ['summary.resources is 99, the corpus holds 100 objects (103 counting files with duplicate keys)']);
    assert.match(checkReport(facts(summary('100')), OBJECTS).problems[0]!, /summary.resources is 100,/);
  });

  it('flags top-level lists that disagree with the summary', () => {
    const problems = checkReport(facts(summary(100, 7, 1), { resources: 98, findings: 8, errors: 1 }), OBJECTS).problems;
    assert.deepEqual(problems, ['the report lists 98 resources, its summary counts 100', 'the report lists 8 findings, its summary counts 7']);
  });

  it('flags a missing or malformed summary and an incomplete report', () => {
    assert.deepEqual(checkReport(facts(undefined), OBJECTS).problems, ['no top-level "summary" object']);
    assert.deepEqual(checkReport(facts({ resources: 100, findings: null }), OBJECTS).problems, ['summary.findings.total is missing']);
    assert.deepEqual(checkReport(facts(summary(100), {}, 'the report ends inside a string (truncated?)'), OBJECTS).problems, [
      'not a complete JSON object: the report ends inside a string (truncated?)',
    ]);
  });
});
