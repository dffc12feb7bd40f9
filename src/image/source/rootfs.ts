/**
 * A plain root filesystem (`--rootfs DIR`): the directory is walked without following symlinks, and only the files
 * a caller wants are read. A wanted path that is a symlink (or that lies behind a symlinked directory, for the
 * package databases at fixed paths) is resolved with DIR as the root, as inside a container: an absolute target
 * starts at DIR, and a target that climbs above DIR is reported and never read.
 */
import { lstat, open, readdir, readlink, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { APK_INSTALLED } from '../packages/apk.js';
import { DPKG_STATUS } from '../packages/dpkg.js';
import { OS_FILE_PATHS } from '../packages/os-release.js';
import { RPM_DATABASE_PATHS } from '../packages/rpm.js';
import type { RootFilesystem } from './types.js';

export interface RootfsFile {
  /** Relative to the root, without a leading `/`. */
  path: string;
  /** The file to read: the path itself, or where its symlinks lead inside the root. */
  realPath: string;
  size: number;
  executable: boolean;
}

/** Virtual or device filesystems of a live root (`--rootfs /`), never package data. */
const SKIPPED_TOP_DIRECTORIES = new Set(['proc', 'sys', 'dev']);
/** The files saying which OS this is, and the OS package databases (named after the OS), at fixed paths. */
const OS_PATHS: readonly string[] = [...OS_FILE_PATHS, DPKG_STATUS, APK_INSTALLED, ...RPM_DATABASE_PATHS];

const MAX_SYMLINK_HOPS = 40;

export async function openRootfs(directory: string): Promise<RootFilesystem> {
  let info;
  try {
    info = await stat(directory);
  } catch (error) {
    throw new Error(`${directory}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`);
  }
  if (!info.isDirectory()) throw new Error(`${directory}: not a directory (--rootfs needs the root of a filesystem)`);
  return { kind: 'rootfs', reference: `rootfs:${directory}`, directory };
}

/** The files under `root` that `wanted` asks for, in path order; problems (unreadable folders, escaping links) are noted. */
export async function listWantedFiles(
  root: string,
  wanted: (path: string, executable: boolean) => boolean,
  onNote: (note: string) => void,
): Promise<RootfsFile[]> {
  const found = new Map<string, RootfsFile>();
  const pending: string[] = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch (error) {
      onNote(`${dir || '/'}: cannot list the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    const subdirs: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!(dir === '' && SKIPPED_TOP_DIRECTORIES.has(entry.name))) subdirs.push(path);
      } else if (entry.isFile()) {
        const info = await lstat(join(root, path));
        const executable = (info.mode & 0o111) !== 0;
        if (wanted(path, executable)) found.set(path, { path, realPath: join(root, path), size: info.size, executable });
      } else if (entry.isSymbolicLink() && wanted(path, false)) {
        const file = await resolvedFile(root, path, onNote);
        if (file) found.set(path, file);
      }
    }
    pending.push(...subdirs.reverse());
  }
  // Looked up through symlinked directories too, which the walk does not enter (`var/lib/rpm -> ../usr/lib/sysimage/rpm`).
  for (const path of OS_PATHS) {
    if (found.has(path) || !wanted(path, false)) continue;
    const file = await resolvedFile(root, path, () => undefined);
    if (file) found.set(path, file);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The file's bytes, or a note when it is larger than `maxBytes` or cannot be read. */
export async function readRootfsFile(file: RootfsFile, maxBytes: number): Promise<Buffer | string> {
  if (file.size > maxBytes) return `${file.path}: ${file.size} bytes, more than the ${maxBytes} read per file; not read`;
  try {
    const handle = await open(file.realPath, 'r');
    try {
      // Read at most one byte past the bound, in case the file grew since it was listed.
      const buffer = Buffer.alloc(Math.min(file.size, maxBytes) + 1);
      let length = 0;
      for (let read = -1; read !== 0 && length < buffer.length; length += read) {
        ({ bytesRead: read } = await handle.read(buffer, length, buffer.length - length, length));
      }
      if (length > maxBytes) return `${file.path}: more than the ${maxBytes} bytes read per file; not read`;
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return `${file.path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** Follows symlinks in every component of `path` with `root` as the root; a regular file at the end, else a note. */
async function resolvedFile(root: string, path: string, onNote: (note: string) => void): Promise<RootfsFile | undefined> {
  const resolved: string[] = [];
  let pending = path.split('/').filter((name) => name !== '' && name !== '.');
  let hops = 0;
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (name === '..') {
      if (resolved.length === 0) {
        onNote(`${path}: a symlink leads outside the root filesystem; not followed`);
        return undefined;
      }
      resolved.pop();
      continue;
    }
    const candidate = [...resolved, name].join('/');
    let info;
    try {
      info = await lstat(join(root, candidate));
    } catch {
      onNote(`${path}: a symlink leads to "${candidate}", which does not exist`);
      return undefined;
    }
    if (info.isSymbolicLink()) {
      if (++hops > MAX_SYMLINK_HOPS) {
        onNote(`${path}: more than ${MAX_SYMLINK_HOPS} symlinks to follow`);
        return undefined;
      }
      const target = await readlink(join(root, candidate));
      if (posix.isAbsolute(target)) resolved.length = 0;
      pending = [...target.split('/').filter((part) => part !== '' && part !== '.'), ...pending];
      continue;
    }
    if (pending.length > 0 && !info.isDirectory()) return undefined;
    if (pending.length === 0 && !info.isFile()) return undefined;
    resolved.push(name);
  }
  const realPath = join(root, ...resolved);
  const info = await stat(realPath);
  return { path, realPath, size: info.size, executable: false };
}
