/**
 * Real inputs for the image benchmark, built from this machine's own files: a root filesystem holding the machine's
 * dpkg database and the Python and npm packages installed on it; gzip layers of real programs, libraries and data
 * (Go binaries first); and 5,000 packages to match, named after the machine's dpkg packages and after packages that
 * real advisories name, at versions inside and outside their ranges.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, copyFile, lstat, mkdir, readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseSemver } from 'semver';
import type { Advisory, AffectedPackage } from '../src/vuln/advisory.js';
import { readAdvisoryPath } from '../src/vuln/import/paths.js';
import { parseDpkgStatus } from '../src/image/packages/dpkg.js';
import { readGoBuildInfo } from '../src/image/packages/go-binary.js';
import type { InstalledPackage, OperatingSystem } from '../src/image/packages/model.js';
import { isInstalledNpmManifest } from '../src/image/packages/npm.js';
import { REPO_ROOT } from '../test/helpers/shared.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;

export const DPKG_STATUS_FILE = '/var/lib/dpkg/status';
const OS_FILES = ['/etc/os-release', '/usr/lib/os-release', '/etc/debian_version'];
/** Where Python and npm packages are installed on a machine (pyenv and nvm live in the home folder). */
const LANGUAGE_ROOTS = ['/usr/lib', '/usr/local/lib', '/opt', homedir()];

// ---------------------------------------------------------------------------------------------------------------
// Root filesystem

export interface RootfsFixture {
  dir: string;
  dpkgStanzas: number;
  pythonDists: number;
  npmManifests: number;
}

/** `dir` becomes a root filesystem: os-release, the dpkg status, every real dist-info folder and npm package.json. */
export async function buildRootfs(dir: string): Promise<RootfsFixture> {
  const status = await readFile(DPKG_STATUS_FILE, 'utf8');
  await placeFile(DPKG_STATUS_FILE, join(dir, DPKG_STATUS_FILE));
  for (const file of OS_FILES) await placeFile(file, join(dir, file)).catch(() => undefined);
  const { pythonDists, npmManifests } = await findLanguagePackages();
  for (const dist of pythonDists) await cp(dist, rootfsPathOf(dir, dist), { recursive: true, dereference: true });
  for (const manifest of npmManifests) await placeFile(manifest, rootfsPathOf(dir, manifest));
  return { dir, dpkgStanzas: status.split(/\n(?=Package: )/).length, pythonDists: pythonDists.length, npmManifests: npmManifests.length };
}

/** The repository's own node_modules goes under /app, as an application image would hold it. */
function rootfsPathOf(dir: string, source: string): string {
  const inRepo = relative(REPO_ROOT, source);
  return inRepo.startsWith('..') ? join(dir, source) : join(dir, 'app', inRepo);
}

async function placeFile(source: string, destination: string): Promise<void> {
  await mkdir(dirname(destination), { recursive: true });
  await copyFile(source, destination);
}

