/**
 * `npm run bench`, image part (issue 6): inventory of a root filesystem with 1,000+ packages, of a ~300 MB image
 * pulled from a local registry, and matching 5,000 packages against every advisory of the shared data.
 *
 *   node --import tsx bench/image.bench.ts [--image-mib N] [--packages N] [--runs N] [--profile DIR] [--keep]
 *
 * Every input is real and built in a temporary folder from this machine's files (image-bench-fixtures.ts). Each
 * measured part runs in its own child process (this file with --job), which times its work itself and reports its
 * peak RSS; every timing is one warm-up run and then --runs measured runs (min and median shown).
 * - rootfs: analyseImage of a root filesystem with the machine's dpkg status, Python dist-info folders and npm
 *   package.json files.
 * - image: gzip layers of real files pushed to docker-registry on loopback; pulled into a fresh layer cache; then
 *   layer processing (analyseImage of the cached layers: digest check, gunzip, tar walk, detectors) against a plain
 *   `tar -xzf` of the same blobs, one after another into one folder. Goal: ratio <= 1.3. `tar -tzf` (read, nothing
 *   written) is shown too, as the least any reader of the layers does.
 * - match: all shared advisories imported into a fresh database; 5,000 packages (dpkg as Debian 12, then Go, PyPI and
 *   crates.io packages named by advisories at affected and fixed versions) matched cold (fresh database handle) and
 *   warm. Goal: < 1 s. Debian 12 has no advisories in the shared data, so the same match also runs as Debian 11.
 * Parts whose inputs are absent (docker-registry, shared advisories) are skipped with a loud message. Exits 1 when a
 * goal is missed or a part fails. --profile DIR writes CPU profiles of the layer processing and matching children;
 * --keep leaves the temporary folder.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { analyseImage } from '../src/image/analyse.js';
import { LayerCache } from '../src/image/layers/cache.js';
import type { ImageInventory } from '../src/image/model.js';
import type { InstalledPackage, OperatingSystem } from '../src/image/packages/model.js';
import { chainKeychains } from '../src/image/registry/credentials.js';
import { pullImage } from '../src/image/registry/index.js';
import { openRootfs } from '../src/image/source/rootfs.js';
import { importPaths, openAdvisoryDb } from '../src/vuln/db/index.js';
import { matchPackages } from '../src/vuln/match/match-packages.js';
import { pushImage, registryAvailable, startRegistry } from '../test/helpers/registry.js';
import { REPO_ROOT, SHARED_DIR } from '../test/helpers/shared.js';
import { runNode, type ChildRun } from './child.js';
import { BENCH_OS, benchPackages, buildLayers, buildRootfs, runTar, selectLayers, type BenchPackage } from './image-bench-fixtures.js';

const GOALS = { layerRatio: 1.3, matchS: 1, rootfsPackages: 1000 } as const;
const THIS_FILE = relative(REPO_ROOT, fileURLToPath(import.meta.url));
const ADVISORIES = join(SHARED_DIR, 'data', 'vuln-advisories');
const ADVISORY_SOURCES = ['golang-vulndb', 'pypa-advisory-database', 'rustsec-advisory-db-osv', 'osv.dev-testdata', 'alpine-secdb', 'debian-security-tracker'];
const LANGUAGE_ADVISORY_SOURCES = ['golang-vulndb', 'pypa-advisory-database', 'rustsec-advisory-db-osv'];
const REPOSITORY = 'bench/image';
const NOTES_SHOWN = 3;
const DEBIAN_11: OperatingSystem = { id: 'debian', versionId: '11', codename: 'bullseye', prettyName: 'Debian GNU/Linux 11 (bullseye)' };

// ---------------------------------------------------------------------------------------------------------------
// Jobs, run in a child process each

type Job =
  | { kind: 'rootfs'; dir: string; runs: number }
  | { kind: 'pull'; reference: string; cacheDir: string }
  | { kind: 'layers'; reference: string; cacheDir: string; runs: number }
  | { kind: 'match'; dbPath: string; packagesFile: string; runs: number };

interface AnalysisFigures {
  seconds: number[];
  packages: Record<string, number>;
  total: number;
  notes: number;
  /** The first few notes, to show what they are about. */
  someNotes: string[];
}

