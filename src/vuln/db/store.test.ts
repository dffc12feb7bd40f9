import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { sharedData } from '../../../test/helpers/shared.js';
import type { Advisory } from '../advisory.js';
import { defaultDbPath } from './path.js';
import { importPaths, openAdvisoryDb } from './index.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;
const dir = mkdtempSync(join(tmpdir(), 'kspm-vulndb-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const advisory = (id: string, name: string, source = 'osv'): Advisory => ({
  id, aliases: [], cvss: [], references: [], source, modified: '2024-05-01T00:00:00Z',
  affected: [{ ecosystem: 'Go', name, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
});

test('all shared data imports; lookups by ecosystem and package find the records', { skip }, async () => {
  const db = openAdvisoryDb(join(dir, 'all.db'));
  const root = data ?? '';
  // One path is one source: the same CVE in several Alpine branches becomes one advisory naming each branch.
  const outcomes = await importPaths(db, [join(root, 'golang-vulndb'), join(root, 'pypa-advisory-database'), join(root, 'alpine-secdb'), join(root, 'debian-security-tracker')]);
  assert.deepEqual(outcomes.map((o) => [o.advisories, o.errors.length, o.kept]), [[4291, 0, false], [2661, 0, false], [2472, 0, false], [14916 + 8998, 0, false]]);
  assert.ok(db.advisoriesFor('Go', 'github.com/argoproj/argo-cd/v2').some((a) => a.id === 'GO-2023-1520'));
  assert.ok(db.advisoriesFor('pypi', 'accesscontrol').some((a) => a.id === 'PYSEC-2021-335'), 'ecosystem spelling is normalised');
  const openssl = db.advisoriesFor('Debian:11', 'openssl').filter((a) => a.id === 'CVE-2023-0286');
  assert.deepEqual(openssl.map((a) => a.source), ['debian-dsa']);
  assert.ok(db.advisoriesFor('Alpine:v3.11', 'openssl').some((a) => a.id === 'CVE-2019-1551'));
  assert.deepEqual(db.advisoriesFor('Go', 'no.such/module'), []);
  const status = db.status(new Date(Date.now() + 3 * 86_400_000));
  assert.equal(status.advisories, 4291 + 2661 + 2472 + 14916 + 8998);
  assert.equal(status.perEcosystem.Go, 4291);
  assert.equal(status.sources.length, 4);
  assert.ok(status.ageDays !== undefined && status.ageDays > 2.9 && status.ageDays < 3.1);
  db.close();
});

test('a re-imported source replaces its records; other sources and the same id elsewhere are kept', () => {
  const db = openAdvisoryDb(join(dir, 'replace.db'));
  db.replaceSource({ name: 'a', kind: 'osv', location: 'x' }, [advisory('GO-1', 'm1'), advisory('GO-2', 'm2')]);
  db.replaceSource({ name: 'b', kind: 'osv', location: 'y' }, [advisory('GO-1', 'm1', 'other')]);
  assert.equal(db.advisoriesFor('Go', 'm1').length, 2, 'the same id from two sources is kept twice');
  db.replaceSource({ name: 'a', kind: 'osv', location: 'x' }, [advisory('GO-3', 'm3')]);
  assert.deepEqual(db.advisoriesFor('Go', 'm1').map((a) => a.source), ['other']);
  assert.deepEqual(db.advisoriesFor('Go', 'm2'), []);
  assert.deepEqual(db.advisoriesFor('Go', 'm3').map((a) => a.id), ['GO-3']);
  assert.deepEqual(db.sources().map((s) => [s.name, s.recordCount, s.dataDate]), [['a', 1, '2024-05-01T00:00:00Z'], ['b', 1, '2024-05-01T00:00:00Z']]);
  db.close();
});

test('a failing replace leaves the old records; an unreadable path keeps its source', async () => {
  const db = openAdvisoryDb(join(dir, 'atomic.db'));
  db.replaceSource({ name: 'a', kind: 'osv', location: 'x' }, [advisory('GO-1', 'm1')]);
  const broken = { ...advisory('GO-2', 'm2'), affected: null } as unknown as Advisory;
  assert.throws(() => db.replaceSource({ name: 'a', kind: 'osv', location: 'x' }, [advisory('GO-9', 'm9'), broken]));
  assert.deepEqual(db.advisoriesFor('Go', 'm1').map((a) => a.id), ['GO-1']);
  assert.deepEqual(db.advisoriesFor('Go', 'm9'), []);
  const [outcome] = await importPaths(db, [join(dir, 'missing.json')]);
  assert.equal(outcome?.kept, true);
  assert.match(outcome?.errors[0]?.message ?? '', /cannot read: ENOENT/);
  db.close();
});

test('staleness, read-only opening, schema check and the default path', () => {
  const path = join(dir, 'stale.db');
  const db = openAdvisoryDb(path);
  assert.equal(db.isStale(7), true, 'an empty database is stale');
  db.replaceSource({ name: 'a', kind: 'osv', location: 'x' }, [advisory('GO-1', 'm1')], new Date('2026-01-01T00:00:00Z'));
  assert.equal(db.isStale(7, new Date('2026-01-05T00:00:00Z')), false);
  assert.equal(db.isStale(7, new Date('2026-01-09T00:00:00Z')), true);
  db.close();
  const readonly = openAdvisoryDb(path, { readonly: true });
  assert.equal(readonly.advisoriesFor('Go', 'm1').length, 1);
  readonly.close();
  assert.throws(() => openAdvisoryDb(join(dir, 'none.db'), { readonly: true }), /no vulnerability database at .*none\.db/);
  assert.equal(defaultDbPath({ KSPM_VULN_DB: '/x/v.db' }), '/x/v.db');
  assert.equal(defaultDbPath({ XDG_CACHE_HOME: '/c' }), join('/c', 'kspm', 'vuln.db'));
});

const kevEntry = (cve: string, dateAdded = '2024-02-01') => ({ cve, dateAdded, ransomware: false });

test('KEV entries are stored under their source, replaced with it, and counted by status', async () => {
  const db = openAdvisoryDb(join(dir, 'kev.db'));
  db.replaceSource({ name: 'osv', kind: 'osv', location: 'x' }, [advisory('GO-1', 'm1')]);
  db.replaceSource({ name: 'kev', kind: 'cisa-kev', location: 'k' }, { advisories: [], knownExploited: [kevEntry('CVE-2024-1'), kevEntry('CVE-2024-2', '2024-03-01')] });
  db.replaceSource({ name: 'other-kev', kind: 'cisa-kev', location: 'o' }, { advisories: [], knownExploited: [kevEntry('CVE-2024-2')] });
  assert.deepEqual([...db.knownExploited()].sort(), ['CVE-2024-1', 'CVE-2024-2']);
  const source = db.sources().find((s) => s.name === 'kev');
  assert.deepEqual([source?.kind, source?.recordCount, source?.dataDate], ['cisa-kev', 2, '2024-03-01'], 'the newest date added is the data date');
  const status = db.status();
  assert.equal(status.knownExploited, 2, 'distinct CVEs over all catalogues');
  assert.equal(status.advisories, 1, 'KEV entries are not advisories');
  db.replaceSource({ name: 'kev', kind: 'cisa-kev', location: 'k' }, { advisories: [], knownExploited: [kevEntry('CVE-2024-3')] });
  assert.deepEqual([...db.knownExploited()].sort(), ['CVE-2024-2', 'CVE-2024-3']);
  assert.deepEqual(db.advisoriesFor('Go', 'm1').map((a) => a.id), ['GO-1'], 'replacing a KEV source leaves advisories alone');

  const [outcome] = await importPaths(db, [fileURLToPath(new URL('../import/testdata/kev-small.json', import.meta.url))]);
  assert.deepEqual([outcome?.advisories, outcome?.knownExploited, outcome?.errors, outcome?.kept], [0, 3, [], false]);
  assert.ok(db.knownExploited().has('CVE-2021-44228'));
  db.close();
});

test('a schema-1 database from before KEV support reads as having none, and gains the table when opened for writing', () => {
  const path = join(dir, 'old.db');
  const raw = new Database(path);
  raw.exec("CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, location TEXT NOT NULL, imported_at TEXT NOT NULL, record_count INTEGER NOT NULL, data_date TEXT); CREATE TABLE advisories (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, advisory_id TEXT NOT NULL, json TEXT NOT NULL); CREATE TABLE packages (ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory INTEGER NOT NULL);");
  raw.pragma('user_version = 1');
  raw.close();
  const readonly = openAdvisoryDb(path, { readonly: true });
  assert.deepEqual([readonly.knownExploited().size, readonly.status().knownExploited], [0, 0]);
  readonly.close();
  const writable = openAdvisoryDb(path);
  writable.replaceSource({ name: 'kev', kind: 'cisa-kev', location: 'k' }, { advisories: [], knownExploited: [kevEntry('CVE-2024-9')] });
  assert.deepEqual([...writable.knownExploited()], ['CVE-2024-9']);
  writable.close();
});
