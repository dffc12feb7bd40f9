/**
 * `npm run bench`, second part: how fast and how lean `kspm scan --cluster` reads a large live cluster, measured
 * against the real kubectl listing the same resource types from the same server.
 *
 *   node --import tsx bench/cluster.bench.ts [--pods N] [--runs N] [--seed N] [--keep]
 *
 * Generates an estate of N pods (default 10,000, see cluster-estate.ts) plus the bootstrap RBAC objects, serves it
 * from the test API server in this process, and times in child processes `kspm scan --cluster -o json` (with its
 * peak RSS) and `kubectl get <every listable type but events> -A -o json`: a warm-up of each, then --runs (default 3)
 * of each, alternating. Every run is checked: both exit 0, and the report lists exactly the objects kubectl returned,
 * which are all the objects served. Prints medians and minimums, the ratio and the goals' verdicts. Timings never
 * fail the bench; a wrong exit status or output does (exit 1). Skips loudly (exit 0) when kubectl, openssl or the
 * shared data are absent. --keep leaves the last outputs in .bench/.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { bootstrapRbac } from '../test/helpers/api-server/fixtures.js';
import { kubeconfigFor } from '../test/helpers/api-server/kubeconfig.js';
import { start, TEST_TOKEN } from '../test/helpers/api-server/server.js';
import { REPO_ROOT, sharedData } from '../test/helpers/shared.js';
import { runNode, type ChildRun } from './child.js';
import { compareInventories, itemIdentity, reportIdentity, type Identity } from './cluster-check.js';
import { generateEstate } from './cluster-estate.js';
import { listItems } from './json-list-items.js';
import { outlineReport, readMember } from './report-check.js';
import { runToFile, type CommandRun } from './timed-command.js';
import { checkReport } from './verify.js';

const GOALS = { ratio: 1.3, peakRssMiB: 600 } as const;
const KUBECTL = '/usr/bin/kubectl';
/** Resource types kspm leaves unread on purpose (the cluster's log), so kubectl is not asked for them either. */
const UNREAD = new Set(['events', 'events.events.k8s.io']);

const BENCH_DIR = join(REPO_ROOT, '.bench');
const REPORT = join(BENCH_DIR, 'cluster-report.json');
const KUBECTL_OUTPUT = join(BENCH_DIR, 'cluster-kubectl.json');
/** kubectl keeps its discovery cache here rather than in the user's home; the warm-up fills it. */
const KUBECTL_CACHE = join(BENCH_DIR, 'kubectl-cache');

const run = promisify(execFile);
const rel = (path: string) => relative(REPO_ROOT, path) || '.';
const count = (value: number) => value.toLocaleString('en-US');