async function findLanguagePackages(): Promise<{ pythonDists: string[]; npmManifests: string[] }> {
  const roots = [...LANGUAGE_ROOTS, join(REPO_ROOT, 'node_modules')];
  const existing = (await Promise.all(roots.map(async (root) => ((await stat(root).catch(() => undefined))?.isDirectory() ? root : undefined))))
    .filter((root): root is string => root !== undefined);
  const { stdout } = await run('find', [...existing, '-xdev', '(', '-name', '*.dist-info', '-type', 'd', '-prune', '-print', ')', '-o', '(', '-name', 'package.json', '-path', '*/node_modules/*', '-print', ')'], {
    maxBuffer: 64 * MiB,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })); // unreadable folders make find exit 1
  const found = [...new Set(stdout.split('\n').filter((line) => line !== ''))].sort();
  return {
    pythonDists: found.filter((path) => path.endsWith('.dist-info')),
    npmManifests: found.filter((path) => isInstalledNpmManifest(path.slice(1))),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Image layers

export interface BuiltLayer {
  label: string;
  /** The gzip blob. */
  file: string;
  entries: number;
  /** Bytes of the regular files in it (the tar is a little larger). */
  contentBytes: number;
  goBinaries: string[];
}

/** Entries (absolute paths) for one layer, chosen until its byte budget is spent. */
export class Selection {
  readonly entries: string[] = [];
  readonly goBinaries: string[] = [];
  bytes = 0;

  constructor(readonly label: string, readonly dereference = false) {}

  /** Adds a file or symlink when it fits within `budget` bytes (folders and sockets are not added). */
  async addFile(path: string, budget = Infinity): Promise<boolean> {
    const info = await (this.dereference ? stat(path) : lstat(path)).catch(() => undefined);
    if (!info || !(info.isFile() || info.isSymbolicLink())) return false;
    const size = info.isFile() ? info.size : 0;
    if (this.bytes + size > budget) return false;
    this.entries.push(path);
    this.bytes += size;
    return true;
  }

  /** Walks `root` in name order, adding folders, files and symlinks until the layer holds `budget` bytes. */
  async addTree(root: string, budget: number, skip: ReadonlySet<string> = new Set()): Promise<void> {
    const pending = [root];
    for (let dir = pending.pop(); dir !== undefined && this.bytes < budget; dir = pending.pop()) {
      const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
      this.entries.push(dir);
      const subdirs: string[] = [];
      for (const child of children.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(dir, child.name);
        if (skip.has(path)) continue;
        if (child.isDirectory()) subdirs.push(path);
        else await this.addFile(path, budget);
      }
      pending.push(...subdirs.reverse());
    }
  }
}

/** Go binaries are at least this large; smaller executables are not read to look for Go build information. */
const GO_BINARY_MIN_BYTES = 1 * MiB;
/** The Go binary a Kubernetes image most often carries goes first; the others follow smallest first. */
const FIRST_GO_BINARY = 'kubectl';

async function goBinariesIn(dir: string): Promise<string[]> {
  const found: { path: string; size: number }[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || (info.mode & 0o111) === 0 || info.size < GO_BINARY_MIN_BYTES) continue;
    if (readGoBuildInfo(await readFile(path)).type === 'go') found.push({ path, size: info.size });
  }
  const rank = (path: string) => (basename(path) === FIRST_GO_BINARY ? 0 : 1);
  return found.sort((a, b) => rank(a.path) - rank(b.path) || a.size - b.size).map((binary) => binary.path);
}

/**
 * Four layers of about `totalMiB` together, as an application image stacks them: a base with os-release, the dpkg
 * status and shared libraries; programs (every Go binary of /usr/bin first, symlinks followed so kubectl is the real
 * binary); an application layer of Python site-packages and global npm modules; and data from /usr/share.
 */
export async function selectLayers(totalMiB: number): Promise<Selection[]> {
  const share = (fraction: number) => Math.round(totalMiB * fraction) * MiB;
  const base = new Selection('base: os-release, dpkg status, /usr/lib/x86_64-linux-gnu');
  for (const file of [...OS_FILES, DPKG_STATUS_FILE]) await base.addFile(file);
  await base.addTree('/usr/lib/x86_64-linux-gnu', share(0.27));

  const programs = new Selection('programs: Go binaries, then /usr/bin', true);
  const goBinaries = await goBinariesIn('/usr/bin');
  for (const binary of goBinaries) if (await programs.addFile(binary, share(0.55))) programs.goBinaries.push(binary);
  await programs.addTree('/usr/bin', share(0.55), new Set(goBinaries));

  const app = new Selection('application: Python site-packages, global npm modules');
  const { pythonDists } = await findLanguagePackages();
  const distsPerFolder = new Map<string, number>();
  for (const dist of pythonDists) distsPerFolder.set(dirname(dist), (distsPerFolder.get(dirname(dist)) ?? 0) + 1);
  const sitePackages = [...distsPerFolder].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([dir]) => dir);
  for (const dir of sitePackages) await app.addTree(dir, app.bytes + share(0.05));
  await app.addTree('/usr/lib/node_modules', app.bytes + share(0.08));

  const data = new Selection('data: /usr/share');
  const used = base.bytes + programs.bytes + app.bytes;
  await data.addTree('/usr/share', Math.max(totalMiB * MiB - used, share(0.05)));
  const layers = [base, programs, app, data];
  await dropDanglingSymlinks(layers);
  return layers;
}

