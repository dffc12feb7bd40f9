import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../../test/helpers/shared.js';
import { goBinaryPackages, readGoBuildInfo } from './go-binary.js';

/** A binary's build information laid out as the Go 1.18+ linker writes it, padded to a 16-byte boundary. */
function fakeBinary(goVersion: string, modinfo: string, flags = 2): Buffer {
  const lengthPrefixed = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    const prefix: number[] = [];
    let length = bytes.length;
    do {
      prefix.push((length & 0x7f) | (length > 0x7f ? 0x80 : 0));
      length = Math.floor(length / 128);
    } while (length > 0);
    return Buffer.concat([Buffer.from(prefix), bytes]);
  };
  const header = Buffer.alloc(32);
  Buffer.from('\xff Go buildinf:', 'latin1').copy(header);
  header[14] = 8;
  header[15] = flags;
  const sentinel = '0'.repeat(16);
  return Buffer.concat([Buffer.alloc(48, 0x41), header, lengthPrefixed(goVersion), lengthPrefixed(`${sentinel}${modinfo}${sentinel}`)]);
}

const MODINFO = [
  'path\texample.com/tool/cmd/tool',
  'mod\texample.com/tool\tv1.4.0\th1:abc=',
  'dep\tgithub.com/spf13/cobra\tv1.8.0\th1:def=',
  'dep\tgolang.org/x/net\tv0.20.0\th1:ghi=',
  '=>\tgolang.org/x/net\tv0.23.0\th1:jkl=',
  'build\t-compiler=gc',
  '',
].join('\n');

describe('Go binaries', () => {
  it('read the Go version and modules, with replacements applied', () => {
    const result = readGoBuildInfo(fakeBinary('go1.22.5', MODINFO));
    assert.equal(result.type, 'go');
    if (result.type !== 'go') return;
    assert.deepEqual(result.info, {
      goVersion: 'go1.22.5',
      path: 'example.com/tool/cmd/tool',
      main: { path: 'example.com/tool', version: 'v1.4.0' },
      deps: [{ path: 'github.com/spf13/cobra', version: 'v1.8.0' }, { path: 'golang.org/x/net', version: 'v0.23.0' }],
    });
    assert.deepEqual(goBinaryPackages(result.info, 'usr/bin/tool').map((item) => item.purl), [
      'pkg:golang/stdlib@1.22.5',
      'pkg:golang/example.com/tool@v1.4.0',
      'pkg:golang/github.com/spf13/cobra@v1.8.0',
      'pkg:golang/golang.org/x/net@v0.23.0',
    ]);
  });

  it('say what they cannot read', () => {
    assert.deepEqual(readGoBuildInfo(Buffer.from('#!/bin/sh\necho hi\n')), { type: 'not-go' });
    assert.deepEqual(readGoBuildInfo(fakeBinary('go1.16', MODINFO, 0)), { type: 'unreadable', reason: 'built before Go 1.18, whose build information kspm does not read' });
    assert.equal(readGoBuildInfo(fakeBinary('go1.22.5', MODINFO).subarray(0, 90)).type, 'unreadable');
  });

  const binaries = [join(REPO_ROOT, '.tools', 'helm'), '/usr/bin/helm', '/usr/local/bin/helm'].filter(existsSync);
  if (binaries.length === 0) process.stderr.write('\n!!! SKIPPING: no helm binary here (.ci/run unpacks one); the real Go binary test did not run !!!\n\n');

  it('read a real Go binary (helm) as it reports itself', { skip: binaries.length === 0 }, () => {
    const helm = realpathSync(binaries[0]!);
    const reported = spawnSync(helm, ['version', '--template', '{{.GoVersion}}'], { encoding: 'utf8' }).stdout.trim();
    const result = readGoBuildInfo(readFileSync(helm));
    assert.equal(result.type, 'go');
    if (result.type !== 'go') return;
    assert.equal(result.info.goVersion, reported);
    assert.equal(result.info.path, 'helm.sh/helm/v4/cmd/helm');
    assert.ok(result.info.deps.some((dep) => dep.path === 'k8s.io/client-go'), 'helm is built on client-go');
  });
});