interface Options {
  pods: number;
  runs: number;
  seed: number;
  keep: boolean;
}

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} must be a positive whole number, not "${text}"`);
  return value;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { pods: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
  });
  return { pods: wholeNumber(values.pods, '--pods'), runs: wholeNumber(values.runs, '--runs'), seed: wholeNumber(values.seed, '--seed'), keep: values.keep };
}

/** What the bench needs and lacks: the real kubectl, openssl for the server's certificate. */
async function missingTools(): Promise<string[]> {
  const missing = existsSync(KUBECTL) ? [] : [`${KUBECTL} is absent`];
  try {
    await run('openssl', ['version']);
  } catch {
    missing.push('openssl is absent (the test API server needs it for its certificate)');
  }
  return missing;
}

/** The resource types kubectl would list, found as kspm finds them: every listable type, events aside. */
async function listableTypes(kubeconfig: string): Promise<string[]> {
  const { stdout } = await run(KUBECTL, ['api-resources', '--verbs=list', '-o', 'name', '--kubeconfig', kubeconfig, `--cache-dir=${KUBECTL_CACHE}`]);
  return stdout.split('\n').map((line) => line.trim()).filter((name) => name !== '' && !UNREAD.has(name));
}

const describeExit = (status: number | undefined, signal: string | undefined) => (status === undefined ? `signal ${signal}` : `exit ${status}`);

interface Measurement {
  kspm: ChildRun;
  kubectl: CommandRun;
  /** Empty when both exited 0 and the outputs agree. */
  problems: string[];
  resources?: number;
  findings?: number;
  reportBytes?: number;
  kubectlBytes?: number;
}

async function kubectlIdentities(): Promise<Identity[]> {
  const identities: Identity[] = [];
  for await (const item of listItems(KUBECTL_OUTPUT)) identities.push(itemIdentity(item));
  return identities;
}

async function reportContents(served: number): Promise<{ problems: string[]; identities: Identity[]; findings?: number; resources?: number }> {
  const outline = await outlineReport(REPORT);
  const member = (name: string) => outline.members.get(name);
  const summary = member('summary') ? await readMember(REPORT, member('summary')!) : undefined;
  const check = checkReport({ outline, summary }, { parsed: served, withDuplicateKeys: served });
  const problems = [...check.problems];
  if (check.errors) problems.push(`the report holds ${check.errors} input errors`);
  const gaps = member('coverageGaps')?.items;
  if (gaps) problems.push(`kspm could not read ${gaps} resource types (coverageGaps)`);
  const listed = member('resources');
  const resources = listed ? await readMember(REPORT, listed) : [];
  const identities = Array.isArray(resources) ? resources.map(reportIdentity) : [];
  return { problems, identities, ...(check.findings !== undefined ? { findings: check.findings } : {}), ...(check.resources !== undefined ? { resources: check.resources } : {}) };
}

/** One run of each, then the check that both succeeded and returned the same objects, all of those served. */
async function measure(kspmArgs: readonly string[], kubectlArgs: readonly string[], served: number): Promise<Measurement> {
  await rm(REPORT, { force: true });
  const kspm = await runNode(kspmArgs, REPO_ROOT);
  const kubectl = await runToFile(KUBECTL, kubectlArgs, KUBECTL_OUTPUT, REPO_ROOT);
  const problems: string[] = [];
  if (kspm.status !== 0) problems.push(`kspm: ${describeExit(kspm.status, kspm.signal)}, expected exit 0\n${kspm.stderr.slice(0, 2000)}`);
  if (kubectl.status !== 0) problems.push(`kubectl: ${describeExit(kubectl.status, kubectl.signal)}, expected exit 0\n${kubectl.stderr.slice(0, 2000)}`);
  if (problems.length > 0 || !existsSync(REPORT)) return { kspm, kubectl, problems: problems.length > 0 ? problems : ['kspm wrote no report'] };

  const report = await reportContents(served);
  const returned = await kubectlIdentities();
  problems.push(...report.problems);
  if (returned.length !== served) problems.push(`kubectl returned ${returned.length} items, the server holds ${served} objects`);
  problems.push(...compareInventories(report.identities, returned));
  return {
    kspm, kubectl, problems,
    ...(report.resources !== undefined ? { resources: report.resources } : {}),
    ...(report.findings !== undefined ? { findings: report.findings } : {}),
    reportBytes: (await stat(REPORT)).size,
    kubectlBytes: (await stat(KUBECTL_OUTPUT)).size,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const verdict = (met: boolean, goal: string) => `goal ${goal}: ${met ? 'met' : 'NOT met'}`;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`.trimEnd()).join('\n');
}

function summarise(measured: readonly Measurement[]): string {
  const kspmSeconds = measured.map((entry) => entry.kspm.seconds);
  const kubectlSeconds = measured.map((entry) => entry.kubectl.seconds);
  const rss = measured.map((entry) => entry.kspm.peakRssMiB).filter((value): value is number => value !== undefined);
  const ratio = median(kspmSeconds) / median(kubectlSeconds);
  const worstRss = rss.length === measured.length ? Math.max(...rss) : undefined;
  const last = measured[measured.length - 1]!;
  const verified = measured.every((entry) => entry.problems.length === 0);
  const runsNote = `${measured.length} run${measured.length === 1 ? '' : 's'}`;
  const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1e6).toFixed(1));
  const rows = [
    ['', 'median', 'min', ''],
    ['kspm scan --cluster s', median(kspmSeconds).toFixed(2), Math.min(...kspmSeconds).toFixed(2), runsNote],
    ['kubectl get s', median(kubectlSeconds).toFixed(2), Math.min(...kubectlSeconds).toFixed(2), runsNote],
    ['ratio kspm/kubectl', ratio.toFixed(2), (Math.min(...kspmSeconds) / Math.min(...kubectlSeconds)).toFixed(2), verdict(ratio <= GOALS.ratio, `<= ${GOALS.ratio} (median)`)],
    ['kspm peak RSS MB', rss.length > 0 ? median(rss).toFixed(0) : '?', rss.length > 0 ? Math.min(...rss).toFixed(0) : '?',
      worstRss === undefined ? 'not reported by every run' : `max ${worstRss.toFixed(0)}; ${verdict(worstRss <= GOALS.peakRssMiB, `<= ${GOALS.peakRssMiB} (max)`)}`],
    ['resources', last.resources === undefined ? '?' : count(last.resources), '', verified ? 'report = kubectl items = objects served, every run' : 'NOT VERIFIED'],
    ['findings', last.findings === undefined ? '?' : count(last.findings), '', ''],
    ['report MB', mb(last.reportBytes), '', ''],
    ['kubectl output MB', mb(last.kubectlBytes), '', ''],
  ];
  return table(rows);
}

