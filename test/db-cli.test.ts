/**
 * `kspm db import | status | update` as users run them, through the built CLI, with the database in a temporary
 * folder (KSPM_VULN_DB). Skipped until main.ts registers the `db` command.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { kspm, kspmAsync } from './helpers/cli.js';
import { sharedData } from './helpers/shared.js';

const cliHasDb = kspm(['--help']).stdout.includes(' db ');
if (!cliHasDb) process.stderr.write('\n!!! SKIPPING: the built kspm has no `db` command yet (main.ts does not register it) !!!\n\n');
const data = sharedData('vuln-advisories');
const root = data ?? '';
const skip = !cliHasDb ? 'kspm has no db command' : data === undefined ? 'shared vuln-advisories data absent' : false;
const dir = mkdtempSync(join(tmpdir(), 'kspm-dbcli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface StatusJson {
  exists: boolean;
  sources: Array<{ name: string; kind: string; location: string; advisories: number }>;
  perEcosystem: Record<string, number>;
  advisories: number;
  stale: boolean;
}

describe('kspm db import and status on the shared advisories', { skip }, () => {
  const env = { KSPM_VULN_DB: join(dir, 'imported.db') };

  it('status before anything is imported says how to create the database and exits 3', () => {
    const run = kspm(['db', 'status'], { env });
    assert.equal(run.status, 3);
    assert.match(run.stderr, /no vulnerability database at .*imported\.db; create it with `kspm db update`.*`kspm db import PATH`/);
  });

  it('imports Go OSV, Alpine secdb and the Debian DSA list; status shows the three sources and counts', () => {
    const paths = [join(root, 'golang-vulndb', 'osv'), join(root, 'alpine-secdb', 'v3.11'), join(root, 'debian-security-tracker', 'data', 'DSA', 'list')];
    const imported = kspm(['db', 'import', ...paths], { env });
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stderr, /golang-vulndb\/osv: 4,291 advisories\n/);
    assert.match(imported.stderr, /from 3 of 3 paths into .*imported\.db/);

    const json = kspm(['db', 'status', '-o', 'json'], { env });
    assert.equal(json.status, 0, json.stderr);
    const status = JSON.parse(json.stdout) as StatusJson;
    assert.equal(status.sources.length, 3);
    assert.deepEqual(status.sources.map((s) => s.kind), ['import', 'import', 'import']);
    assert.equal(status.perEcosystem.Go, 4291);
    assert.ok((status.perEcosystem['Alpine:v3.11'] ?? 0) > 1000);
    assert.ok(Object.entries(status.perEcosystem).some(([ecosystem, n]) => ecosystem.startsWith('Debian:') && n > 0));
    assert.equal(status.advisories, status.sources.reduce((sum, s) => sum + s.advisories, 0));
    assert.equal(status.stale, false);

    const table = kspm(['db', 'status'], { env });
    assert.equal(table.status, 0);
    for (const path of paths) assert.ok(table.stdout.includes(path), `the table names ${path}`);
    assert.match(table.stdout, /^Go\s+4,291$/m);
    assert.match(table.stdout, /^total: [\d,]+ advisories from 3 sources$/m);
  });

  it('--db chooses another file, and a bad file is named while the rest of its folder imports (exit 3)', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'GO-BROKEN.json'), '{"id": "GO-BROKEN",');
    writeFileSync(join(folder, 'GO-2023-1520.json'), readFileSync(join(root, 'golang-vulndb', 'osv', 'GO-2023-1520.json')));
    const db = join(dir, 'mixed.db');
    const run = kspm(['db', 'import', folder, '--db', db], { env });
    assert.equal(run.status, 3);
    assert.match(run.stderr, /error: .*mixed: .*GO-BROKEN\.json: .*does not parse/);
    assert.match(run.stderr, /mixed: 1 advisory, 1 error\n/);
    const status = JSON.parse(kspm(['db', 'status', '--db', db, '-o', 'json'], { env }).stdout) as StatusJson;
    assert.equal(status.advisories, 1);
  });

  it('a bad --max-age is a usage error', () => {
    const run = kspm(['db', 'status', '--max-age', 'soon'], { env });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--max-age soon: expected a number of days/);
  });
});

describe('kspm db update against an in-process mirror', { skip }, () => {
  let server: Server | undefined;
  let mirror = '';
  before(async () => {
    const go = join(root, 'golang-vulndb', 'osv');
    const routes = new Map<string, Uint8Array | string>([
      ['/Go/all.zip', zipSync(Object.fromEntries(readdirSync(go).map((name) => [name, readFileSync(join(go, name))])))],
      ['/v3.11/main.json', JSON.stringify(parseYaml(readFileSync(join(root, 'alpine-secdb', 'v3.11', 'main.yaml'), 'utf8')))],
    ]);
    server = createServer((request, response) => {
      const body = routes.get(request.url ?? '');
      response.statusCode = body === undefined ? 404 : 200;
      response.end(body);
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server?.close());

  it('downloads each configured source from --mirror; a missing one is named and the others import (exit 3)', async () => {
    const env = { KSPM_VULN_DB: join(dir, 'updated.db') };
    const config = join(dir, 'update.yaml');
    writeFileSync(config, 'osvEcosystems: [Go]\ndebianTracker: false\nalpineBranches: [v3.11]\nretries: 0\n');
    const run = await kspmAsync(['db', 'update', '--config', config, '--mirror', mirror], { env });
    assert.equal(run.status, 3, run.stderr);
    assert.match(run.stderr, /^updated osv-Go: 4,291 advisories$/m);
    assert.match(run.stderr, /^updated alpine-v3\.11-main: 1,124 advisories$/m);
    assert.match(run.stderr, /^error: alpine-v3\.11-community: http:\/\/127\.0\.0\.1:\d+\/v3\.11\/community\.json: download failed after 1 attempt\(s\): HTTP 404/m);

    const status = JSON.parse((await kspmAsync(['db', 'status', '-o', 'json'], { env })).stdout) as StatusJson;
    assert.deepEqual(status.sources.map((s) => [s.name, s.kind, s.advisories]), [['alpine-v3.11-main', 'alpine-secdb', 1124], ['osv-Go', 'osv-zip', 4291]]);
    assert.ok(status.sources.every((s) => s.location.startsWith(mirror)));

    const onlyGo = await kspmAsync(['db', 'update', '--mirror', mirror, '--ecosystem', 'Go'], { env });
    assert.equal(onlyGo.status, 0, onlyGo.stderr);
  });

  it('an invalid config file is a usage error naming the file and field', async () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'alpineBranches: [3.19]\n');
    const run = await kspmAsync(['db', 'update', '--config', config], { env: { KSPM_VULN_DB: join(dir, 'unused.db') } });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad\.yaml: alpineBranches\.0: /);
  });
});
