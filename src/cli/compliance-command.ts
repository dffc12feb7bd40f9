/**
 * `kspm compliance`: scans what `kspm scan` scans with every control, adds `kspm node` results, and judges one
 * framework's controls; `kspm frameworks`: lists the frameworks kspm ships.
 */
import { basename } from 'node:path';
import {
  CollectingSink, evaluateFramework, formatLoadError, loadFrameworkDir, loadFrameworkFile, readNodeResults, renderCompliance, renderFrameworkList,
  type ComplianceFormat, type ComplianceReport, type FrameworkDefinition, type FrameworkListFormat,
} from '../compliance/index.js';
import { EXIT, runScan } from '../engine/scan.js';
import type { PageHeader } from '../report-html/page.js';
import { formatSource } from '../outputs/location.js';
import { TOOL } from '../tool-info.js';
import { UsageError } from '../usage-error.js';
import { openOutput } from './output-file.js';
import { prepareScan } from './scan-command.js';
import { DEFAULT_MAX_FILE_MIB, type TargetFlags } from './targets.js';

export interface ComplianceFlags extends TargetFlags {
  framework?: string;
  frameworkFile?: string;
  nodeResults: string[];
  output: ComplianceFormat;
  outputFile?: string;
  exceptions?: string;
  config?: string;
  pssVersion?: string;
}

export interface FrameworksFlags {
  output: FrameworkListFormat;
}

const usage = (error: Error) => Promise.reject(new UsageError(error.message));

/** The framework asked for: a shipped one by id, or the user's own file. */
async function chooseFramework(flags: ComplianceFlags): Promise<FrameworkDefinition> {
  if (flags.frameworkFile !== undefined) {
    if (flags.framework !== undefined) throw new UsageError('--framework and --framework-file contradict each other: pick one');
    const outcome = await loadFrameworkFile(flags.frameworkFile);
    if (outcome.errors) throw new UsageError(`invalid --framework-file:\n${outcome.errors.map(formatLoadError).join('\n')}`);
    return outcome.framework;
  }
  if (flags.framework === undefined) throw new UsageError('kspm compliance needs --framework ID (see kspm frameworks) or --framework-file FILE');
  const catalogue = await loadFrameworkDir();
  const found = catalogue.frameworks.find((framework) => framework.id === flags.framework);
  if (found) return found;
  const broken = catalogue.errors.filter((error) => basename(error.file) === `${flags.framework}.yaml`);
  if (broken.length > 0) throw new UsageError(`framework ${flags.framework} is broken:\n${broken.map(formatLoadError).join('\n')}`);
  throw new UsageError(`unknown framework "${flags.framework}"; known: ${catalogue.frameworks.map((framework) => framework.id).join(', ')}`);
}

function wantsScan(paths: readonly string[], flags: TargetFlags): boolean {
  return paths.length > 0 || flags.cluster === true || flags.context.length > 0 || flags.allContexts === true || flags.snapshot.length > 0;
}

/** `kspm compliance`: returns the exit status (0, 2 for usage errors, 3 when some inputs could not be read). */
export async function complianceCommand(paths: string[], flags: ComplianceFlags): Promise<number> {
  const framework = await chooseFramework(flags);
  const { results: nodeResults, errors: nodeErrors } = await readNodeResults(flags.nodeResults).catch(usage);
  for (const error of nodeErrors) process.stderr.write(`warning: node results ${error}\n`);
  // Node results alone are enough to judge a framework's node checks; otherwise resolveTargets says what is missing.
  const scanning = wantsScan(paths, flags) || nodeResults.length === 0;
  const startedAt = new Date().toISOString();
  const evidence = scanning ? await scanEvidence(paths, flags) : { findings: [], tallies: [], controls: [], platforms: [], inputs: [], exitCode: EXIT.ok };
  const report = evaluateFramework(framework, { ...evidence, nodeResults });
  await write(report, flags, { tool: TOOL, startedAt, inputs: [...evidence.inputs, ...flags.nodeResults.map((file) => `node:${file}`)] });
  return evidence.exitCode;
}

/** Runs every control over the sources, as `kspm scan` would, keeping the findings and tallies as evidence. */
async function scanEvidence(paths: string[], flags: ComplianceFlags) {
  const scan = await prepareScan(
    paths,
    { ...flags, framework: [], control: [], allowedRegistry: [], maxFileSize: String(DEFAULT_MAX_FILE_MIB), insecureRegistry: [], maxDbAge: '7', vex: [] },
    'compliance',
  );
  const sink = new CollectingSink();
  try {
    const summary = await runScan(scan.request, sink, scan.header);
    for (const error of sink.errors) process.stderr.write(`kspm: ${formatSource(error)}: ${error.message}\n`);
    scan.warnAfter(summary);
    return {
      findings: sink.findings,
      tallies: summary.controls,
      controls: scan.header.controls,
      platforms: (summary.clusters ?? []).map((cluster) => cluster.platform.distribution),
      inputs: scan.header.inputs,
      exitCode: summary.exitCode,
    };
  } finally {
    scan.close();
  }
}

/** Tables fit the terminal they are shown on; a file gets the default width. */
function terminalWidth(toStdout: boolean): { width?: number } {
  return toStdout && process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {};
}

async function write(report: ComplianceReport, flags: ComplianceFlags, header: PageHeader): Promise<void> {
  const output = openOutput(flags.outputFile);
  try {
    output.stream.write(renderCompliance(report, flags.output, { color: output.color, header, ...terminalWidth(flags.outputFile === undefined) }));
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
}

/** `kspm frameworks`: exits 3 (after listing the rest) when a shipped framework file is broken. */
export async function frameworksCommand(flags: FrameworksFlags): Promise<number> {
  const catalogue = await loadFrameworkDir();
  process.stdout.write(renderFrameworkList(catalogue.frameworks, flags.output, { color: process.stdout.isTTY === true && !process.env.NO_COLOR, ...terminalWidth(true) }));
  for (const error of catalogue.errors) process.stderr.write(`kspm: ${formatLoadError(error)}\n`);
  return catalogue.errors.length > 0 ? EXIT.inputErrors : EXIT.ok;
}