/** Symlinks whose target the budget left out of every layer would only add notes that no real image gives. */
async function dropDanglingSymlinks(layers: readonly Selection[]): Promise<void> {
  const present = new Set(layers.flatMap((layer) => layer.entries));
  for (const layer of layers) {
    if (layer.dereference) continue;
    const kept: string[] = [];
    for (const path of layer.entries) {
      const isLink = (await lstat(path)).isSymbolicLink();
      if (!isLink || present.has(await realpath(path).catch(() => ''))) kept.push(path);
    }
    layer.entries.splice(0, layer.entries.length, ...kept);
  }
}

/** Each selection as a gzip tar (made by the system's tar, in parallel) in `dir`. */
export async function buildLayers(dir: string, selections: readonly Selection[]): Promise<BuiltLayer[]> {
  return Promise.all(selections.map(async (selection, index) => {
    const list = join(dir, `layer-${index}.list`);
    const file = join(dir, `layer-${index}.tar.gz`);
    await writeFile(list, selection.entries.map((path) => `${path.slice(1)}\0`).join(''));
    await runTar(['--create', '--gzip', '--file', file, '--directory', '/', '--no-recursion', '--numeric-owner', ...(selection.dereference ? ['--dereference'] : []), '--null', '--files-from', list]);
    return { label: selection.label, file, entries: selection.entries.length, contentBytes: selection.bytes, goBinaries: selection.goBinaries };
  }));
}

