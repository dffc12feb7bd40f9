import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedData } from '../../../test/helpers/shared.js';
import { parseDebianList } from './debian-list.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;
const listOf = (kind: string) => join(data ?? '', 'debian-security-tracker', 'data', kind, 'list');

test('the whole DSA list: every line understood, one advisory per CVE with the DSA as alias', { skip }, () => {
  const result = parseDebianList(readFileSync(listOf('DSA'), 'utf8'), 'DSA/list');
  assert.deepEqual(result.errors, []);
  assert.equal(result.advisories.length, 14916);
  assert.ok(result.advisories.every((a) => a.source === 'debian-dsa'));
  const cve = result.advisories.find((a) => a.id === 'CVE-2023-0286');
  assert.ok(cve, 'CVE-2023-0286 (DSA-5343-1 openssl) is findable by its CVE id');
  assert.ok(cve.aliases.includes('DSA-5343-1'));
  assert.deepEqual(cve.affected.find((a) => a.ecosystem === 'Debian:11'), {
    ecosystem: 'Debian:11', name: 'openssl', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }],
  });
  assert.equal(cve.published, '2023-02-07T00:00:00Z');
});

test('the whole DLA list, and an old DSA without CVE stays under its own id', { skip }, () => {
  const dla = parseDebianList(readFileSync(listOf('DLA'), 'utf8'), 'DLA/list');
  assert.deepEqual(dla.errors, []);
  assert.equal(dla.advisories.length, 8998);
  assert.ok(dla.advisories.every((a) => a.source === 'debian-dla'));
  const cve = dla.advisories.find((a) => a.id === 'CVE-2023-0286');
  assert.ok(cve?.aliases.includes('DLA-3325-1'));
  assert.deepEqual(cve?.affected.find((a) => a.ecosystem === 'Debian:10')?.ranges[0]?.events, [{ introduced: '0' }, { fixed: '1.1.1n-0+deb10u4' }]);
  const dsa = parseDebianList(readFileSync(listOf('DSA'), 'utf8'), 'DSA/list');
  const regression = dsa.advisories.find((a) => a.id === 'DSA-5356-2');
  assert.equal(regression?.affected[0]?.name, 'sox');
});

test('notes, severities, not-affected, end-of-life, sid and a CVE fixed by two advisories', () => {
  const text = [
    '[02 Mar 2020] DSA-2-1 foo - security update',
    '\t{CVE-2020-1}',
    '\t[buster] - foo 1.1 (bug #1; medium)',
    '\t[stretch] - foo <not-affected> (vulnerable code not present)',
    '\t[jessie] - foo <end-of-life>',
    '\t[sid] - foo 1.2',
    '\tNOTE: fixed in testing at time of DSA',
    '[01 Mar 2020] DSA-1-1 bar - security update',
    '\t{CVE-2020-1 CVE-2020-2}',
    '\t[buster] - bar 2.0',
  ].join('\n');
  const result = parseDebianList(text, 'list');
  assert.deepEqual(result.errors, []);
  const first = result.advisories.find((a) => a.id === 'CVE-2020-1');
  assert.deepEqual(first?.aliases, ['DSA-2-1', 'DSA-1-1']);
  assert.deepEqual(first?.affected.map((a) => [a.ecosystem, a.name, a.severity, a.state]), [
    ['Debian:10', 'foo', 'MEDIUM', undefined], ['Debian:8', 'foo', undefined, 'end_of_life'], ['Debian:10', 'bar', undefined, undefined],
  ]);
  assert.deepEqual(result.advisories.find((a) => a.id === 'CVE-2020-2')?.affected.map((a) => a.name), ['bar']);
});

test('malformed lines are errors with file, line and advisory', () => {
  const result = parseDebianList('[01 Mar 2020] DSA-1-1 bar - x\n\t[narnia] - bar 1\n\tgarbage here\nnot a header\n', 'list');
  assert.deepEqual(result.errors, [
    { file: 'list', line: 2, record: 'DSA-1-1', message: 'unknown Debian release "narnia"' },
    { file: 'list', line: 3, record: 'DSA-1-1', message: 'unrecognised line: "garbage here"' },
    { file: 'list', line: 4, message: 'not an advisory header: "not a header"' },
  ]);
});
