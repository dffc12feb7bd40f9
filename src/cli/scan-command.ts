import { loadConfig, type ScanConfig } from '../config.js';
import { parsePssVersion, formatPssVersion } from '../controls/pss/version.js';
import { runScan, type ImageScanner, type ScanRequest } from '../engine/scan.js';
import { selectControls } from '../engine/select.js';
import { emptyExceptions, loadExceptionsFile } from '../exceptions/index.js';
import { FRAMEWORKS, frameworkById } from '../frameworks/index.js';
import type { ReportHeader, Summary } from '../model/report.js';
import { isSeverity, type Severity } from '../model/severity.js';
import { createSink, OUTPUT_FORMATS, type OutputFormat } from '../outputs/index.js';
import { TOOL } from '../tool-info.js';
import { warnGaps } from './gaps.js';
import { openOutput } from './output-file.js';
import { resolveTargets, scanSources, targetNames, type TargetFlags, type Targets } from './targets.js';
import { UsageError } from '../usage-error.js';
import { openScanDatabase } from './db-command.js';
import { imageSourceSettings, loadSuppressions } from './image-command.js';
import { ProgressLine } from './progress.js';
import { workloadImageScanner } from './workload-images.js';
import { riskRanking } from '../risk/scan-analysis.js';
import { auditExtras } from './audit-extras.js';

export const DEFAULT_KUBERNETES_VERSION = '1.35';

export interface ScanFlags extends TargetFlags {
  output: string;
  outputFile?: string;
  framework: string[];
  control: string[];
  failOn?: string;
  pssVersion?: string;
  kubernetesVersion?: string;
  allowedRegistry: string[];
  exceptions?: string;
  config?: string;
  maxFileSize: string;
  images?: boolean;
  platform?: string;
  insecureRegistry: string[];
  cacheDir?: string;
  db?: string;
  maxDbAge: string;
  ignoreFile?: string;
  vex: string[];
  top?: string;
}

function kubernetesMinor(text: string): string {
  const match = /^v?(1\.\d+)(\.\d+)?$/.exec(text.trim());
  if (!match) throw new UsageError(`invalid Kubernetes version "${text}": expected 1.N, e.g. 1.33`);
  return match[1]!;
}

function severity(text: string): Severity {
  if (!isSeverity(text)) throw new UsageError(`invalid --fail-on "${text}": expected critical, high, medium, low or info`);
  return text;
}

/** A scan ready to run: the request, its report header, and what to say once it ran. */
export interface PreparedScan {
  request: ScanRequest;
  header: ReportHeader;
  targets: Targets;
  /** Warnings only the finished scan can tell: nothing found, coverage gaps, unused exceptions. */
  warnAfter(summary: Summary): void;
  /** Releases what the scan holds open (the advisory database of --images). */
  close(): void;
  /** The CVE ids of the CISA KEV catalogue in the advisory database of --images, for the risk engine. */
  knownExploited?: ReadonlySet<string>;
}

