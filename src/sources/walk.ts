/**
 * Expands inputs into things to read: manifest files (directories walked recursively in sorted order), Helm charts
 * and Kustomize directories to render, stdin. Symbolic links are followed; real paths already seen are skipped, so
 * links can neither loop nor read a file twice.
 */
import { readdirSync, type Dirent, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { InputError } from '../model/resource.js';
import { readFailure } from './read.js';

export type Target =
  | { kind: 'file'; file: string; json: boolean }
  /** A pipe or device named explicitly (`kspm scan <(helm template ...)`): read as a bounded stream. */
  | { kind: 'stream'; file: string; json: boolean }
  | { kind: 'helm'; dir: string }
  | { kind: 'kustomize'; dir: string; kustomization: string }
  | { kind: 'stdin' }
  | { kind: 'error'; error: InputError };

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.has(extname(name).toLowerCase());
}

function isJsonName(name: string): boolean {
  return extname(name).toLowerCase() === '.json';
}

function readError(file: string, caught: unknown): Target {
  const { code, message } = readFailure(caught);
  return { kind: 'error', error: { file, code, message } };
}

function notRegular(file: string, stats: Stats): Target {
  const what = stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a regular file';
  return { kind: 'error', error: { file, code: 'read-failed', message: `is ${what}, not a regular file; not opened` } };
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export class Walker {
  private readonly seenDirectories = new Set<string>();
  private readonly seenFiles = new Set<string>();

  /** A walker that treats these files as already read (missing ones are ignored). */
  static async excluding(files: readonly string[]): Promise<Walker> {
    const walker = new Walker();
    for (const file of files) {
      const real = await realpath(file).catch(() => undefined);
      if (real) walker.seenFiles.add(real);
    }
    return walker;
  }

  /** What one command-line input stands for. */
  async *targets(input: string): AsyncGenerator<Target> {
    if (input === '-') {
      yield { kind: 'stdin' };
      return;
    }
    let stats: Stats;
    let real: string;
    try {
      stats = await stat(input);
      real = await realpath(input);
    } catch (caught) {
      yield readError(input, caught);
      return;
    }
    if (stats.isDirectory()) yield* this.directory(input, real);
    else if (stats.isFile()) yield* this.file(input, real);
    else if ((stats.isFIFO() || stats.isCharacterDevice()) && !isManifestName(input)) yield { kind: 'stream', file: input, json: false };
    else yield notRegular(input, stats);
  }

  private async *file(file: string, real: string): AsyncGenerator<Target> {
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    yield { kind: 'file', file, json: isJsonName(file) };
  }

  private async *directory(dir: string, real: string): AsyncGenerator<Target> {
    if (this.seenDirectories.has(real)) return;
    this.seenDirectories.add(real);
    let entries: Dirent[];
    try {
      // Synchronous: a listing is one quick system call, and an event-loop round trip per folder adds up to seconds.
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (caught) {
      yield readError(dir, caught);
      return;
    }
    const names = new Set(entries.map((entry) => entry.name));
    if (names.has('Chart.yaml')) {
      yield { kind: 'helm', dir };
      return;
    }
    const kustomization = KUSTOMIZATION_FILES.find((name) => names.has(name));
    if (kustomization) {
      yield { kind: 'kustomize', dir, kustomization };
      return;
    }
    for (const entry of entries.sort(byName)) {
      const path = join(dir, entry.name);
      const realPath = join(real, entry.name);
      const hidden = entry.name.startsWith('.') || entry.name === 'node_modules';
      if (entry.isDirectory()) {
        if (!hidden) yield* this.directory(path, realPath);
      } else if (entry.isSymbolicLink()) {
        yield* this.link(path, realPath, entry.name, hidden);
      } else if (isManifestName(entry.name)) {
        if (entry.isFile()) yield* this.file(path, realPath);
        else {
          try {
            yield notRegular(path, await stat(path));
          } catch (caught) {
            yield readError(path, caught);
          }
        }
      }
    }
  }

  private async *link(path: string, linkPath: string, name: string, hidden: boolean): AsyncGenerator<Target> {
    let stats: Stats;
    let real: string;
    try {
      real = await realpath(linkPath);
      stats = await stat(real);
    } catch (caught) {
      if (isManifestName(name)) yield readError(path, caught);
      return;
    }
    if (stats.isDirectory()) {
      if (!hidden) yield* this.directory(path, real);
    } else if (isManifestName(name)) {
      if (stats.isFile()) yield* this.file(path, real);
      else yield notRegular(path, stats);
    }
  }
}
