import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../../test/helpers/shared.js';
import { isInstalledNpmManifest, parseNpmManifest } from './npm.js';

/** Every package.json below node_modules, as a layer walker would hand them over. */
function manifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'package.json')
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('npm packages', () => {
  it('reads installed packages, scoped ones included, with purls', () => {
    assert.deepEqual(parseNpmManifest('{"name":"@scope/lib","version":"1.2.3"}', 'app/node_modules/@scope/lib/package.json'), [
      { ecosystem: 'npm', name: '@scope/lib', version: '1.2.3', path: 'app/node_modules/@scope/lib/package.json', purl: 'pkg:npm/%40scope/lib@1.2.3' },
    ]);
    assert.deepEqual(parseNpmManifest('{"name":"x"}', 'node_modules/x/package.json'), []);
    assert.deepEqual(parseNpmManifest('not json', 'node_modules/x/package.json'), []);
  });

  it('tells installed packages from projects and files inside packages', () => {
    assert.ok(isInstalledNpmManifest('usr/src/app/node_modules/express/package.json'));
    assert.ok(isInstalledNpmManifest('node_modules/@babel/core/package.json'));
    assert.ok(isInstalledNpmManifest('node_modules/a/node_modules/b/package.json'));
    assert.ok(!isInstalledNpmManifest('usr/src/app/package.json'));
    assert.ok(!isInstalledNpmManifest('node_modules/express/lib/package.json'));
    assert.ok(!isInstalledNpmManifest('node_modules/@babel/package.json'));
  });

  const query = spawnSync('npm', ['query', '*'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (query.status !== 0) process.stderr.write('\n!!! SKIPPING: npm query failed; the comparison with npm did not run !!!\n\n');

  it('finds in this repository\'s node_modules exactly the packages npm lists', { skip: query.status !== 0 }, () => {
    const ours = manifests(join(REPO_ROOT, 'node_modules'))
      .map((file) => relative(REPO_ROOT, file))
      .filter(isInstalledNpmManifest)
      .flatMap((file) => parseNpmManifest(readFileSync(join(REPO_ROOT, file), 'utf8'), file))
      .map((item) => `${item.name}@${item.version}`);
    const theirs = (JSON.parse(query.stdout) as { name?: string; version?: string; location?: string }[])
      .filter((item) => item.location?.startsWith('node_modules/'))
      .map((item) => `${item.name}@${item.version}`);
    assert.ok(theirs.length > 20);
    assert.deepEqual([...new Set(ours)].sort(), [...new Set(theirs)].sort());
  });
});
