/**
 * `npm run bench`: how fast and how lean a full scan of a large estate is, measured against the least any scanner
 * must do (read and parse every file with js-yaml).
 *
 *   node --import tsx bench/scan.bench.ts [--copies N] [--keep]
 *
 * Builds N copies (default 4) of the shared k8s-manifests-corpus under .bench/corpus, times a bare js-yaml parse of
 * them and a full `kspm scan -o json` (peak RSS too), checks the report is complete, and prints both against the
 * goals. Exits 1 when the scan fails, its report does not check out, or a goal is missed. --keep leaves
 * .bench/report.json in place.
 */
import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, SHARED_DIR } from '../test/helpers/shared.js';
import { runBaseline } from './baseline.js';
import { runNode, type ChildRun } from './child.js';
import { buildCopies } from './corpus.js';
import { outlineReport, readMember } from './report-check.js';
import { checkReport, type ReportFacts } from './verify.js';

const GOALS = { ratio: 1.5, peakRssMiB: 600 } as const;
/** Exit statuses of `kspm scan` after a complete scan: clean, findings at --fail-on, input errors reported. */
const SCAN_COMPLETED = new Set([0, 1, 3]);

const BENCH_DIR = join(REPO_ROOT, '.bench');
const CORPUS_COPIES = join(BENCH_DIR, 'corpus');
const REPORT = join(BENCH_DIR, 'report.json');
const CORPUS = join(SHARED_DIR, 'data', 'k8s-manifests-corpus');

interface Options {
  copies: number;
  keep: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({ args: argv, options: { copies: { type: 'string', default: '4' }, keep: { type: 'boolean', default: false } } });
  const copies = Number(values.copies);
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`--copies must be a positive whole number, not "${values.copies}"`);
  return { copies, keep: values.keep };
}

function describeExit(run: ChildRun): string {
  return run.status === undefined ? `signal ${run.signal}` : `exit ${run.status}`;
}

const rel = (path: string) => relative(REPO_ROOT, path) || '.';

async function main(argv: string[]): Promise<number> {
  const { copies, keep } = options(argv);
  if (!existsSync(CORPUS)) {
    process.stderr.write(`\n!!! BENCHMARK NOT RUN: the corpus ${CORPUS} is absent (set KSPM_SHARED_DIR to the shared folder) !!!\n\n`);
    return 1;
  }

  const corpus = await buildCopies(CORPUS, CORPUS_COPIES, copies);
  process.stdout.write(`corpus: ${copies} x ${corpus.files} files from ${CORPUS} in ${rel(corpus.root)} (${corpus.built} cop${corpus.built === 1 ? 'y' : 'ies'} built now)\n`);

  process.stdout.write('baseline: js-yaml parse of every file...\n');
  const baseline = await runBaseline(rel(corpus.root), REPO_ROOT);
  const { counts } = baseline;
  process.stdout.write(`baseline: ${baseline.run.seconds.toFixed(2)} s, ${counts.objects} objects, ${counts.rejected.length} files rejected\n`);

  await rm(REPORT, { force: true });
  const scanArgs = [join('bin', 'kspm.js'), 'scan', rel(corpus.root), '-o', 'json', '--output-file', rel(REPORT)];
  process.stdout.write(`scan: node ${scanArgs.join(' ')}\n`);
  const scan = await runNode(scanArgs, REPO_ROOT);
  if (scan.status === undefined || !SCAN_COMPLETED.has(scan.status) || !existsSync(REPORT)) {
    process.stderr.write(`kspm scan did not complete (${describeExit(scan)}):\n${scan.stderr}\n`);
    return 1;
  }

  const outline = await outlineReport(REPORT);
  const summaryMember = outline.members.get('summary');
  const reportBytes = (await stat(REPORT)).size;
  const facts: ReportFacts = {
    outline,
    summary: summaryMember ? await readMember(REPORT, summaryMember) : undefined,
  };
  const check = checkReport(facts, { parsed: counts.objects, withDuplicateKeys: counts.objects + baseline.objectsInRejected });
  if (!keep) await rm(REPORT, { force: true });

  const ratio = scan.seconds / baseline.run.seconds;
  const rows: [string, string, string][] = [
    ['files', String(counts.files), counts.rejected.length > 0 ? `${counts.rejected.length} rejected by js-yaml (duplicate keys)` : ''],
    ['MB', (counts.bytes / 1e6).toFixed(1), ''],
    ['objects', String(counts.objects), baseline.objectsInRejected > 0 ? `${baseline.objectsInRejected} more in the rejected files` : ''],
    ['baseline s', baseline.run.seconds.toFixed(2), 'js-yaml loadAll / JSON.parse'],
    ['scan s', scan.seconds.toFixed(2), describeExit(scan)],
    ['objects/s', Math.round((check.resources ?? counts.objects) / scan.seconds).toString(), check.resources === undefined ? 'of the parsed objects' : 'of the resources scanned'],
    ['ratio', ratio.toFixed(2), goal(ratio <= GOALS.ratio, `<= ${GOALS.ratio}`)],
    ['peak RSS MB', scan.peakRssMiB === undefined ? '?' : scan.peakRssMiB.toFixed(0), scan.peakRssMiB === undefined ? 'not reported' : goal(scan.peakRssMiB <= GOALS.peakRssMiB, `<= ${GOALS.peakRssMiB}`)],
    ['findings', check.findings === undefined ? '?' : String(check.findings), check.errors ? `${check.errors} input errors` : ''],
    ['report MB', (reportBytes / 1e6).toFixed(1), check.problems.length === 0 ? 'verified' : 'NOT VERIFIED'],
  ];
  process.stdout.write(`\n${table(rows)}\n`);
  for (const problem of check.problems) process.stdout.write(`report problem: ${problem}\n`);

  const goalsMet = ratio <= GOALS.ratio && scan.peakRssMiB !== undefined && scan.peakRssMiB <= GOALS.peakRssMiB;
  return check.problems.length === 0 && goalsMet ? 0 : 1;
}

function goal(met: boolean, target: string): string {
  return `goal ${target}: ${met ? 'met' : 'MISSED'}`;
}

function table(rows: readonly (readonly [string, string, string])[]): string {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows.map(([label, value, note]) => `  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}  ${note}`.trimEnd()).join('\n');
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
