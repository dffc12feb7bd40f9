import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { zipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { sharedData } from '../../test/helpers/shared.js';
import { UsageError } from '../usage-error.js';
import { openAdvisoryDb } from '../vuln/db/index.js';
import { dbImportCommand, dbStatusCommand, dbUpdateCommand, openScanDatabase } from './db-command.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;
const root = data ?? '';
const dir = mkdtempSync(join(tmpdir(), 'kspm-dbcmd-'));
const DAY = 86_400_000;

interface Captured<T> {
  result: T;
  stdout: string;
  stderr: string;
}

/** Captures what the command writes as text; the test runner's own (binary) reports pass through. */
async function captured<T>(run: () => T | Promise<T>): Promise<Captured<T>> {
  const out = { stdout: '', stderr: '' };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of ['stdout', 'stderr'] as const) {
    const original = originals[name];
    process[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk === 'string') {
        out[name] += chunk;
        return true;
      }
      return (original as (...args: unknown[]) => boolean).call(process[name], chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  try {
    const result = await run();
    return { result, ...out };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}

let server: Server | undefined;
let mirror = '';
before(async () => {
  if (!data) return;
  const go = join(root, 'golang-vulndb', 'osv');
  const goZip = zipSync(Object.fromEntries(readdirSync(go).map((name) => [name, readFileSync(join(go, name))])));
  const secdb = JSON.stringify(parseYaml(readFileSync(join(root, 'alpine-secdb', 'v3.11', 'main.yaml'), 'utf8')));
  const routes = new Map<string, Uint8Array | string>([['/Go/all.zip', goZip], ['/v3.11/main.json', secdb]]);
  server = createServer((request, response) => {
    const body = routes.get(request.url ?? '');
    response.statusCode = body === undefined ? 404 : 200;
    response.end(body);
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('import of the shared Go, Alpine and Debian data: three sources, counts per ecosystem, exit 0', { skip }, async () => {
  const db = join(dir, 'import.db');
  const paths = [join(root, 'golang-vulndb', 'osv'), join(root, 'alpine-secdb', 'v3.11'), join(root, 'debian-security-tracker', 'data', 'DSA', 'list')];
  const imported = await captured(() => dbImportCommand(paths, { db }));
  assert.equal(imported.result, 0, imported.stderr);
  assert.match(imported.stderr, new RegExp(`imported ${escape(resolve(paths[0] ?? ''))}: 4,291 advisories\\n`));
  assert.match(imported.stderr, /imported [\d,]+ advisories from 3 of 3 paths into .*import\.db\n/);
  assert.doesNotMatch(imported.stderr, /error/);

  const json = await captured(() => dbStatusCommand({ db, output: 'json' }));
  assert.equal(json.result, 0);
  const status = JSON.parse(json.stdout) as { sources: Array<{ name: string; kind: string; advisories: number; dataDate?: string }>; perEcosystem: Record<string, number>; advisories: number; stale: boolean };
  assert.deepEqual(status.sources.map((s) => s.name).sort(), paths.map((p) => resolve(p)).sort());
  assert.equal(status.sources.find((s) => s.name.endsWith('osv'))?.advisories, 4291);
  assert.equal(status.perEcosystem.Go, 4291);
  assert.ok((status.perEcosystem['Alpine:v3.11'] ?? 0) > 0);
  assert.ok(Object.keys(status.perEcosystem).some((e) => e.startsWith('Debian:')));
  assert.equal(status.advisories, status.sources.reduce((sum, s) => sum + s.advisories, 0));
  assert.equal(status.stale, false);
  assert.equal(json.stderr, '', 'fresh data gives no warning');

  const table = await captured(() => dbStatusCommand({ db, output: 'table' }));
  assert.match(table.stdout, /^SOURCE\s+KIND\s+IMPORTED\s+ADVISORIES\s+DATA AGE$/m, 'no FROM column when every source is an imported path');
  assert.match(table.stdout, /^Go\s+4,291$/m);
  assert.match(table.stdout, new RegExp(`^total: ${status.advisories.toLocaleString('en-US')} advisories from 3 sources$`, 'm'));
});

test('a bad file is named with its error while the rest of its folder imports; exit 3', { skip }, async () => {
  const folder = join(dir, 'mixed');
  mkdirSync(folder);
  writeFileSync(join(folder, 'broken.json'), '{"id": "GO-BAD", ');
  writeFileSync(join(folder, 'good.json'), readFileSync(join(root, 'golang-vulndb', 'osv', 'GO-2023-1520.json')));
  const run = await captured(() => dbImportCommand([folder, join(dir, 'absent.json')], { db: join(dir, 'mixed.db') }));
  assert.equal(run.result, 3);
  assert.match(run.stderr, /imported .*mixed: 1 advisory, 1 error/);
  assert.match(run.stderr, /error: .*mixed: .*broken\.json: .*does not parse/);
  assert.match(run.stderr, /error: .*absent\.json: nothing imported, previous data kept/);
  assert.match(run.stderr, /absent\.json: cannot read: ENOENT/);
  const db = openAdvisoryDb(join(dir, 'mixed.db'), { readonly: true });
  assert.deepEqual(db.advisoriesFor('Go', 'github.com/argoproj/argo-cd/v2').map((a) => a.id), ['GO-2023-1520']);
  db.close();
});

test('nothing importable is exit 2; no paths is a usage error', async () => {
  const run = await captured(() => dbImportCommand([join(dir, 'nothing-here')], { db: join(dir, 'none.db') }));
  assert.equal(run.result, 2);
  await assert.rejects(dbImportCommand([], { db: join(dir, 'none.db') }), UsageError);
});

test('update from an in-process mirror: the served sources import, a missing one is named; exit 3', { skip }, async () => {
  const db = join(dir, 'update.db');
  const config = join(dir, 'update.yaml');
  writeFileSync(config, 'alpineBranches: [v3.11]\ndebianTracker: false\nretries: 0\n');
  const run = await captured(() => dbUpdateCommand({ db, config, mirror, ecosystem: ['go', 'Alpine'], output: 'json' }));
  assert.equal(run.result, 3, run.stderr);
  assert.match(run.stderr, /^updated osv-Go: 4,291 advisories$/m);
  assert.match(run.stderr, /^updated alpine-v3\.11-main: 1,124 advisories$/m);
  assert.match(run.stderr, /^error: osv-Alpine: nothing imported, previous data kept$/m);
  assert.match(run.stderr, new RegExp(`^error: alpine-v3\\.11-community: ${escape(mirror)}/v3\\.11/community\\.json: download failed after 1 attempt\\(s\\): HTTP 404`, 'm'));
  const report = JSON.parse(run.stdout) as { sources: Array<{ source: string; kept: boolean }> };
  assert.deepEqual(report.sources.map((s) => [s.source, s.kept]), [['osv-Go', false], ['osv-Alpine', true], ['alpine-v3.11-main', false], ['alpine-v3.11-community', true]]);

  const onlyGo = await captured(() => dbUpdateCommand({ db, mirror, ecosystem: ['Go'] }));
  assert.equal(onlyGo.result, 0, onlyGo.stderr);
  assert.equal(onlyGo.stdout, '');
});

test('update usage errors: bad mirror, unreadable or invalid config', async () => {
  await assert.rejects(dbUpdateCommand({ db: join(dir, 'u.db'), mirror: 'ftp://x', ecosystem: [] }), /--mirror ftp:\/\/x: expected an http\(s\) URL/);
  await assert.rejects(dbUpdateCommand({ db: join(dir, 'u.db'), config: join(dir, 'no.yaml'), ecosystem: [] }), /cannot read --config .*no\.yaml: ENOENT/);
  writeFileSync(join(dir, 'bad.yaml'), 'alpineBranches: [3.19]\n');
  await assert.rejects(dbUpdateCommand({ db: join(dir, 'u.db'), config: join(dir, 'bad.yaml'), ecosystem: [] }), (error: Error) => error instanceof UsageError && /bad\.yaml: alpineBranches\.0/.test(error.message));
});

test('status of a missing database says how to create it and exits 3; bad --max-age is a usage error', async () => {
  const missing = join(dir, 'missing.db');
  const run = await captured(() => dbStatusCommand({ db: missing, output: 'table' }));
  assert.equal(run.result, 3);
  assert.match(run.stderr, /no vulnerability database at .*missing\.db; create it with `kspm db update` .* or `kspm db import PATH`/);
  assert.throws(() => dbStatusCommand({ db: missing, output: 'table', maxAge: 'week' }), /--max-age week: expected a number of days/);
});

test('status warns when the oldest import is older than --max-age, and when empty', async () => {
  const path = join(dir, 'old.db');
  const db = openAdvisoryDb(path);
  db.replaceSource({ name: 'osv-Go', kind: 'osv-zip', location: 'https://example/Go/all.zip' }, [{
    id: 'GO-1', aliases: [], cvss: [], references: [], source: 'osv', modified: '2026-01-01T00:00:00Z', affected: [{ ecosystem: 'Go', name: 'm', ranges: [] }],
  }], new Date('2026-01-02T00:00:00Z'));
  db.close();
  const now = new Date(Date.parse('2026-01-02T00:00:00Z') + 10 * DAY);
  const late = await captured(() => dbStatusCommand({ db: path, output: 'json' }, now));
  assert.equal(late.result, 0);
  assert.match(late.stderr, /warning: advisory data is 10 days old \(more than 7\); run kspm db update/);
  const json = JSON.parse(late.stdout) as { stale: boolean; ageDays: number; sources: Array<{ dataAgeDays: number }> };
  assert.deepEqual([json.stale, json.ageDays, json.sources[0]?.dataAgeDays], [true, 10, 11]);
  const lenient = await captured(() => dbStatusCommand({ db: path, output: 'table', maxAge: '30' }, now));
  assert.equal(lenient.stderr, '');
  assert.match(lenient.stdout, /^SOURCE\s+KIND\s+FROM\s+IMPORTED/m);
  assert.match(lenient.stdout, /^osv-Go\s+osv-zip\s+https:\/\/example\/Go\/all\.zip\s+2026-01-02 00:00 \(10 days ago\)\s+1\s+11 days ago$/m);

  const emptyPath = join(dir, 'empty.db');
  openAdvisoryDb(emptyPath).close();
  const empty = await captured(() => dbStatusCommand({ db: emptyPath, output: 'table' }));
  assert.match(empty.stdout, /no sources imported yet/);
  assert.match(empty.stderr, /warning: the vulnerability database .*empty\.db holds no advisories/);
});

test('openScanDatabase: read-only, clear errors for missing or empty, a warning for stale data', () => {
  assert.throws(() => openScanDatabase(join(dir, 'nope.db')), (error: Error) => error instanceof UsageError && /no vulnerability database at .*nope\.db.*kspm db update.*kspm db import PATH/.test(error.message));
  const emptyPath = join(dir, 'scan-empty.db');
  openAdvisoryDb(emptyPath).close();
  assert.throws(() => openScanDatabase(emptyPath), /holds no advisories; fill it with `kspm db update`/);

  const path = join(dir, 'scan.db');
  const writer = openAdvisoryDb(path);
  writer.replaceSource({ name: 'a', kind: 'osv', location: 'x' }, [{ id: 'GO-1', aliases: [], cvss: [], references: [], source: 'osv', affected: [{ ecosystem: 'Go', name: 'm', ranges: [] }] }],
    new Date(Date.now() - 9 * DAY));
  writer.close();
  const warnings: string[] = [];
  const db = openScanDatabase(path, { maxAgeDays: 7, warn: (message) => warnings.push(message) });
  assert.deepEqual(warnings, ['advisory data is 9 days old (more than 7); run kspm db update']);
  assert.equal(db.advisoriesFor('Go', 'm').length, 1);
  assert.throws(() => db.replaceSource({ name: 'b', kind: 'osv', location: 'y' }, []), /readonly/);
  db.close();
  openScanDatabase(path, { maxAgeDays: 30, warn: (message) => warnings.push(message) }).close();
  assert.equal(warnings.length, 1, 'fresh enough data gives no warning');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a KEV catalogue imports as a file; status shows its CVE count in the table and the JSON', async () => {
  const db = join(dir, 'kev.db');
  const kev = fileURLToPath(new URL('../vuln/import/testdata/kev-small.json', import.meta.url));
  const imported = await captured(() => dbImportCommand([kev], { db }));
  assert.equal(imported.result, 0, imported.stderr);
  assert.match(imported.stderr, /^imported .*kev-small\.json: 0 advisories, 3 KEV-listed CVEs$/m);
  const table = await captured(() => dbStatusCommand({ db, output: 'table' }));
  assert.match(table.stdout, /^known exploited \(CISA KEV\): 3 CVEs$/m);
  const json = await captured(() => dbStatusCommand({ db, output: 'json' }));
  assert.equal((JSON.parse(json.stdout) as { knownExploited: number }).knownExploited, 3);
});