interface PullFigures {
  seconds: number;
  layers: number;
  bytes: number;
}

interface MatchFigures {
  os: string;
  coldS: number;
  warmS: number[];
  vulnerabilities: number;
  notes: number;
  /** Packages of each kind (`inside`, `outside`, `installed`) with at least one vulnerability, of how many. */
  hit: Record<string, { hit: number; of: number }>;
}

async function runJob(job: Job): Promise<AnalysisFigures | PullFigures | MatchFigures[]> {
  switch (job.kind) {
    case 'rootfs':
      return timeAnalysis(job.runs, async () => analyseImage(await openRootfs(job.dir)));
    case 'pull': {
      const started = performance.now();
      const image = await pullImage(job.reference, { cache: new LayerCache(job.cacheDir), keychain: chainKeychains() });
      // Opening a layer downloads it into the cache; the stream it gives is closed unread.
      for (const layer of image.layers) await (await image.openLayer(layer))[Symbol.asyncIterator]().return?.();
      return { seconds: seconds(started), layers: image.layers.length, bytes: image.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0) };
    }
    case 'layers': {
      const image = await pullImage(job.reference, { cache: new LayerCache(job.cacheDir), keychain: chainKeychains() });
      return timeAnalysis(job.runs, () => analyseImage(image));
    }
    case 'match':
      return timeMatching(job);
  }
}

async function timeAnalysis(runs: number, analyse: () => Promise<ImageInventory>): Promise<AnalysisFigures> {
  const times: number[] = [];
  let inventory: ImageInventory | undefined;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    inventory = await analyse();
    if (run > 0) times.push(seconds(started));
  }
  const packages: Record<string, number> = {};
  for (const pkg of inventory!.packages) packages[pkg.ecosystem] = (packages[pkg.ecosystem] ?? 0) + 1;
  return { seconds: times, packages, total: inventory!.packages.length, notes: inventory!.notes.length, someNotes: inventory!.notes.slice(0, NOTES_SHOWN) };
}

async function timeMatching(job: Extract<Job, { kind: 'match' }>): Promise<MatchFigures[]> {
  const chosen = JSON.parse(await readFile(job.packagesFile, 'utf8')) as BenchPackage[];
  const packages = chosen.map((item) => item.pkg);
  const kindOf = new Map(chosen.map((item) => [identity(item.pkg), item.chosen]));
  const figures: MatchFigures[] = [];
  for (const os of [BENCH_OS, DEBIAN_11]) {
    const db = openAdvisoryDb(job.dbPath, { readonly: true });
    try {
      let started = performance.now();
      const result = matchPackages(packages, os, db);
      const coldS = seconds(started);
      const warmS: number[] = [];
      for (let run = 0; run < job.runs; run++) {
        started = performance.now();
        matchPackages(packages, os, db);
        warmS.push(seconds(started));
      }
      const vulnerable = new Set(result.vulnerabilities.map((vulnerability) => identity(vulnerability.package)));
      const hit: MatchFigures['hit'] = {};
      for (const [key, kind] of kindOf) {
        const counts = (hit[kind] ??= { hit: 0, of: 0 });
        counts.of++;
        if (vulnerable.has(key)) counts.hit++;
      }
      figures.push({ os: os.prettyName ?? os.id, coldS, warmS, vulnerabilities: result.vulnerabilities.length, notes: result.notes.length, hit });
    } finally {
      db.close();
    }
  }
  return figures;
}

const identity = (pkg: InstalledPackage) => `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`;
const seconds = (started: number) => (performance.now() - started) / 1000;

