import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseApkInstalled } from './apk.js';

// Two records as apk writes them, with the file lists (F:, R:, Z:) that follow the package fields.
const INSTALLED = `C:Q1p78yvTLG094tHE1+dToJGbmYzQE=
P:musl
V:1.2.5-r0
A:x86_64
S:411308
I:667648
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1712006356
c:6ab58ed91fdd0f5bd5fee6a6b7b0ae4d2ad8e7f6
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1N9bWKM/IL66OMdy2lTlYgVxtKZA=

C:Q1yB3CVUFMOjnLOOEAUIHE4S0dQ9o=
P:libcrypto3
V:3.3.2-r0
A:x86_64
o:openssl
F:usr/lib
R:libcrypto.so.3
`;

describe('apk installed database', () => {
  it('reads each record with its origin package and a purl', () => {
    assert.deepEqual(parseApkInstalled(INSTALLED, 'lib/apk/db/installed', { id: 'alpine', versionId: '3.20.3' }), [
      { ecosystem: 'Alpine', name: 'musl', version: '1.2.5-r0', path: 'lib/apk/db/installed', purl: 'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3' },
      { ecosystem: 'Alpine', name: 'libcrypto3', version: '3.3.2-r0', source: { name: 'openssl', version: '3.3.2-r0' }, path: 'lib/apk/db/installed', purl: 'pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=3.20.3' },
    ]);
  });

  it('skips records without a name or version, and lines it does not know', () => {
    assert.deepEqual(parseApkInstalled('P:broken\n\nV:1.0\n\ngarbage line\nP:ok\nV:1-r0\n', 'x'), [{ ecosystem: 'Alpine', name: 'ok', version: '1-r0', path: 'x', purl: 'pkg:apk/alpine/ok@1-r0' }]);
  });
});
