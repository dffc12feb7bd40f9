import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { zipSync } from 'fflate';
import { stringify } from 'yaml';
import { parse as parseYaml } from 'yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import { openAdvisoryDb, parseUpdateConfig, updateDb, updateSources } from './index.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;
const dir = mkdtempSync(join(tmpdir(), 'kspm-vulnupdate-'));
let server: Server | undefined;
let mirror = '';
let failures = 0;
const routes = new Map<string, () => Uint8Array>();

before(async () => {
  if (!data) return;
  const go = join(data, 'golang-vulndb', 'osv');
  routes.set('/Go/all.zip', () => zipSync(Object.fromEntries(readdirSync(go).map((name) => [name, readFileSync(join(go, name))]))));
  const secdb = parseYaml(readFileSync(join(data, 'alpine-secdb', 'v3.11', 'main.yaml'), 'utf8')) as unknown;
  routes.set('/v3.11/main.json', () => new TextEncoder().encode(JSON.stringify(secdb)));
  routes.set('/sites/default/files/feeds/known_exploited_vulnerabilities.json', () => readFileSync(new URL('../import/testdata/kev-small.json', import.meta.url)));
  routes.set('/flaky/all.zip', () => {
    failures++;
    throw new Error('always 503');
  });
  server = createServer((request, response) => {
    const route = routes.get(request.url ?? '');
    try {
      if (!route) throw Object.assign(new Error('missing'), { status: 404 });
      response.end(route());
    } catch (error) {
      response.statusCode = (error as { status?: number }).status ?? 503;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('update downloads each source from the mirror; a failing one is named and keeps its old data; 404s are not retried', { skip }, async () => {
  const db = openAdvisoryDb(join(dir, 'update.db'));
  db.replaceSource({ name: 'osv-Flaky', kind: 'osv-zip', location: 'earlier' }, [{
    id: 'OLD-1', aliases: [], cvss: [], references: [], source: 'osv', affected: [{ ecosystem: 'Go', name: 'old', ranges: [] }],
  }]);
  const config = { mirror, osvEcosystems: ['Go', 'Flaky'], debianTracker: false, alpineBranches: ['v3.11', 'v3.12'], retries: 1 };
  const outcomes = await updateDb(db, config, () => {}, { retryDelayMs: 1 });
  assert.deepEqual(outcomes.map((o) => [o.source, o.advisories, o.kept]), [
    ['osv-Go', 4291, false], ['osv-Flaky', 0, true], ['alpine-v3.11-main', 1124, false], ['alpine-v3.11-community', 0, true],
    ['alpine-v3.12-main', 0, true], ['alpine-v3.12-community', 0, true], ['cisa-kev', 0, false],
  ]);
  assert.equal(outcomes[6]?.knownExploited, 3, 'the KEV catalogue comes from the mirror too');
  assert.deepEqual([...db.knownExploited()].sort(), ['CVE-2014-0160', 'CVE-2021-44228', 'CVE-2023-4863']);
  assert.match(outcomes[1]?.errors[0]?.message ?? '', /download failed after 1 attempt\(s\): HTTP 404 Not Found/);
  assert.equal(outcomes[1]?.errors[0]?.file, `${mirror}/Flaky/all.zip`);
  assert.equal(failures, 0, 'a 404 is not retried, and the lower-case route is not asked');
  assert.match(outcomes[3]?.errors[0]?.message ?? '', /HTTP 404/);
  assert.deepEqual(db.advisoriesFor('Go', 'old').map((a) => a.id), ['OLD-1']);
  assert.ok(db.advisoriesFor('Alpine:v3.11', 'openssl').some((a) => a.id === 'CVE-2019-1551'));
  db.close();
});

test('a 503 is retried', { skip }, async () => {
  const db = openAdvisoryDb(join(dir, 'retry.db'));
  const outcomes = await updateDb(db, { sources: [{ name: 'flaky', format: 'osv-zip', url: `${mirror}/flaky/all.zip` }], osvEcosystems: [], debianTracker: false, alpineBranches: [], kev: false, retries: 2 }, () => {}, { retryDelayMs: 1 });
  assert.equal(failures, 3);
  assert.equal(outcomes[0]?.kept, true);
  db.close();
});

test('default sources and config parsing', () => {
  const sources = updateSources();
  assert.ok(sources.some((s) => s.url === 'https://osv-vulnerabilities.storage.googleapis.com/crates.io/all.zip'));
  assert.ok(sources.some((s) => s.url === 'https://security-tracker.debian.org/tracker/data/json' && s.format === 'debian-tracker'));
  assert.ok(sources.some((s) => s.url === 'https://secdb.alpinelinux.org/v3.21/community.json'));
  assert.deepEqual(sources.find((s) => s.format === 'cisa-kev'), { name: 'cisa-kev', format: 'cisa-kev', url: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json' });
  const config = parseUpdateConfig(stringify({ mirror: 'https://m.example/base/', osvEcosystems: ['Go'], debianTracker: false, alpineBranches: [], kev: false }), 'c.yaml');
  assert.ok(!('error' in config));
  assert.deepEqual(updateSources(config), [{ name: 'osv-Go', format: 'osv-zip', url: 'https://m.example/base/Go/all.zip' }]);
  const kevOnly = parseUpdateConfig('{osvEcosystems: [], debianTracker: false, alpineBranches: [], kevUrl: "https://kev.example/feed.json"}', 'c.yaml');
  assert.ok(!('error' in kevOnly));
  assert.deepEqual(updateSources(kevOnly), [{ name: 'cisa-kev', format: 'cisa-kev', url: 'https://kev.example/feed.json' }]);
  assert.deepEqual(parseUpdateConfig('alpineBranches: [3.19]', 'c.yaml'), { error: 'c.yaml: alpineBranches.0: Invalid input: expected string, received number' });
  assert.match(JSON.stringify(parseUpdateConfig('bogus: 1', 'c.yaml')), /c\.yaml: config: Unrecognized key/);
});
