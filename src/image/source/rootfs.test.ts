import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { wants } from '../packages/detectors.js';
import { listWantedFiles, openRootfs, readRootfsFile } from './rootfs.js';

const temp = mkdtempSync(join(tmpdir(), 'kspm-rootfs-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function put(root: string, path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content, { mode });
}
function link(root: string, path: string, target: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(target, join(root, path));
}

describe('rootfs', () => {
  const root = join(temp, 'root');
  const outside = join(temp, 'outside');
  put(outside, 'METADATA', 'Name: stolen\nVersion: 1\n');
  put(root, 'usr/lib/os-release', 'ID=debian\n');
  link(root, 'etc/os-release', '../usr/lib/os-release');
  put(root, 'data/dpkg/status', 'Package: a\n');
  link(root, 'var/lib/dpkg', '/data/dpkg');
  put(root, 'usr/lib/python3/dist-packages/ok-1.0.dist-info/METADATA', 'Name: ok\nVersion: 1.0\n');
  link(root, 'usr/lib/python3/dist-packages/rel-1.0.dist-info/METADATA', '../../../../../../outside/METADATA');
  link(root, 'usr/lib/python3/dist-packages/abs-1.0.dist-info/METADATA', join(outside, 'METADATA'));
  put(root, 'usr/bin/tool', '#!/bin/sh\n', 0o755);
  put(root, 'usr/share/doc/readme', 'not wanted');
  put(root, 'proc/1/environ', 'never walked', 0o755);

  it('lists wanted files, symlinks resolved inside the root only, executables flagged', async () => {
    const notes: string[] = [];
    const files = await listWantedFiles(root, wants, (note) => notes.push(note));
    assert.deepEqual(files.map((file) => [file.path, file.realPath.slice(root.length + 1), file.executable]), [
      ['etc/os-release', 'usr/lib/os-release', false],
      ['usr/bin/tool', 'usr/bin/tool', true],
      ['usr/lib/os-release', 'usr/lib/os-release', false],
      ['usr/lib/python3/dist-packages/ok-1.0.dist-info/METADATA', 'usr/lib/python3/dist-packages/ok-1.0.dist-info/METADATA', false],
      // Behind a symlinked directory, which the walk does not enter: found as a package database at a fixed path.
      ['var/lib/dpkg/status', 'data/dpkg/status', false],
    ]);
    assert.deepEqual(notes.sort(), [
      `usr/lib/python3/dist-packages/abs-1.0.dist-info/METADATA: a symlink leads to "${outside.split('/')[1]}", which does not exist`,
      'usr/lib/python3/dist-packages/rel-1.0.dist-info/METADATA: a symlink leads outside the root filesystem; not followed',
    ]);
  });

  it('reads a file within the bound and notes one beyond it', async () => {
    const [file] = await listWantedFiles(root, (path) => path === 'usr/lib/os-release', () => undefined);
    assert.ok(file);
    assert.equal((await readRootfsFile(file, 100) as Buffer).toString(), 'ID=debian\n');
    assert.equal(await readRootfsFile(file, 4), 'usr/lib/os-release: 10 bytes, more than the 4 read per file; not read');
  });

  it('opens only an existing directory', async () => {
    assert.deepEqual(await openRootfs(root), { kind: 'rootfs', reference: `rootfs:${root}`, directory: root });
    await assert.rejects(openRootfs(join(root, 'usr/lib/os-release')), /os-release: not a directory/);
    await assert.rejects(openRootfs(join(temp, 'nowhere')), /nowhere: no such directory/);
  });
});
