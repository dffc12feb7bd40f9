import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { sharedData } from '../../../test/helpers/shared.js';
import { detectFormat, parseAdvisories, parseSource } from './formats.js';
import { parseOsvZip } from './osv-files.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;
const text = (s: string) => new TextEncoder().encode(s);

test('formats are told apart by content', { skip }, () => {
  const root = data ?? '';
  const format = (relative: string) => {
    const detected = detectFormat(readFileSync(join(root, relative)), relative);
    return 'error' in detected ? detected.error : detected.format;
  };
  assert.equal(format('golang-vulndb/osv/GO-2022-0646.json'), 'osv');
  assert.equal(format('pypa-advisory-database/vulns/accesscontrol/PYSEC-2021-335.yaml'), 'osv');
  assert.equal(format('alpine-secdb/v3.11/main.yaml'), 'alpine-secdb');
  assert.equal(format('debian-security-tracker/data/DSA/list'), 'debian-list');
  assert.equal(format('golang-vulndb/README.md'), 'golang-vulndb/README.md: not an advisory file kspm knows (OSV JSON/YAML/zip, Debian DSA/DLA list or tracker JSON, Alpine secdb, CISA KEV JSON)');
  const tracker = detectFormat(text('{"openssl":{"CVE-1":{"releases":{}}}}'), 'json');
  assert.ok('format' in tracker && tracker.format === 'debian-tracker');
  assert.match(JSON.stringify(detectFormat(text('{"name":"x"}'), 'package.json')), /package\.json: a JSON\/YAML document in no advisory format/);
});

test('a zip of all shared Go records (as osv.dev all.zip) gives every record', { skip }, () => {
  const dir = join(data ?? '', 'golang-vulndb', 'osv');
  const files = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
  const zip = zipSync(files);
  const result = parseAdvisories(zip, 'Go/all.zip', 'osv-zip');
  assert.deepEqual(result.errors, []);
  assert.equal(result.advisories.length, 4291);
  assert.ok(result.advisories.some((a) => a.id === 'GO-2023-1520'));
});

test('zip limits: an oversized entry is reported and skipped; a bad record names the entry', () => {
  const zip = zipSync({
    'big.json': text(JSON.stringify({ id: 'BIG-1', summary: 'x'.repeat(5000) })),
    'bad.json': text('{"id": 5, "summary": "x"}'),
    'ok.json': text('{"id": "OK-1", "modified": "2024-01-01T00:00:00Z"}'),
  });
  const result = parseOsvZip(zip, 'all.zip', { maxEntryBytes: 1000, maxTotalBytes: 1e6 });
  assert.deepEqual(result.advisories.map((a) => a.id), ['OK-1']);
  assert.deepEqual(result.errors.map((e) => e.file), ['all.zip!big.json', 'all.zip!bad.json']);
  assert.deepEqual(parseOsvZip(text('hello'), 'x.zip').errors, [{ file: 'x.zip', message: 'not a zip archive' }]);
});

test('a format that is not the one expected is an error', () => {
  const result = parseAdvisories(text('{"id":"X-1","modified":"2024-01-01"}'), 'u', 'alpine-secdb');
  assert.deepEqual(result.errors, [{ file: 'u', message: 'expected alpine-secdb data, found osv' }]);
});

test('a CISA KEV catalogue is told apart and read as known exploited CVEs, never as advisories', () => {
  const kev = readFileSync(new URL('./testdata/kev-small.json', import.meta.url));
  const detected = detectFormat(kev, 'kev.json');
  assert.ok('format' in detected && detected.format === 'cisa-kev');
  const read = parseSource(kev, 'kev.json');
  assert.deepEqual([read.advisories, read.errors, read.knownExploited.map((entry) => entry.cve)], [[], [], ['CVE-2021-44228', 'CVE-2023-4863', 'CVE-2014-0160']]);
  assert.deepEqual(parseSource(kev, 'kev.json', 'osv').errors, [{ file: 'kev.json', message: 'expected osv data, found cisa-kev' }]);
  assert.match(parseAdvisories(kev, 'dir/kev.json').errors[0]?.message ?? '', /a CISA KEV catalogue is read only as a file path of its own/);
  assert.deepEqual(parseSource(text('{"id":"GO-1","modified":"2024-01-01T00:00:00Z"}'), 'a.json').knownExploited, []);
});
