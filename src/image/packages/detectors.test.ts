import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { detectPackages, wants } from './detectors.js';

const file = (path: string, content: string, extra: { layer?: string; executable?: boolean } = {}) => ({ path, content: Buffer.from(content, 'latin1'), ...extra });

describe('package detectors', () => {
  it('want only the files some detector reads', () => {
    assert.ok(wants('etc/os-release'));
    assert.ok(wants('var/lib/dpkg/status'));
    assert.ok(wants('var/lib/dpkg/status.d/base-files'));
    assert.ok(wants('lib/apk/db/installed'));
    assert.ok(wants('usr/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA'));
    assert.ok(wants('app/node_modules/express/package.json'));
    assert.ok(wants('usr/local/bin/tool', true));
    assert.ok(!wants('usr/local/bin/tool'));
    for (const path of ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/Packages.db', 'var/lib/rpm/Packages', 'opt/app/app.jar', 'srv/ROOT.war']) assert.ok(wants(path), path);
    for (const path of ['etc/lsb-release', 'etc/alpine-release', 'etc/redhat-release', 'etc/debian_version']) assert.ok(wants(path), path);
    assert.ok(!wants('var/lib/rpm/Packages.lock'));
    assert.ok(!wants('etc/passwd'));
  });

  it('name OS packages after the system, keep each package\'s layer, and note what they cannot read', () => {
    const header = Buffer.alloc(32);
    Buffer.from('\xff Go buildinf:', 'latin1').copy(header);
    const oldGo = Buffer.concat([Buffer.alloc(16), header]).toString('latin1');
    const found = detectPackages([
      file('etc/os-release', 'ID=ubuntu\nVERSION_ID="24.04"\n', { layer: 'sha256:aa' }),
      file('var/lib/dpkg/status', 'Package: libc6\nStatus: install ok installed\nVersion: 2.39-0ubuntu8\nArchitecture: amd64\nSource: glibc\n', { layer: 'sha256:aa' }),
      file('app/node_modules/left-pad/package.json', '{"name":"left-pad","version":"1.3.0"}', { layer: 'sha256:bb' }),
      file('usr/bin/old-tool', oldGo, { executable: true }),
      file('usr/bin/script', '#!/bin/sh\n', { executable: true }),
    ]);
    assert.deepEqual(found.os, { id: 'ubuntu', versionId: '24.04' });
    assert.deepEqual(found.packages.map((item) => [item.ecosystem, item.name, item.version, item.layer]), [
      ['npm', 'left-pad', '1.3.0', 'sha256:bb'],
      ['Ubuntu', 'libc6', '2.39-0ubuntu8', 'sha256:aa'],
    ]);
    assert.deepEqual(found.notes, ['usr/bin/old-tool: a Go binary built before Go 1.18, whose build information kspm does not read']);
  });

  it('fall back to the distribution\'s own release file, read Java archives and note unreadable rpm databases', () => {
    const jar = zipSync({ 'META-INF/maven/org.example/lib/pom.properties': strToU8('groupId=org.example\nartifactId=lib\nversion=1.0.0\n') });
    const found = detectPackages([
      file('etc/alpine-release', '3.20.3\n'),
      file('lib/apk/db/installed', 'P:musl\nV:1.2.5-r0\nA:x86_64\n\n'),
      { path: 'opt/lib-1.0.0.jar', content: Buffer.from(jar), layer: 'sha256:cc' },
      file('var/lib/rpm/Packages', 'neither SQLite, NDB nor Berkeley DB'),
    ]);
    assert.deepEqual(found.os, { id: 'alpine', versionId: '3.20.3' });
    assert.deepEqual(found.packages.map((item) => [item.ecosystem, item.name, item.version, item.purl, item.layer]), [
      ['Alpine', 'musl', '1.2.5-r0', 'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3', undefined],
      ['Maven', 'org.example:lib', '1.0.0', 'pkg:maven/org.example/lib@1.0.0', 'sha256:cc'],
    ]);
    assert.deepEqual(found.notes, ['var/lib/rpm/Packages: not an rpm database this tool knows (SQLite, NDB or Berkeley DB hash)']);
  });
});
