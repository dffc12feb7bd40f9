import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InstalledPackage } from '../../image/packages/model.js';
import { goToolchainVersion, lookupKeys, normalisePyPIName } from './package-keys.js';

const pkg = (ecosystem: string, name: string, version: string, source?: { name: string; version: string }): InstalledPackage =>
  ({ ecosystem, name, version, path: 'x', purl: 'pkg:generic/x', ...(source ? { source } : {}) });

describe('lookup keys', () => {
  const cases: [string, InstalledPackage, Parameters<typeof lookupKeys>[1], [string, string, string][]][] = [
    ['Debian by source name and version', pkg('Debian', 'libssl3', '3.0.11-1', { name: 'openssl', version: '3.0.11-1' }), { id: 'debian', versionId: '12' }, [['Debian:12', 'openssl', '3.0.11-1']]],
    ['Debian binNMU: the source version differs', pkg('Debian', 'libfoo1', '1.0-1+b1', { name: 'foo', version: '1.0-1' }), { id: 'debian', codename: 'bookworm' }, [['Debian:12', 'foo', '1.0-1']]],
    ['Debian without a source field', pkg('Debian', 'bash', '5.2.15-2+b2'), { id: 'debian', versionId: '12' }, [['Debian:12', 'bash', '5.2.15-2+b2']]],
    ['Ubuntu: plain and LTS', pkg('Ubuntu', 'libcurl4', '7.81.0-1', { name: 'curl', version: '7.81.0-1' }), { id: 'ubuntu', versionId: '22.04' }, [['Ubuntu:22.04', 'curl', '7.81.0-1'], ['Ubuntu:22.04:LTS', 'curl', '7.81.0-1']]],
    ['Alpine: branch from the point release', pkg('Alpine', 'libcrypto3', '3.3.1-r0', { name: 'openssl', version: '3.3.1-r0' }), { id: 'alpine', versionId: '3.20.3' }, [['Alpine:v3.20', 'openssl', '3.3.1-r0']]],
    ['PyPI: PEP 503 name', pkg('PyPI', 'Zope.Interface', '5.0'), undefined, [['PyPI', 'zope-interface', '5.0']]],
    ['Go stdlib: SemVer toolchain version', pkg('Go', 'stdlib', '1.22rc1'), undefined, [['Go', 'stdlib', '1.22.0-rc.1']]],
    ['Go module: as written', pkg('Go', 'golang.org/x/net', 'v0.17.0'), undefined, [['Go', 'golang.org/x/net', 'v0.17.0']]],
    ['Maven: group:artifact as written', pkg('Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1'), undefined, [['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1']]],
  ];
  for (const [name, input, os, expected] of cases) {
    it(name, () => {
      const result = lookupKeys(input, os);
      assert.ok('keys' in result, JSON.stringify(result));
      assert.deepEqual(result.keys.map((k) => [k.ecosystem, k.name, k.version]), expected);
    });
  }

  it('a distribution package without a known release is a note', () => {
    assert.deepEqual(lookupKeys(pkg('Alpine', 'musl', '1.2.5-r0'), { id: 'alpine' }), { note: 'alpine: the Alpine branch is unknown (no VERSION_ID); Alpine packages not matched' });
  });

  it('helpers', () => {
    assert.equal(normalisePyPIName('Foo__Bar.baz'), 'foo-bar-baz');
    assert.equal(goToolchainVersion('1.21'), '1.21.0');
    assert.equal(goToolchainVersion('1.21.3'), '1.21.3');
    assert.equal(goToolchainVersion('1.9beta2'), '1.9.0-beta.2');
  });
});