export function runTar(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text.slice(0, 4096)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar ${args.join(' ')} exited with ${code}: ${stderr.trim()}`))));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Packages to match

export const BENCH_OS: OperatingSystem = { id: 'debian', versionId: '12', codename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' };

/** A package to match, with where its version was taken from. */
export interface BenchPackage {
  pkg: InstalledPackage;
  /** `inside`: a version the advisory names as affected; `outside`: its fixed version; `installed`: a real dpkg package. */
  chosen: 'inside' | 'outside' | 'installed';
}

const LANGUAGE_ECOSYSTEMS = ['Go', 'PyPI', 'crates.io'] as const;
type LanguageEcosystem = (typeof LANGUAGE_ECOSYSTEMS)[number];

/**
 * `count` packages: this machine's dpkg packages (as Debian 12 reports them), then language packages taken in turn
 * from Go, PyPI and crates.io advisories under `advisoryDirs`, at an affected or a fixed version. As in a real image,
 * a name comes back at another version only once every name of its ecosystem has been used (the shared data names
 * about 2,900 language packages), and names alternate between starting affected and starting fixed.
 */
export async function benchPackages(advisoryDirs: readonly string[], count: number): Promise<BenchPackage[]> {
  const installed = parseDpkgStatus(await readFile(DPKG_STATUS_FILE, 'utf8'), 'var/lib/dpkg/status', BENCH_OS);
  const chosen: BenchPackage[] = installed.slice(0, count).map((pkg) => ({ pkg, chosen: 'installed' }));
  const byName = new Map<string, BenchPackage[]>();
  const seen = new Set<string>();
  for (const dir of advisoryDirs) {
    const { advisories } = await readAdvisoryPath(dir);
    for (const advisory of advisories.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      for (const candidate of candidatesOf(advisory)) {
        const { ecosystem, name, version } = candidate.pkg;
        if (seen.has(`${ecosystem}\0${name}\0${version}`)) continue;
        seen.add(`${ecosystem}\0${name}\0${version}`);
        const versions = byName.get(`${ecosystem}\0${name}`) ?? [];
        byName.set(`${ecosystem}\0${name}`, [...versions, candidate]);
      }
    }
  }
  const queues = LANGUAGE_ECOSYSTEMS.map((ecosystem) => ecosystemQueue([...byName].filter(([key]) => key.startsWith(`${ecosystem}\0`)).map(([, versions]) => versions)))
    .filter((queue) => queue.length > 0);
  for (let round = 0; chosen.length < count && queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (chosen.length < count && round < queue.length) chosen.push(queue[round]!);
  }
  return chosen;
}

/** One version of every name, then a second of every name that has one, and so on. */
function ecosystemQueue(names: readonly BenchPackage[][]): BenchPackage[] {
  const ordered = names.map((versions, index) => alternate(versions, index % 2 === 0 ? 'inside' : 'outside'));
  const queue: BenchPackage[] = [];
  for (let depth = 0; ordered.some((versions) => depth < versions.length); depth++) {
    for (const versions of ordered) if (depth < versions.length) queue.push(versions[depth]!);
  }
  return queue;
}

/** The versions of one name, alternating affected and fixed ones, starting with `first`. */
function alternate(versions: readonly BenchPackage[], first: 'inside' | 'outside'): BenchPackage[] {
  const leading = versions.filter((version) => version.chosen === first);
  const trailing = versions.filter((version) => version.chosen !== first);
  return Array.from({ length: Math.max(leading.length, trailing.length) }, (_, index) => [leading[index], trailing[index]])
    .flat()
    .filter((version): version is BenchPackage => version !== undefined);
}

function candidatesOf(advisory: Advisory): BenchPackage[] {
  return advisory.affected.flatMap((entry) => {
    if (!(LANGUAGE_ECOSYSTEMS as readonly string[]).includes(entry.ecosystem)) return [];
    const versions = versionsOf(entry);
    return [
      ...(versions.inside !== undefined ? [languagePackage(entry, versions.inside, 'inside')] : []),
      ...(versions.outside !== undefined ? [languagePackage(entry, versions.outside, 'outside')] : []),
    ];
  });
}

/** An affected version (listed, introduced, last affected, or just below a fix) and a fixed one, when the entry gives them. */
function versionsOf(entry: AffectedPackage): { inside?: string; outside?: string } {
  const events = entry.ranges.filter((range) => range.type !== 'GIT').flatMap((range) => range.events);
  const fixed = events.flatMap((event) => ('fixed' in event ? [event.fixed] : []))[0];
  const introduced = events.flatMap((event) => ('introduced' in event && event.introduced !== '0' ? [event.introduced] : []))[0];
  const lastAffected = events.flatMap((event) => ('last_affected' in event ? [event.last_affected] : []))[0];
  const inside = entry.versions?.at(-1) ?? lastAffected ?? introduced ?? (fixed !== undefined ? justBelow(fixed) : undefined);
  return { ...(inside !== undefined ? { inside } : {}), ...(fixed !== undefined ? { outside: fixed } : {}) };
}

/** The release before a SemVer version without a pre-release: `1.4.2` → `1.4.1`, `1.4.0` → `1.3.99`, `2.0.0` → `1.99.99`. */
function justBelow(version: string): string | undefined {
  const parsed = parseSemver(version);
  if (!parsed || parsed.prerelease.length > 0) return undefined;
  if (parsed.patch > 0) return `${parsed.major}.${parsed.minor}.${parsed.patch - 1}`;
  if (parsed.minor > 0) return `${parsed.major}.${parsed.minor - 1}.99`;
  return parsed.major > 0 ? `${parsed.major - 1}.99.99` : undefined;
}

function languagePackage(entry: AffectedPackage, version: string, chosen: 'inside' | 'outside'): BenchPackage {
  const purlType = { Go: 'golang', PyPI: 'pypi', 'crates.io': 'cargo' }[entry.ecosystem as LanguageEcosystem];
  return {
    pkg: { ecosystem: entry.ecosystem, name: entry.name, version, path: `bench/${entry.ecosystem}`, purl: `pkg:${purlType}/${entry.name}@${encodeURIComponent(version)}` },
    chosen,
  };
}