function kindCounts(objects: readonly unknown[]): string {
  const kinds = new Map<string, number>();
  for (const object of objects as { kind: string }[]) kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
  return [...kinds].sort(([, left], [, right]) => right - left).map(([kind, total]) => `${count(total)} ${kind}`).join(', ');
}

async function main(argv: string[]): Promise<number> {
  const { pods, runs, seed, keep } = options(argv);
  const missing = await missingTools();
  const discoveryDir = sharedData('k8s-discovery');
  const rbacDir = sharedData('k8s-rbac-bootstrap');
  if (missing.length > 0 || discoveryDir === undefined || rbacDir === undefined) {
    const reasons = [...missing, ...(discoveryDir === undefined || rbacDir === undefined ? ['the shared k8s-discovery or k8s-rbac-bootstrap data is absent'] : [])];
    process.stderr.write(`\n!!! CLUSTER BENCHMARK NOT RUN: ${reasons.join('; ')} !!!\n\n`);
    return 0;
  }
  await mkdir(BENCH_DIR, { recursive: true });

  const generating = performance.now();
  const objects = generateEstate({ pods, seed, bootstrap: bootstrapRbac(rbacDir) });
  const served = objects.length;
  process.stdout.write(`estate: ${count(served)} objects (seed ${seed}) generated in ${((performance.now() - generating) / 1000).toFixed(1)} s: ${kindCounts(objects)}\n`);
  const server = await start({ objects, gitVersion: 'v1.33.2', discoveryDir });
  objects.length = 0; // the server holds its own copies
  const kubeconfig = kubeconfigFor(server, { token: TEST_TOKEN });
  try {
    const types = await listableTypes(kubeconfig.path);
    process.stdout.write(`server: ${server.url} (test API server, in this process); ${types.length} listable resource types, events left out as kspm leaves them\n`);
    const kspmArgs = [join('bin', 'kspm.js'), 'scan', '--cluster', '--kubeconfig', kubeconfig.path, '-o', 'json', '--output-file', rel(REPORT)];
    const kubectlArgs = ['get', types.join(','), '-A', '-o', 'json', '--kubeconfig', kubeconfig.path, `--cache-dir=${rel(KUBECTL_CACHE)}`];
    process.stdout.write(`kspm:    node ${kspmArgs.join(' ')}\nkubectl: ${KUBECTL} ${kubectlArgs.join(' ')} > ${rel(KUBECTL_OUTPUT)}\n`);

    const measured: Measurement[] = [];
    let unverified = false;
    for (let index = 0; index <= runs; index++) {
      const label = index === 0 ? 'warm-up' : `run ${index}/${runs}`;
      const result = await measure(kspmArgs, kubectlArgs, served);
      const rss = result.kspm.peakRssMiB === undefined ? '?' : result.kspm.peakRssMiB.toFixed(0);
      process.stdout.write(`${label}: kspm ${result.kspm.seconds.toFixed(2)} s (peak RSS ${rss} MB, ${describeExit(result.kspm.status, result.kspm.signal)}), `
        + `kubectl ${result.kubectl.seconds.toFixed(2)} s (${describeExit(result.kubectl.status, result.kubectl.signal)}); `
        + `${result.problems.length === 0 ? 'outputs verified' : 'OUTPUTS NOT VERIFIED'}\n`);
      for (const problem of result.problems) process.stdout.write(`  problem: ${problem}\n`);
      unverified ||= result.problems.length > 0;
      if (index > 0) measured.push(result);
    }

    process.stdout.write(`\n${count(pods)}-pod cluster, ${count(served)} objects:\n${summarise(measured)}\n`);
    return unverified ? 1 : 0;
  } finally {
    kubeconfig.remove();
    await server.close();
    if (!keep) await Promise.all([rm(REPORT, { force: true }), rm(KUBECTL_OUTPUT, { force: true })]);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`cluster bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
