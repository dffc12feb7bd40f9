import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import type { Advisory } from '../advisory.js';
import { parseOsvRecord } from './osv.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;

function readRecord(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

function parsed(relative: string): Advisory {
  const path = join(data ?? '', relative);
  const result = parseOsvRecord(readRecord(path), path);
  if ('error' in result) assert.fail(result.error);
  return result;
}

function recordFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => pattern.test(name)).map((name) => join(dir, name));
}

test('every shared OSV record (Go, PyPA YAML, RustSec, osv.dev testdata) parses without error', { skip }, () => {
  const sets: Array<[string, RegExp, number]> = [
    ['golang-vulndb/osv', /GO-.*\.json$/, 4291],
    ['pypa-advisory-database/vulns', /\.yaml$/, 2661],
    ['rustsec-advisory-db-osv/crates', /RUSTSEC-.*\.json$/, 1206],
    ['osv.dev-testdata', /\.json$/, 29],
  ];
  for (const [dir, pattern, expected] of sets) {
    const files = recordFiles(join(data ?? '', dir), pattern);
    assert.equal(files.length, expected, dir);
    const errors = files.map((file) => parseOsvRecord(readRecord(file), file)).filter((r) => 'error' in r);
    assert.deepEqual(errors, [], dir);
  }
});

test('a Go record keeps every package and its several introduced/fixed pairs', { skip }, () => {
  const argo = parsed('golang-vulndb/osv/GO-2023-1520.json');
  assert.deepEqual(argo.affected.map((a) => a.name), ['github.com/argoproj/argo-cd', 'github.com/argoproj/argo-cd/v2']);
  assert.deepEqual(argo.affected[1]?.ranges, [{ type: 'SEMVER', events: [
    { introduced: '0' }, { fixed: '2.3.14' }, { introduced: '2.4.0' }, { fixed: '2.4.20' },
    { introduced: '2.5.0' }, { fixed: '2.5.8' }, { introduced: '2.6.0-rc1' }, { fixed: '2.6.0-rc5' },
  ] }]);
});

test('a Go record keeps aliases, references and summary', { skip }, () => {
  const go = parsed('golang-vulndb/osv/GO-2022-0646.json');
  assert.deepEqual(go.aliases, ['CVE-2020-8911', 'GHSA-f5pg-7wfw-84q9']);
  assert.equal(go.source, 'osv');
  assert.equal(go.affected[0]?.ecosystem, 'Go');
  assert.equal(go.affected[0]?.name, 'github.com/aws/aws-sdk-go');
  assert.ok(go.references.includes('https://github.com/aws/aws-sdk-go/pull/3403'));
  assert.match(go.summary ?? '', /^CBC padding oracle/);
});

test('a PYSEC YAML record keeps GIT and ECOSYSTEM ranges and the versions list', { skip }, () => {
  const pysec = parsed('pypa-advisory-database/vulns/accesscontrol/PYSEC-2021-335.yaml');
  const entry = pysec.affected[0];
  assert.equal(entry?.ecosystem, 'PyPI');
  assert.deepEqual(entry?.ranges.map((r) => r.type), ['GIT', 'ECOSYSTEM']);
  assert.deepEqual(entry?.ranges[1]?.events, [{ introduced: '4.0' }, { fixed: '4.3' }, { introduced: '5.0' }, { fixed: '5.2' }]);
  assert.deepEqual(entry?.versions, ['4.0', '4.1', '4.2', '5.0', '5.1']);
  assert.match(pysec.summary ?? '', /^The module `AccessControl`/, 'no summary: the first line of details');
  assert.equal(pysec.modified, '2021-09-26T23:32:08.989778Z');
});

test('GHSA: CVSS v3.1 vector and database_specific severity', { skip }, () => {
  const ghsa = parsed('osv.dev-testdata/gcp/workers/oss_fuzz_worker/testdata/GHSA-838r-hvwh-24h8.json');
  assert.deepEqual(ghsa.cvss, [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N' }]);
  assert.equal(ghsa.severity, 'CRITICAL');
  assert.equal(ghsa.affected[0]?.name, 'org.apache.any23:apache-any23');
});

test('Debian DLA in OSV: upstream CVEs become related ids', { skip }, () => {
  const dla = parsed('osv.dev-testdata/gcp/website/testdata/osv/DLA-3623-1.json');
  assert.equal(dla.related?.length, 44);
  assert.ok(dla.related?.includes('CVE-2023-4004'));
  const dsa = parsed('osv.dev-testdata/gcp/workers/oss_fuzz_worker/testdata/DSA-3029-1.json');
  assert.equal(dsa.affected[0]?.ecosystem, 'Debian:7');
  assert.deepEqual(dsa.affected[0]?.ranges[0]?.events, [{ introduced: '0' }, { fixed: '1.2.1-2.2+wheezy3' }]);
  assert.equal(dsa.summary, 'nginx - security update');
});

test('severity words, CVSS v2/v4, ecosystem spelling and per-package urgency', () => {
  const result = parseOsvRecord({
    id: 'X-1',
    severity: [
      { type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
      { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      { type: 'Ubuntu', score: 'medium' },
    ],
    database_specific: { severity: 'MODERATE' },
    affected: [
      { package: { ecosystem: 'pypi', name: 'a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] },
      { package: { ecosystem: 'alpine:3.19', name: 'b' }, ecosystem_specific: { urgency: 'unimportant' } },
      { package: { ecosystem: 'debian:12', name: 'c' }, database_specific: { severity: 'low**' } },
      { ranges: [{ type: 'GIT', events: [{ introduced: 'abc' }] }] },
    ],
  }, 'inline');
  if ('error' in result) assert.fail(result.error);
  assert.deepEqual(result.cvss.map((c) => c.version), ['2.0', '4.0']);
  assert.equal(result.severity, 'MEDIUM');
  assert.deepEqual(result.affected.map((a) => [a.ecosystem, a.severity]), [['PyPI', undefined], ['Alpine:v3.19', 'NEGLIGIBLE'], ['Debian:12', 'LOW']]);
});

test('bad records give an error naming the origin, the id and the field', () => {
  assert.deepEqual(parseOsvRecord('nope', 'f.json'), { error: 'f.json: OSV record is invalid: Invalid input: expected object, received string' });
  const noId = parseOsvRecord({ summary: 'x' }, 'f.json');
  assert.ok('error' in noId && noId.error.includes('id'));
  const badEvent = parseOsvRecord({ id: 'Y-1', affected: [{ package: { ecosystem: 'Go', name: 'm' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }] }] }, 'f.json');
  assert.ok('error' in badEvent);
  assert.match(badEvent.error, /^f\.json: OSV record Y-1 is invalid: affected\.0\.ranges\.0\.events\.0: an event must hold exactly one/);
  const badRange = parseOsvRecord({ id: 'Y-2', affected: [{ package: { ecosystem: 'Go', name: 'm' }, ranges: [{ type: 'FOO', events: [] }] }] }, 'f.json');
  assert.ok('error' in badRange && badRange.error.includes('affected.0.ranges.0.type'));
});
