import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deployment, finding, inventoryOf, namespace, objects, scanned, vulnerability } from '../risk/testing.js';
import { auditExtras } from './audit-extras.js';

test('the audit report weighs the KEV set it is given: the listed vulnerability is a factor of the ranked finding', async () => {
  const inventory = inventoryOf(
    objects([namespace('shop'), deployment('shop', 'web')].join('\n---\n')),
    new Map([scanned('registry.example/web:1', [vulnerability('CVE-2021-44228', 'MEDIUM')])]),
  );
  const findings = [finding('resources-missing-limits', 'medium', 'Deployment shop/web')];
  const listed = await auditExtras([], new Set(['CVE-2021-44228']));
  assert.deepEqual(listed.analysis.analyse(findings, inventory)[0]?.risk?.factors.map((factor) => factor.name), ['known-exploited']);
  const unlisted = await auditExtras([]);
  assert.deepEqual(unlisted.analysis.analyse(findings, inventory)[0]?.risk?.factors, []);
});
