/**
 * Reads image layers (bottom first) entry by entry into one merged view, as overlayfs would present the image, and
 * yields the entries a caller wants. Nothing is written to disk and no link is followed outside the merged view.
 *
 * Decisions:
 * - Entry names that are absolute or climb out with `..` (and hardlinks pointing so) abort the walk: a registry
 *   serving them is hostile or broken.
 * - Device and fifo entries carry no content; they are skipped and reported through `onWarning`, since aborting would
 *   fail on real base images that ship `dev/` nodes.
 * - Symlink targets are read with the image as root: an absolute target starts at the image root, and a target that
 *   climbs above the root (directly or through a chain) is reported and never followed.
 * - Hardlinks become regular files sharing their target's content, so a later whiteout of the target keeps them.
 */
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract as tarExtract, type Header } from 'tar-stream';
import { decompress } from './compression.js';
import { verifyDigest } from './digest.js';

export interface LayerBlob {
  /** The digest of the compressed blob (`sha256:<hex>`), verified as it is read. */
  digest: string;
  stream: AsyncIterable<Uint8Array>;
}

export interface LayerWarning {
  layer: string;
  path: string;
  message: string;
}

export interface WalkOptions<Condensed = never> {
  /** Bound on the decompressed bytes of all layers together. */
  maxBytes: number;
  /**
   * Which paths (relative, no leading `./` or `/`) to yield; only their contents are kept in memory. `executable` is
   * true for regular files with an execute bit.
   */
  wanted(path: string, executable: boolean): boolean;
  /**
   * Turns a wanted file's bytes into what the caller needs of them, as soon as they are read, so that large files
   * (binaries, archives) are not all held until the walk ends; `undefined` keeps the bytes instead.
   */
  condense?(file: { path: string; content: Buffer; executable: boolean; layer: string }): Condensed | undefined;
  onWarning(warning: LayerWarning): void;
}

