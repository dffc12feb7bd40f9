import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDpkgStatus } from './dpkg.js';
import { parseOsRelease } from './os-release.js';

const STATUS = `Package: libssl3
Status: install ok installed
Architecture: amd64
Source: openssl
Version: 3.0.15-1~deb12u1
Description: Secure Sockets Layer toolkit
 This package is part of the OpenSSL project's implementation of the SSL
 .
 and TLS cryptographic protocols.

Package: removed-thing
Status: deinstall ok config-files
Version: 1.0-1

Package: bsdutils
Status: install ok installed
Architecture: amd64
Source: util-linux (2.38.1-5)
Version: 1:2.38.1-5+deb12u1

Package: tzdata
Status: install ok installed
Architecture: all
Version: 2024a-0+deb12u1
`;

const debian = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n');

describe('dpkg status', () => {
  it('reads installed packages with their source package, and leaves removed ones out', () => {
    assert.deepEqual(parseDpkgStatus(STATUS, 'var/lib/dpkg/status', debian), [
      { ecosystem: 'Debian', name: 'libssl3', version: '3.0.15-1~deb12u1', source: { name: 'openssl', version: '3.0.15-1~deb12u1' }, path: 'var/lib/dpkg/status', purl: 'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12' },
      { ecosystem: 'Debian', name: 'bsdutils', version: '1:2.38.1-5+deb12u1', source: { name: 'util-linux', version: '2.38.1-5' }, path: 'var/lib/dpkg/status', purl: 'pkg:deb/debian/bsdutils@1%3A2.38.1-5%2Bdeb12u1?arch=amd64&distro=debian-12' },
      { ecosystem: 'Debian', name: 'tzdata', version: '2024a-0+deb12u1', path: 'var/lib/dpkg/status', purl: 'pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12' },
    ]);
  });

  it('takes every stanza of a distroless status.d file as installed', () => {
    const found = parseDpkgStatus('Package: base-files\nVersion: 12.4+deb12u7\nArchitecture: amd64\n', 'var/lib/dpkg/status.d/base', debian);
    assert.deepEqual(found.map((item) => [item.name, item.version]), [['base-files', '12.4+deb12u7']]);
  });

  it('names Ubuntu packages for the Ubuntu ecosystem', () => {
    const ubuntu = parseOsRelease('ID=ubuntu\nVERSION_ID="22.04"\n');
    assert.equal(parseDpkgStatus(STATUS, 'var/lib/dpkg/status', ubuntu)[0]!.ecosystem, 'Ubuntu');
    assert.match(parseDpkgStatus(STATUS, 'var/lib/dpkg/status', ubuntu)[0]!.purl, /^pkg:deb\/ubuntu\/libssl3@.*distro=ubuntu-22\.04$/);
  });

  const hasDpkg = existsSync('/var/lib/dpkg/status') && spawnSync('dpkg-query', ['--version']).status === 0;
  if (!hasDpkg) process.stderr.write('\n!!! SKIPPING: no dpkg database on this machine; the comparison with dpkg-query did not run !!!\n\n');

  it('finds on this machine exactly the packages and versions dpkg-query lists', { skip: !hasDpkg }, () => {
    const ours = parseDpkgStatus(readFileSync('/var/lib/dpkg/status', 'utf8'), 'var/lib/dpkg/status')
      .map((item) => `${item.name}\t${item.version}`).sort();
    const query = spawnSync('dpkg-query', ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Status}\\n'], { encoding: 'utf8' }).stdout
      .trim().split('\n').filter((line) => line.endsWith('\tinstalled')).map((line) => line.split('\t').slice(0, 2).join('\t')).sort();
    assert.ok(ours.length > 50);
    assert.deepEqual(ours, query);
  });
});

describe('os-release', () => {
  it('reads quoted and unquoted values, and needs an ID', () => {
    assert.deepEqual(parseOsRelease('# comment\nNAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n'), { id: 'alpine', versionId: '3.20.3', prettyName: 'Alpine Linux v3.20' });
    assert.deepEqual(parseOsRelease("ID='rhel'\nVERSION_ID=\"9.4\"\n"), { id: 'rhel', versionId: '9.4' });
    assert.equal(parseOsRelease('NAME=nothing\n'), undefined);
  });
});
