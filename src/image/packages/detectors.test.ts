import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