export interface MergedEntry<Condensed = never> {
  path: string;
  kind: 'file' | 'directory' | 'symlink';
  /** Digest of the layer the entry last came from. */
  layer: string;
  mode: number;
  size: number;
  /** For symlinks: the target as written in the tar entry. */
  linkTarget?: string;
  /** For symlinks: where the chain ends within the image, when it ends there. */
  resolvedPath?: string;
  /** The bytes of a file, or of the file a symlink resolves to, when they were kept (the file was wanted). */
  content?: Buffer;
  /** What `condense` made of a file's bytes, or of those of the file a symlink resolves to. */
  condensed?: Condensed;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
const MAX_SYMLINK_HOPS = 40;

interface FileNode {
  kind: 'file';
  layer: string;
  mode: number;
  size: number;
  content?: Buffer;
  condensed?: unknown;
}
interface SymlinkNode {
  kind: 'symlink';
  layer: string;
  mode: number;
  linkTarget: string;
}
interface DirectoryNode {
  kind: 'directory';
  layer: string;
  mode: number;
  children: Map<string, TreeNode>;
}
type TreeNode = FileNode | SymlinkNode | DirectoryNode;

/** A tar entry as tar-stream yields it: its header, then its bytes. */
interface TarEntry extends AsyncIterable<Buffer> {
  header: Header;
}

interface LayerChanges {
  added: Map<string, TreeNode>;
  whiteouts: string[];
  opaqueDirs: string[];
}

export async function* walkLayers<Condensed = never>(
  layers: AsyncIterable<LayerBlob> | Iterable<LayerBlob>,
  options: WalkOptions<Condensed>,
): AsyncGenerator<MergedEntry<Condensed>> {
  const root = newDirectory('');
  const decompressed = { bytes: 0 };
  for await (const layer of layers) {
    const changes = await readLayer(layer, root, decompressed, options as WalkOptions<unknown>);
    applyChanges(root, changes);
  }
  yield* mergedEntries(root, root, '', options as WalkOptions<unknown>) as Generator<MergedEntry<Condensed>>;
}

async function readLayer(
  layer: LayerBlob,
  root: DirectoryNode,
  decompressed: { bytes: number },
  options: WalkOptions<unknown>,
): Promise<LayerChanges> {
  const changes: LayerChanges = { added: new Map(), whiteouts: [], opaqueDirs: [] };
  const tarBytes = bounded(decompress(verifyDigest(layer.stream, layer.digest)), layer.digest, decompressed, options.maxBytes);
  const extract = tarExtract();
  const feeding = pipeline(Readable.from(tarBytes), extract);
  // Its failure also ends the entry loop below with the same error; awaited after the loop for errors after the
  // last entry (a digest mismatch is only known once every byte is read).
  feeding.catch(() => undefined);
  for await (const entry of extract) {
    // tar-stream's entry streams are async iterable at runtime; their type (streamx) does not say so.
    await readEntry(entry as unknown as TarEntry, layer.digest, root, changes, options);
  }
  await feeding;
  return changes;
}

async function readEntry(
  entry: TarEntry,
  layer: string,
  root: DirectoryNode,
  changes: LayerChanges,
  options: WalkOptions<unknown>,
): Promise<void> {
  const { header } = entry;
  const path = entryPath(header.name, layer, header.name);
  const name = posix.basename(path);
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  const executable = isRegularFile(header.type) && ((header.mode ?? 0) & 0o111) !== 0;
  const wanted = path !== '' && !name.startsWith(WHITEOUT_PREFIX) && options.wanted(path, executable);
  let content = wanted && isRegularFile(header.type) ? await collect(entry) : await drain(entry);
  const condensed = content && options.condense ? options.condense({ path, content, executable, layer }) : undefined;
  if (condensed !== undefined) content = undefined;
  if (path === '') return;
  if (name === OPAQUE_MARKER) {
    changes.opaqueDirs.push(dir);
    return;
  }
  if (name.startsWith(WHITEOUT_PREFIX)) {
    const hidden = entryPath(posix.join(dir, name.slice(WHITEOUT_PREFIX.length)), layer, header.name);
    if (hidden !== '') changes.whiteouts.push(hidden);
    return;
  }
  const mode = header.mode ?? 0;
  const warn = (message: string) => options.onWarning({ layer, path, message });
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
      changes.added.set(path, { kind: 'file', layer, mode, size: header.size ?? 0, content, ...(condensed !== undefined ? { condensed } : {}) });
      return;
    case 'directory':
      changes.added.set(path, newDirectory(layer, mode));
      return;
    case 'symlink': {
      const linkTarget = header.linkname ?? '';
      if (!linkTarget.startsWith('/') && climbsOutOfRoot(posix.join(dir, linkTarget))) {
        warn(`symlink to "${linkTarget}" escapes the image root; it is left out`);
        return;
      }
      changes.added.set(path, { kind: 'symlink', layer, mode, linkTarget });
      return;
    }
    case 'link': {
      const targetPath = entryPath(header.linkname ?? '', layer, header.name);
      const target = changes.added.get(targetPath) ?? lookup(root, targetPath);
      if (target?.kind !== 'file') {
        warn(`hardlink to "${targetPath}", which is not a regular file in this or a lower layer; it is left out`);
        return;
      }
      if (wanted && !target.content && target.condensed === undefined) warn(`hardlink to "${targetPath}", whose content was not kept (not wanted)`);
      changes.added.set(path, { ...target, layer, mode });
      return;
    }
    default:
      warn(`${header.type as string} entry skipped: only files, directories and links are read`);
  }
}

/** The entry's path relative to the image root ('' for the root itself); absolute or escaping names abort. */
function entryPath(name: string, layer: string, entryName: string): string {
  if (name.startsWith('/')) throw new Error(`layer ${layer}: entry "${entryName}" has an absolute path`);
  const normalised = posix.normalize(name).replace(/\/+$/, '');
  if (climbsOutOfRoot(normalised)) throw new Error(`layer ${layer}: entry "${entryName}" escapes the layer root`);
  return normalised === '.' ? '' : normalised;
}

function climbsOutOfRoot(relativePath: string): boolean {
  const normalised = posix.normalize(relativePath);
  return normalised === '..' || normalised.startsWith('../');
}

function isRegularFile(type: Header['type']): boolean {
  return type === 'file' || type === 'contiguous-file';
}

async function* bounded(
  source: AsyncIterable<Uint8Array>,
  layer: string,
  decompressed: { bytes: number },
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    decompressed.bytes += chunk.length;
    if (decompressed.bytes > maxBytes) throw new Error(`layer ${layer} expands beyond ${maxBytes} bytes`);
    yield chunk;
  }
}

