import assert from 'node:assert/strict';
import { test } from 'node:test';
import { riskRanking } from './scan-analysis.js';
import { deployment, finding, inventoryOf, namespace, objects, scanned, vulnerability } from './testing.js';

// web's image has a medium vulnerability without a fix, known by its GHSA id with the CVE as an alias: only a KEV
// listing makes it count. worker's image is clean.
const log4shell = { ...vulnerability('GHSA-jfh8-c2jp-5v3q', 'MEDIUM'), aliases: ['CVE-2021-44228'] };
const inventory = () => inventoryOf(
  objects([namespace('shop'), deployment('shop', 'web'), deployment('shop', 'worker')].join('\n---\n')),
  new Map([scanned('registry.example/web:1', [log4shell]), scanned('registry.example/worker:1', [])]),
);
const FINDINGS = [finding('resources-missing-limits', 'medium', 'Deployment shop/web'), finding('resources-missing-limits', 'medium', 'Deployment shop/worker')];

test('a vulnerability listed in the KEV set given adds the known-exploited factor to its workload', () => {
  const [web, worker] = riskRanking(10, new Set(['CVE-2021-44228'])).analyse(FINDINGS, inventory());
  assert.deepEqual(web?.risk?.factors.map((factor) => factor.name), ['known-exploited']);
  assert.match(web?.risk?.factors[0]?.evidence ?? '', /exploited in the wild \(CISA KEV\): GHSA-jfh8-c2jp-5v3q in openssl 3\.0\.11-1/);
  assert.equal(web?.risk?.score, Math.round(16 * 1.6));
  assert.deepEqual(worker?.risk?.factors, []);
});

test('without a KEV set, or with one not naming it, the same vulnerability adds nothing', () => {
  for (const ranking of [riskRanking(10), riskRanking(10, new Set(['CVE-2023-4863']))]) {
    const [web] = ranking.analyse(FINDINGS, inventory());
    assert.deepEqual(web?.risk?.factors, []);
    assert.equal(web?.risk?.score, 16);
  }
});