/** Runs a job in a child (`node [nodeOptions] --import tsx this-file --job JSON`) and reads its figures. */
async function inChild<T>(job: Job, nodeOptions: readonly string[] = []): Promise<{ figures: T; run: ChildRun }> {
  const run = await runNode([...nodeOptions, '--import', 'tsx', THIS_FILE, '--job', JSON.stringify(job)], REPO_ROOT);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !/^[[{]/.test(last)) {
    throw new Error(`${job.kind} job failed (${run.status === undefined ? `signal ${run.signal}` : `exit ${run.status}`}): ${run.stderr || run.stdout}`);
  }
  return { figures: JSON.parse(last) as T, run };
}

// ---------------------------------------------------------------------------------------------------------------
// The parts

type Row = [label: string, value: string, note: string];

interface PartResult {
  rows: Row[];
  /** False when a goal was missed or the part produced nothing credible. */
  ok: boolean;
}

interface Options {
  imageMiB: number;
  packages: number;
  runs: number;
  profile?: string;
  keep: boolean;
}

async function rootfsPart(work: string, options: Options): Promise<PartResult> {
  const fixture = await buildRootfs(join(work, 'rootfs'));
  log(`rootfs: ${fixture.dpkgStanzas} dpkg stanzas, ${fixture.pythonDists} Python dist-info folders, ${fixture.npmManifests} npm package.json files`);
  const { figures, run } = await inChild<AnalysisFigures>({ kind: 'rootfs', dir: fixture.dir, runs: options.runs });
  for (const note of figures.someNotes) log(`rootfs note: ${note}`);
  const enough = figures.total >= GOALS.rootfsPackages;
  return {
    ok: enough,
    rows: [
      ['rootfs packages', String(figures.total), `${describeCounts(figures.packages)}; ${enough ? '' : `FEWER than ${GOALS.rootfsPackages}; `}${figures.notes} notes`],
      ['rootfs analyse s', spread(figures.seconds), 'min / median'],
      ['rootfs peak RSS MB', rss(run), 'whole child process'],
    ],
  };
}

async function imagePart(work: string, options: Options): Promise<PartResult> {
  if (!registryAvailable()) return { ok: true, rows: [['image', 'skipped', 'docker-registry is not installed (apt-get install docker-registry)']] };
  const layersDir = join(work, 'layers');
  await mkdir(layersDir, { recursive: true });
  let started = performance.now();
  const layers = await buildLayers(layersDir, await selectLayers(options.imageMiB));
  const contentMiB = layers.reduce((sum, layer) => sum + layer.contentBytes, 0) / 2 ** 20;
  log(`image: ${layers.length} layers, ${contentMiB.toFixed(0)} MiB of file content, built in ${seconds(started).toFixed(1)} s`);
  for (const layer of layers) {
    log(`  ${layer.label}: ${layer.entries} entries, ${(layer.contentBytes / 2 ** 20).toFixed(0)} MiB${layer.goBinaries.length > 0 ? `; Go binaries: ${layer.goBinaries.join(' ')}` : ''}`);
  }
  const registry = await startRegistry();
  try {
    started = performance.now();
    const blobs = await Promise.all(layers.map((layer) => readFile(layer.file)));
    const pushed = await pushImage(registry, REPOSITORY, 'v1', { layers: blobs, mediaTypes: 'oci', config: { config: { Cmd: ['/bin/sh'] } } });
    const blobMiB = blobs.reduce((sum, blob) => sum + blob.length, 0) / 2 ** 20;
    blobs.length = 0;
    log(`image: pushed ${blobMiB.toFixed(0)} MiB of gzip layers to ${registry.host} in ${seconds(started).toFixed(1)} s`);
    const reference = `${registry.host}/${REPOSITORY}@${pushed.manifestDigest}`;
    const cacheDir = join(work, 'layer-cache');
    const pull = await inChild<PullFigures>({ kind: 'pull', reference, cacheDir });
    const analysis = await inChild<AnalysisFigures>({ kind: 'layers', reference, cacheDir, runs: options.runs }, profiling(options));
    const cache = new LayerCache(cacheDir);
    const blobPaths = pushed.layerDigests.map((digest) => cache.pathOf(digest));
    const tarTimes = await timeTar(blobPaths, options.runs, { extractInto: join(work, 'extracted') });
    const listTimes = await timeTar(blobPaths, options.runs, {});
    for (const note of analysis.figures.someNotes) log(`image note: ${note}`);
    const ratio = median(analysis.figures.seconds) / median(tarTimes);
    const met = ratio <= GOALS.layerRatio;
    return {
      ok: met && analysis.figures.total > 0,
      rows: [
        ['image MiB', contentMiB.toFixed(0), `file content in ${layers.length} layers; ${blobMiB.toFixed(0)} MiB gzip`],
        ['image pull s', pull.figures.seconds.toFixed(2), `${pull.figures.layers} layers from the local registry into a fresh cache; peak RSS ${rss(pull.run)} MB`],
        ['image packages', String(analysis.figures.total), `${describeCounts(analysis.figures.packages)}; ${analysis.figures.notes} notes`],
        ['layer processing s', spread(analysis.figures.seconds), 'analyseImage from the cache, min / median'],
        ['tar -xzf s', spread(tarTimes), 'same blobs, one after another, min / median'],
        ['layer ratio', ratio.toFixed(2), `layer processing / tar -xzf, medians; ${goal(met, `<= ${GOALS.layerRatio}`)}`],
        ['tar -tzf s', spread(listTimes), 'same blobs, read but nothing written, min / median'],
        ['ratio to tar -tzf', (median(analysis.figures.seconds) / median(listTimes)).toFixed(2), 'no goal: the least any reader of the layers does'],
        ['image peak RSS MB', rss(analysis.run), 'whole child process'],
      ],
    };
  } finally {
    await registry.stop();
  }
}

const profiling = (options: Options) => (options.profile ? ['--cpu-prof', '--cpu-prof-dir', options.profile] : []);

/** `tar -xzf` of every blob into one fresh folder, or `tar -tzf` (read and list, nothing written) without one. */
async function timeTar(blobs: readonly string[], runs: number, how: { extractInto?: string }): Promise<number[]> {
  const into = how.extractInto;
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    if (into) {
      await rm(into, { recursive: true, force: true });
      await mkdir(into, { recursive: true });
      // Writes still pending from the run before would otherwise slow this one down.
      await promisify(execFile)('sync');
    }
    const started = performance.now();
    for (const blob of blobs) await runTar(into ? ['-xzf', blob, '-C', into] : ['-tzf', blob]);
    if (run > 0) times.push(seconds(started));
  }
  if (into) await rm(into, { recursive: true, force: true });
  return times;
}

