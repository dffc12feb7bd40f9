import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import type { Advisory } from '../advisory.js';
import { parseAlpineSecdb } from './alpine-secdb.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;

test('every shared secdb file (v3.3 to v3.11, main and community) imports without error', { skip }, () => {
  const root = join(data ?? '', 'alpine-secdb');
  const files = readdirSync(root).filter((d) => d.startsWith('v')).flatMap((d) => readdirSync(join(root, d)).map((f) => join(root, d, f)));
  assert.equal(files.length, 18);
  const all: Advisory[] = [];
  for (const file of files) {
    const result = parseAlpineSecdb(parseYaml(readFileSync(file, 'utf8')), file);
    assert.deepEqual(result.errors, [], file);
    all.push(...result.advisories);
  }
  assert.equal(all.length, 11456);
  const v311 = all.filter((a) => a.affected.some((p) => p.ecosystem === 'Alpine:v3.11'));
  const openssl = v311.find((a) => a.id === 'CVE-2019-1551');
  assert.deepEqual(openssl?.affected, [{ ecosystem: 'Alpine:v3.11', name: 'openssl', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1d-r3' }] }] }]);
  assert.equal(openssl?.source, 'alpine-secdb');
  const xen = v311.find((a) => a.id === 'CVE-2017-8904');
  assert.deepEqual(xen?.aliases, ['XSA-214'], 'the XSA written beside the CVE becomes its alias');
  assert.ok(v311.some((a) => a.id === 'XSA-207'), 'an entry with only an XSA id is its own advisory');
});

test('secdb JSON: split ids, NAK (fixed 0) left out, typos repaired, same id merged across packages', () => {
  const result = parseAlpineSecdb({
    distroversion: 'v3.19',
    reponame: 'main',
    packages: [
      { pkg: { name: 'a', secfixes: { '1.0-r1': ['CVE-2019-1234 CVE-2019-5678', 'CVE_2019-9'], '0': ['CVE-2019-0001'] } } },
      { pkg: { name: 'b', secfixes: { '2.0-r0': ['CVE-2019-1234'] } } },
    ],
  }, 'main.json');
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.advisories.map((a) => [a.id, a.affected.map((p) => `${p.ecosystem} ${p.name}`)]), [
    ['CVE-2019-1234', ['Alpine:v3.19 a', 'Alpine:v3.19 b']],
    ['CVE-2019-5678', ['Alpine:v3.19 a']],
    ['CVE-2019-9', ['Alpine:v3.19 a']],
  ]);
});

test('a document that is not secdb, and an entry with no id, are errors naming the file', () => {
  assert.deepEqual(parseAlpineSecdb({ packages: [] }, 'x.json').errors.map((e) => e.file), ['x.json']);
  assert.match(parseAlpineSecdb({ packages: [] }, 'x.json').errors[0]?.message ?? '', /distroversion/);
  const noId = parseAlpineSecdb({ distroversion: 'v3.19', packages: [{ pkg: { name: 'a', secfixes: { '1-r0': ['see upstream'] } } }] }, 'x.json');
  assert.deepEqual(noId.errors, [{ file: 'x.json', record: 'a 1-r0', message: 'no advisory id in "see upstream"' }]);
});