async function collect(entry: TarEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function drain(entry: TarEntry): Promise<undefined> {
  for await (const _ of entry);
  return undefined;
}

/** Whiteouts and opaque markers hide only what lower layers hold, so they go first, then the layer's own entries. */
function applyChanges(root: DirectoryNode, changes: LayerChanges): void {
  for (const dir of changes.opaqueDirs) {
    const node = lookup(root, dir);
    if (node?.kind === 'directory') node.children.clear();
  }
  for (const hidden of changes.whiteouts) {
    const parent = lookup(root, posix.dirname(hidden) === '.' ? '' : posix.dirname(hidden));
    if (parent?.kind === 'directory') parent.children.delete(posix.basename(hidden));
  }
  for (const [path, node] of changes.added) {
    const parent = ensureDirectory(root, posix.dirname(path) === '.' ? '' : posix.dirname(path), node.layer);
    const name = posix.basename(path);
    const existing = parent.children.get(name);
    if (node.kind === 'directory' && existing?.kind === 'directory') {
      existing.layer = node.layer;
      existing.mode = node.mode;
    } else {
      parent.children.set(name, node);
    }
  }
}

function ensureDirectory(root: DirectoryNode, path: string, layer: string): DirectoryNode {
  let current = root;
  for (const name of components(path)) {
    let next = current.children.get(name);
    if (next?.kind !== 'directory') {
      next = newDirectory(layer);
      current.children.set(name, next);
    }
    current = next;
  }
  return current;
}

function lookup(root: DirectoryNode, path: string): TreeNode | undefined {
  let current: TreeNode = root;
  for (const name of components(path)) {
    if (current.kind !== 'directory') return undefined;
    const next: TreeNode | undefined = current.children.get(name);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

function components(path: string): string[] {
  return path.split('/').filter((name) => name !== '' && name !== '.');
}

function newDirectory(layer: string, mode = 0o755): DirectoryNode {
  return { kind: 'directory', layer, mode, children: new Map() };
}

function* mergedEntries(
  root: DirectoryNode,
  dir: DirectoryNode,
  dirPath: string,
  options: WalkOptions<unknown>,
): Generator<MergedEntry<unknown>> {
  for (const [name, node] of dir.children) {
    const path = dirPath === '' ? name : `${dirPath}/${name}`;
    if (options.wanted(path, node.kind === 'file' && (node.mode & 0o111) !== 0)) yield mergedEntry(root, path, node, options);
    if (node.kind === 'directory') yield* mergedEntries(root, node, path, options);
  }
}

function mergedEntry(root: DirectoryNode, path: string, node: TreeNode, options: WalkOptions<unknown>): MergedEntry<unknown> {
  const base = { path, layer: node.layer, mode: node.mode };
  switch (node.kind) {
    case 'directory':
      return { ...base, kind: 'directory', size: 0 };
    case 'file':
      return { ...base, kind: 'file', size: node.size, content: node.content, ...(node.condensed !== undefined ? { condensed: node.condensed } : {}) };
    case 'symlink': {
      const resolved = resolveSymlinks(root, path);
      if ('problem' in resolved) {
        options.onWarning({ layer: node.layer, path, message: `symlink to "${node.linkTarget}": ${resolved.problem}` });
        return { ...base, kind: 'symlink', size: 0, linkTarget: node.linkTarget };
      }
      const target = resolved.node;
      return {
        ...base,
        kind: 'symlink',
        size: target.kind === 'file' ? target.size : 0,
        linkTarget: node.linkTarget,
        resolvedPath: resolved.path,
        content: target.kind === 'file' ? target.content : undefined,
        ...(target.kind === 'file' && target.condensed !== undefined ? { condensed: target.condensed } : {}),
      };
    }
  }
}

/** Follows symlinks in every component of `path`, with the image as root, as the kernel would inside a container. */
function resolveSymlinks(
  root: DirectoryNode,
  path: string,
): { node: FileNode | DirectoryNode; path: string } | { problem: string } {
  const resolved: string[] = [];
  let pending = components(path);
  let hops = 0;
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (name === '..') {
      if (resolved.length === 0) return { problem: 'escapes the image root' };
      resolved.pop();
      continue;
    }
    const candidate = [...resolved, name].join('/');
    const node = lookup(root, candidate);
    if (!node) return { problem: `"${candidate}" does not exist` };
    if (node.kind === 'symlink') {
      if (++hops > MAX_SYMLINK_HOPS) return { problem: `more than ${MAX_SYMLINK_HOPS} links to follow` };
      if (node.linkTarget.startsWith('/')) resolved.length = 0;
      pending = [...components(node.linkTarget), ...pending];
      continue;
    }
    if (pending.length > 0 && node.kind !== 'directory') return { problem: `"${candidate}" is not a directory` };
    resolved.push(name);
  }
  const node = lookup(root, resolved.join('/'));
  if (node?.kind !== 'file' && node?.kind !== 'directory') return { problem: 'does not resolve' };
  return { node, path: resolved.join('/') };
}
