import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseKevCatalogue } from './kev.js';

// An invented three-entry catalogue written from CISA's documented feed format (no shared data holds the feed).
const FIXTURE = new URL('./testdata/kev-small.json', import.meta.url);
const catalogue = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as { count: number; vulnerabilities: Array<Record<string, unknown>> };

test('the catalogue gives each CVE with its date added and ransomware use', () => {
  const result = parseKevCatalogue(catalogue(), 'kev.json');
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.knownExploited, [
    { cve: 'CVE-2021-44228', dateAdded: '2021-12-10', ransomware: true },
    { cve: 'CVE-2023-4863', dateAdded: '2023-09-13', ransomware: false },
    { cve: 'CVE-2014-0160', dateAdded: '2022-05-04', ransomware: false },
  ]);
});

test('a bad entry is named by index and CVE; the others are kept; a repeated CVE is kept once', () => {
  const document = catalogue();
  document.vulnerabilities[1] = { ...document.vulnerabilities[1], dateAdded: '13/09/2023' };
  document.vulnerabilities.push({ ...document.vulnerabilities[0] });
  document.vulnerabilities.push({ cveID: 'not-a-cve', dateAdded: '2024-01-01', knownRansomwareCampaignUse: 'Unknown' });
  document.count = document.vulnerabilities.length;
  const result = parseKevCatalogue(document, 'kev.json');
  assert.deepEqual(result.knownExploited.map((entry) => entry.cve), ['CVE-2021-44228', 'CVE-2014-0160']);
  assert.deepEqual(result.errors, [
    { file: 'kev.json', record: 'vulnerabilities[1] CVE-2023-4863', message: 'dateAdded: expected a date YYYY-MM-DD' },
    { file: 'kev.json', record: 'vulnerabilities[4] not-a-cve', message: 'cveID: expected a CVE id such as CVE-2021-44228' },
  ]);
});

test('a document that is not the catalogue, or disagrees with its count, is reported', () => {
  assert.deepEqual(parseKevCatalogue({ catalogVersion: '1' }, 'x.json'), {
    knownExploited: [],
    errors: [{ file: 'x.json', message: 'not a CISA KEV catalogue: vulnerabilities: Invalid input: expected array, received undefined' }],
  });
  const short = { ...catalogue(), count: 5 };
  const result = parseKevCatalogue(short, 'kev.json');
  assert.equal(result.knownExploited.length, 3);
  assert.deepEqual(result.errors, [{ file: 'kev.json', message: 'the catalogue says it holds 5 entries but has 3' }]);
});
