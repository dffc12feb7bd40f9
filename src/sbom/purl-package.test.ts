import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { osFromDistro, packageFromPurl } from './purl-package.js';

const at = { path: 'x' };

function ecosystemAndName(purl: string): [string, string] | string {
  const found = packageFromPurl(purl, at);
  return typeof found === 'string' ? found : [found.package.ecosystem, found.package.name];
}

describe('packages from purls', () => {
  const cases: [string, [string, string]][] = [
    ['pkg:deb/debian/curl@7.88.1-10', ['Debian', 'curl']],
    ['pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.15', ['Ubuntu', 'curl']],
    ['pkg:apk/alpine/musl@1.2.4-r2', ['Alpine', 'musl']],
    ['pkg:apk/wolfi/glibc@2.39-r1', ['Wolfi', 'glibc']],
    ['pkg:rpm/redhat/openssl@3.0.7-24.el9', ['Red Hat', 'openssl']],
    ['pkg:rpm/rocky/bash@5.1.8-6.el9', ['Rocky Linux', 'bash']],
    ['pkg:rpm/opensuse/zlib@1.2.13-1', ['openSUSE', 'zlib']],
    ['pkg:pypi/requests@2.31.0', ['PyPI', 'requests']],
    ['pkg:npm/%40babel/core@7.23.0', ['npm', '@babel/core']],
    ['pkg:golang/golang.org/x/net@v0.17.0', ['Go', 'golang.org/x/net']],
    ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', ['Maven', 'org.apache.logging.log4j:log4j-core']],
    ['pkg:cargo/tokio@1.35.0', ['crates.io', 'tokio']],
    ['pkg:gem/rails@7.1.2', ['RubyGems', 'rails']],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', ['NuGet', 'Newtonsoft.Json']],
    ['pkg:composer/laravel/framework@10.0.0', ['Packagist', 'laravel/framework']],
    ['pkg:hex/plug@1.15.0', ['Hex', 'plug']],
    ['pkg:cran/ggplot2@3.4.4', ['CRAN', 'ggplot2']],
  ];
  for (const [purl, expected] of cases) it(`${purl} → ${expected.join(' ')}`, () => assert.deepEqual(ecosystemAndName(purl), expected));

  it('takes the source package from the upstream qualifier, with or without a version', () => {
    const plain = packageFromPurl('pkg:deb/debian/libssl3@3.0.15-1?upstream=openssl', at);
    const versioned = packageFromPurl('pkg:deb/debian/libssl3@3.0.15-1?upstream=openssl%403.0.15-1a', at);
    assert.ok(typeof plain !== 'string' && typeof versioned !== 'string');
    assert.deepEqual(plain.package.source, { name: 'openssl', version: '3.0.15-1' });
    assert.deepEqual(versioned.package.source, { name: 'openssl', version: '3.0.15-1a' });
    const self = packageFromPurl('pkg:deb/debian/bash@5.2?upstream=bash', at);
    assert.ok(typeof self !== 'string' && self.package.source === undefined, 'a package that is its own source has none');
  });

  it('says why a purl cannot be used', () => {
    assert.match(ecosystemAndName('pkg:deb/devuan/curl@1') as string, /purl type "deb" with namespace "devuan"/);
    assert.match(ecosystemAndName('pkg:conan/zlib@1.3') as string, /purl type "conan"/);
    assert.match(ecosystemAndName('pkg:npm/left-pad') as string, /has no version/);
    assert.match(ecosystemAndName('not a purl') as string, /"not a purl" is not a valid package URL/);
  });

  it('reads the OS from distro qualifiers', () => {
    assert.deepEqual(osFromDistro('debian-12'), { id: 'debian', versionId: '12' });
    assert.deepEqual(osFromDistro('ubuntu-22.04'), { id: 'ubuntu', versionId: '22.04' });
    assert.deepEqual(osFromDistro('rhel-9.3'), { id: 'rhel', versionId: '9.3' });
    assert.deepEqual(osFromDistro('3.19.1', 'alpine'), { id: 'alpine', versionId: '3.19.1' });
    assert.deepEqual(osFromDistro('bookworm'), { id: 'bookworm' });
  });
});