async function matchPart(work: string, options: Options): Promise<PartResult> {
  const missing = ADVISORY_SOURCES.filter((source) => !existsSync(join(ADVISORIES, source)));
  if (missing.length === ADVISORY_SOURCES.length) {
    process.stderr.write(`\n!!! SKIPPING matching: the shared advisories ${ADVISORIES} are absent (set KSPM_SHARED_DIR to the shared folder) !!!\n\n`);
    return { ok: true, rows: [['match', 'skipped', 'shared advisories absent']] };
  }
  const sources = ADVISORY_SOURCES.filter((source) => !missing.includes(source)).map((source) => join(ADVISORIES, source));
  const dbPath = join(work, 'advisories.db');
  let started = performance.now();
  const db = openAdvisoryDb(dbPath);
  let status;
  try {
    const outcomes = await importPaths(db, sources);
    status = db.status();
    const errors = outcomes.reduce((sum, outcome) => sum + outcome.errors.length, 0);
    log(`match: imported ${status.advisories} advisories from ${sources.length} sources in ${seconds(started).toFixed(1)} s (${errors} import errors)`);
  } finally {
    db.close();
  }
  started = performance.now();
  const languageSources = LANGUAGE_ADVISORY_SOURCES.filter((source) => !missing.includes(source)).map((source) => join(ADVISORIES, source));
  const chosen = await benchPackages(languageSources, options.packages);
  const packagesFile = join(work, 'packages.json');
  await writeFile(packagesFile, JSON.stringify(chosen));
  log(`match: ${chosen.length} packages chosen in ${seconds(started).toFixed(1)} s`);
  const { figures, run } = await inChild<MatchFigures[]>({ kind: 'match', dbPath, packagesFile, runs: options.runs }, profiling(options));
  const rows: Row[] = [['advisories', String(status.advisories), `${Object.keys(status.perEcosystem).length} ecosystems indexed`]];
  let ok = chosen.length >= options.packages;
  rows.push(['packages matched', String(chosen.length), ok ? describeCounts(countBy(chosen, (item) => item.pkg.ecosystem)) : `FEWER than ${options.packages}`]);
  for (const result of figures) {
    const slowest = Math.max(result.coldS, ...result.warmS);
    const met = slowest < GOALS.matchS;
    const inside = result.hit.inside;
    // Packages at a version an advisory lists as affected that match nothing mean matching is broken, not fast.
    const credible = inside !== undefined && inside.hit > inside.of / 2;
    ok &&= met && credible;
    rows.push(
      [`match cold s (${result.os})`, result.coldS.toFixed(3), `fresh database handle; ${goal(met, `< ${GOALS.matchS}`)}`],
      [`match warm s (${result.os})`, spread(result.warmS), 'min / median'],
      [`  findings`, String(result.vulnerabilities), `${Object.entries(result.hit).map(([kind, count]) => `${kind} ${count.hit}/${count.of} vulnerable`).join(', ')}; ${result.notes} notes${credible ? '' : '; NOT CREDIBLE'}`],
    );
  }
  rows.push(['match peak RSS MB', rss(run), 'whole child process']);
  return { ok, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => `${key} ${count}`).join(', ');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const spread = (times: readonly number[]) => `${Math.min(...times).toFixed(3)} / ${median(times).toFixed(3)}`;
const rss = (run: ChildRun) => (run.peakRssMiB === undefined ? '?' : run.peakRssMiB.toFixed(0));
const goal = (met: boolean, target: string) => `goal ${target}: ${met ? 'met' : 'MISSED'}`;
const log = (line: string) => process.stdout.write(`${line}\n`);

function table(rows: readonly Row[]): string {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows.map(([label, value, note]) => `  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}  ${note}`.trimEnd()).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Entry

function options(argv: string[]): Options & { job?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      'image-mib': { type: 'string', default: '300' },
      packages: { type: 'string', default: '5000' },
      runs: { type: 'string', default: '3' },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
      job: { type: 'string' },
    },
  });
  const whole = (name: string, text: string) => {
    const number = Number(text);
    if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
    return number;
  };
  return {
    imageMiB: whole('image-mib', values['image-mib']),
    packages: whole('packages', values.packages),
    runs: whole('runs', values.runs),
    ...(values.profile ? { profile: values.profile } : {}),
    keep: values.keep,
    ...(values.job ? { job: values.job } : {}),
  };
}

async function main(argv: string[]): Promise<number> {
  const chosen = options(argv);
  if (chosen.job !== undefined) {
    process.stdout.write(`${JSON.stringify(await runJob(JSON.parse(chosen.job) as Job))}\n`);
    return 0;
  }
  const work = await mkdtemp(join(tmpdir(), 'kspm-image-bench-'));
  const rows: Row[] = [];
  let ok = true;
  try {
    for (const part of [rootfsPart, imagePart, matchPart]) {
      try {
        const result = await part(work, chosen);
        rows.push(...result.rows);
        ok &&= result.ok;
      } catch (error) {
        rows.push([part.name.replace(/Part$/, ''), 'FAILED', error instanceof Error ? error.message.split('\n')[0]! : String(error)]);
        process.stderr.write(`${part.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        ok = false;
      }
    }
  } finally {
    if (chosen.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  process.stdout.write(`\n${table(rows)}\n`);
  return ok ? 0 : 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