/** Reads the flags and files of a scan (config, exceptions, versions) into a request; usage errors throw. */
export async function prepareScan(paths: string[], flags: Omit<ScanFlags, 'output' | 'outputFile'>, command = 'scan'): Promise<PreparedScan> {
  const targets = resolveTargets(paths, flags, command);
  const config: ScanConfig = flags.config ? await loadConfig(flags.config).catch((error: Error) => Promise.reject(new UsageError(error.message))) : {};
  const frameworkIds = flags.framework.length > 0 ? flags.framework : (config.frameworks ?? []);
  const controls = selectControls(frameworkIds, flags.control);
  let pssVersion;
  try {
    pssVersion = parsePssVersion(flags.pssVersion ?? config.pssVersion ?? 'latest');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const kubernetesVersion = kubernetesMinor(flags.kubernetesVersion ?? config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  const failOnText = flags.failOn ?? config.failOn;
  const failOn = failOnText === undefined ? undefined : severity(failOnText);
  const maxMiB = Number(flags.maxFileSize);
  if (!Number.isFinite(maxMiB) || maxMiB <= 0) throw new UsageError(`invalid --max-file-size "${flags.maxFileSize}": expected a number of MiB`);
  const top = flags.top === undefined ? undefined : Number(flags.top);
  if (top !== undefined && !(Number.isInteger(top) && top > 0)) throw new UsageError(`invalid --top "${flags.top}": expected a positive whole number`);

  const exceptionsPath = flags.exceptions ?? config.exceptionsFile;
  const loaded = exceptionsPath
    ? await loadExceptionsFile(exceptionsPath).catch((error: Error) => Promise.reject(new UsageError(error.message)))
    : { exceptions: emptyExceptions(), errors: [] };

  const scored = frameworkIds.length > 0 ? frameworkIds.map((id) => frameworkById(id)!) : FRAMEWORKS;
  const header: ReportHeader = {
    tool: TOOL,
    startedAt: new Date().toISOString(),
    inputs: targetNames(targets),
    controls: controls.map((control) => control.meta),
    options: {
      frameworks: scored.map((framework) => framework.id),
      pssVersion: formatPssVersion(pssVersion),
      kubernetesVersion,
      ...(failOn ? { failOn } : {}),
      ...(flags.namespace.length > 0 ? { namespaces: flags.namespace } : {}),
    },
  };

  const now = new Date();
  const images = flags.images ? imageScanning(flags, targets.clusters.length > 0, targets.kubeconfig) : undefined;
  const request: ScanRequest = {
    sources: scanSources(targets, {
      maxFileBytes: maxMiB * 1024 * 1024,
      exclude: [flags.config, exceptionsPath].filter((file): file is string => file !== undefined),
    }),
    controls,
    frameworks: scored,
    options: { pssVersion, kubernetesVersion, allowedRegistries: flags.allowedRegistry.length > 0 ? flags.allowedRegistry : (config.allowedRegistries ?? []), now },
    exceptions: loaded.exceptions,
    initialErrors: loaded.errors,
    namespaces: flags.namespace,
    ...(failOn ? { failOn } : {}),
    now,
    ...(images ? { scanImages: images.scanner } : {}),
    ...(top !== undefined ? { analysis: riskRanking(top, images?.knownExploited) } : {}),
  };
  return {
    request,
    header,
    targets,
    warnAfter(summary) {
      if (summary.resources === 0 && summary.errors === 0) {
        process.stderr.write(`warning: no Kubernetes resources found in ${targetNames(targets).join(', ')}${targets.paths.length > 0 ? ' (files must end in .yaml, .yml or .json)' : ''}\n`);
      }
      for (const cluster of summary.clusters ?? []) warnGaps(cluster.context, cluster.gaps);
      for (const unused of loaded.exceptions.unused()) {
        process.stderr.write(`warning: exception in ${unused.origin}${unused.line ? `:${unused.line}` : ''} for ${unused.controls.join(', ')} matched no finding\n`);
      }
    },
    close: () => images?.close(),
    ...(images ? { knownExploited: images.knownExploited } : {}),
  };
}

/** `kspm scan`: returns the exit status. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(flags.output)) {
    throw new UsageError(`invalid --output "${flags.output}": expected ${OUTPUT_FORMATS.join(', ')}`);
  }
  const scan = await prepareScan(paths, flags);
  const audit = flags.output === 'html' ? await auditExtras(scan.header.controls, scan.knownExploited) : undefined;
  const request = audit ? { ...scan.request, analysis: { ...audit.analysis, ...(scan.request.analysis?.top !== undefined ? { top: scan.request.analysis.top } : {}) } } : scan.request;
  const output = openOutput(flags.outputFile);
  const sink = createSink(flags.output as OutputFormat, output.stream, { color: output.color, ...(audit ? { html: audit.html } : {}) });
  try {
    const summary = await runScan(request, sink, scan.header);
    await output.commit();
    scan.warnAfter(summary);
    return summary.exitCode;
  } catch (error) {
    await output.discard();
    throw error;
  } finally {
    scan.close();
  }
}

/**
 * The image scanner `--images` asks for: the advisory database opened once, images pulled as `kspm image scan` does;
 * and the database's KEV listing, which the risk engine weighs.
 */
function imageScanning(flags: Omit<ScanFlags, 'output' | 'outputFile'>, liveClusters: boolean, kubeconfig: string | undefined): { scanner: ImageScanner; knownExploited: ReadonlySet<string>; close(): void } {
  const maxAgeDays = Number(flags.maxDbAge);
  if (!Number.isFinite(maxAgeDays) || maxAgeDays <= 0) throw new UsageError(`invalid --max-db-age "${flags.maxDbAge}": expected a number of days`);
  const suppressions = loadSuppressions(flags);
  for (const error of suppressions.errors) process.stderr.write(`error: ${error}\n`);
  const db = openScanDatabase(flags.db, { maxAgeDays, warn: (message) => process.stderr.write(`warning: ${message}\n`) });
  const progress = new ProgressLine();
  const scanner = workloadImageScanner({
    settings: {
      ...imageSourceSettings(flags),
      advisories: db,
      suppressions: { ignoreRules: suppressions.ignoreRules, vex: suppressions.vex },
    },
    readPullSecrets: liveClusters,
    ...(kubeconfig !== undefined ? { kubeconfig } : {}),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    progress: (done, total) => {
      progress.show(`scanning images: ${done}/${total}`, done === total);
      if (done === total) progress.clear();
    },
  });
  return { scanner, knownExploited: db.knownExploited(), close: () => db.close() };
}
