import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isPythonMetadata, normalisePythonName, parsePythonMetadata } from './python.js';

describe('Python distributions', () => {
  it('reads Name and Version from core metadata, normalising the name as PyPI does', () => {
    const metadata = 'Metadata-Version: 2.1\nName: PyYAML\nVersion: 6.0.1\nSummary: YAML parser\nName: ignored-second\n\nDescription with\nName: not-a-header\n';
    assert.deepEqual(parsePythonMetadata(metadata, 'usr/lib/python3/dist-packages/PyYAML-6.0.1.dist-info/METADATA'), [
      { ecosystem: 'PyPI', name: 'pyyaml', version: '6.0.1', path: 'usr/lib/python3/dist-packages/PyYAML-6.0.1.dist-info/METADATA', purl: 'pkg:pypi/pyyaml@6.0.1' },
    ]);
    assert.deepEqual(parsePythonMetadata('Metadata-Version: 2.1\nSummary: no name\n', 'x'), []);
    assert.equal(normalisePythonName('Zope.Interface__x'), 'zope-interface-x');
  });

  it('knows metadata files by path', () => {
    assert.ok(isPythonMetadata('app/.venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA'));
    assert.ok(isPythonMetadata('usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO'));
    assert.ok(isPythonMetadata('usr/lib/python3/dist-packages/six-1.16.0.egg-info'));
    assert.ok(!isPythonMetadata('usr/lib/python3/dist-packages/requests/__init__.py'));
  });

  const pip = spawnSync('python3', ['-c', 'import json,site;print(json.dumps(site.getsitepackages()))'], { encoding: 'utf8' });
  const sitePackages = pip.status === 0 ? (JSON.parse(pip.stdout) as string[])[0] : undefined;
  const pipList = sitePackages ? spawnSync('python3', ['-m', 'pip', 'list', '--format=json', '--path', sitePackages], { encoding: 'utf8' }) : undefined;
  const canCompare = sitePackages !== undefined && pipList?.status === 0;
  if (!canCompare) process.stderr.write('\n!!! SKIPPING: python3 with pip is absent; the comparison with pip list did not run !!!\n\n');

  it('finds in this machine\'s site-packages exactly what pip list reports', { skip: !canCompare }, () => {
    const ours = readdirSync(sitePackages!).flatMap((entry) => {
      const full = join(sitePackages!, entry);
      const file = entry.endsWith('.dist-info') ? join(full, 'METADATA') : entry.endsWith('.egg-info') ? (statSync(full).isDirectory() ? join(full, 'PKG-INFO') : full) : undefined;
      if (!file) return [];
      try {
        return parsePythonMetadata(readFileSync(file, 'utf8'), file);
      } catch {
        return [];
      }
    }).map((item) => `${item.name} ${item.version}`).sort();
    const theirs = (JSON.parse(pipList!.stdout) as { name: string; version: string }[]).map((item) => `${normalisePythonName(item.name)} ${item.version}`).sort();
    assert.ok(theirs.length > 5);
    assert.deepEqual(ours, theirs);
  });
});
