/**
 * `kspm image scan` and `kspm sbom`: images named on the command line (registry references) or by source flags
 * (`--oci-layout`, `--docker-archive`, `--rootfs`, `--sbom`) are scanned one after the other; an image that cannot be
 * read is an error line naming it, and the report holds the others.
 */
import { existsSync, readFileSync } from 'node:fs';
import { EXIT } from '../engine/scan.js';
import type { ImageScanResult } from '../image/model.js';
import { LayerCache } from '../image/layers/cache.js';
import { scanImage, type ImageScanSettings, type ImageTarget } from '../image/scan-image.js';
import { cycloneDxJson } from '../sbom/cyclonedx-writer.js';
import { imageScanJson } from '../sbom/scan-json.js';
import { imageScanSarif } from '../sbom/scan-sarif.js';
import { imageScanTable, wantsColor } from '../sbom/scan-table.js';
import { spdxJson } from '../sbom/spdx-writer.js';
import { SEVERITIES, severityRank, type Severity } from '../vuln/advisory.js';
import { parseIgnoreFile, type IgnoreRule } from '../vuln/ignore/ignore-file.js';
import { parseOpenVex, type VexStatement } from '../vuln/ignore/openvex.js';
import { UsageError } from '../usage-error.js';
import { openScanDatabase } from './db-command.js';
import { openOutput } from './output-file.js';
import { ProgressLine } from './progress.js';

export const IMAGE_SCAN_FORMATS = ['table', 'json', 'sarif', 'cyclonedx'] as const;
export const SBOM_FORMATS = ['cyclonedx', 'spdx-json'] as const;
export const DEFAULT_IGNORE_FILE = '.kspmignore';

export interface ImageSourceFlags {
  ociLayout: string[];
  dockerArchive: string[];
  rootfs: string[];
  platform?: string;
  insecureRegistry: string[];
  cacheDir?: string;
  output: string;
  outputFile?: string;
}

export interface ImageScanFlags extends ImageSourceFlags {
  sbom: string[];
  db?: string;
  maxDbAge: string;
  ignoreFile?: string;
  vex: string[];
  failOn?: string;
  ignoreUnfixed?: boolean;
}

function targetsOf(references: string[], flags: ImageSourceFlags & { sbom?: string[] }): ImageTarget[] {
  const targets: ImageTarget[] = [
    ...references.map((reference) => ({ kind: 'registry' as const, reference })),
    ...flags.ociLayout.map((reference) => ({ kind: 'oci-layout' as const, reference })),
    ...flags.dockerArchive.map((reference) => ({ kind: 'docker-archive' as const, reference })),
    ...flags.rootfs.map((reference) => ({ kind: 'rootfs' as const, reference })),
    ...(flags.sbom ?? []).map((reference) => ({ kind: 'sbom' as const, reference })),
  ];
  if (targets.length === 0) throw new UsageError('name at least one image: a registry reference, --oci-layout DIR, --docker-archive FILE, --rootfs DIR or --sbom FILE');
  return targets;
}

/** How images are pulled and cached, from the flags `image scan`, `sbom` and `scan --images` share. */
export function imageSourceSettings(flags: Pick<ImageSourceFlags, 'platform' | 'insecureRegistry' | 'cacheDir'>): ImageScanSettings {
  return {
    ...(flags.platform ? { platform: flags.platform } : {}),
    insecureRegistries: flags.insecureRegistry,
    cache: flags.cacheDir ? new LayerCache(flags.cacheDir) : new LayerCache(),
  };
}

function failOnLevel(text: string | undefined): Severity | undefined {
  if (text === undefined) return undefined;
  const level = text.toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(level)) throw new UsageError(`invalid --fail-on "${text}": expected ${SEVERITIES.map((s) => s.toLowerCase()).join(', ')}`);
  return level as Severity;
}

function readSuppressionFile<T>(file: string, parse: (text: string, file: string) => T): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return parse(text, file);
}

/** The ignore rules and VEX statements in force; malformed entries are reported and left out. */
export function loadSuppressions(flags: Pick<ImageScanFlags, 'ignoreFile' | 'vex'>): { ignoreRules: IgnoreRule[]; vex: VexStatement[]; errors: string[] } {
  const ignoreFile = flags.ignoreFile ?? (existsSync(DEFAULT_IGNORE_FILE) ? DEFAULT_IGNORE_FILE : undefined);
  const ignore = ignoreFile ? readSuppressionFile(ignoreFile, parseIgnoreFile) : { rules: [], errors: [] };
  const vex = flags.vex.map((file) => readSuppressionFile(file, parseOpenVex));
  return {
    ignoreRules: ignore.rules,
    vex: vex.flatMap((document) => document.statements),
    errors: [...ignore.errors, ...vex.flatMap((document) => document.errors)],
  };
}

/** Scans each target in turn, with a progress line on a terminal; a failure is reported on stderr and the rest go on. */
async function scanAll(targets: ImageTarget[], settings: ImageScanSettings): Promise<{ results: ImageScanResult[]; failed: number }> {
  const results: ImageScanResult[] = [];
  const progress = new ProgressLine();
  let failed = 0;
  for (const target of targets) {
    const downloaded = new Map<string, number>();
    try {
      const result = await scanImage(target, {
        ...settings,
        onPullProgress: ({ layer, downloadedBytes }) => {
          downloaded.set(layer, downloadedBytes);
          const total = [...downloaded.values()].reduce((sum, bytes) => sum + bytes, 0);
          progress.show(`pulling ${target.reference}: ${(total / 1024 / 1024).toFixed(1)} MiB`);
        },
        onAnalysisProgress: (step) => {
          progress.show(step.kind === 'layer' ? `reading ${target.reference}: layer ${step.index}/${step.count}` : `reading ${target.reference}: ${step.done}/${step.count} files`);
        },
      });
      progress.clear();
      results.push(result);
      for (const note of [...result.inventory.notes, ...result.notes]) process.stderr.write(`note: ${result.inventory.image.reference}: ${note}\n`);
    } catch (error) {
      progress.clear();
      failed++;
      const message = (error as Error).message;
      process.stderr.write(`error: ${message.includes(target.reference) ? message : `${target.reference}: ${message}`}\n`);
    }
  }
  return { results, failed };
}

async function write(flags: ImageSourceFlags, render: (color: boolean) => string): Promise<void> {
  const output = openOutput(flags.outputFile);
  try {
    output.stream.write(render(flags.outputFile === undefined && wantsColor(process.env, process.stdout.isTTY === true)));
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
}

export async function imageScanCommand(references: string[], flags: ImageScanFlags): Promise<number> {
  const targets = targetsOf(references, flags);
  if (!(IMAGE_SCAN_FORMATS as readonly string[]).includes(flags.output)) throw new UsageError(`invalid --output "${flags.output}": expected ${IMAGE_SCAN_FORMATS.join(', ')}`);
  const failOn = failOnLevel(flags.failOn);
  const maxAgeDays = Number(flags.maxDbAge);
  if (!Number.isFinite(maxAgeDays) || maxAgeDays <= 0) throw new UsageError(`invalid --max-db-age "${flags.maxDbAge}": expected a number of days`);
  const suppressions = loadSuppressions(flags);
  for (const error of suppressions.errors) process.stderr.write(`error: ${error}\n`);
  const db = openScanDatabase(flags.db, { maxAgeDays, warn: (message) => process.stderr.write(`warning: ${message}\n`) });
  try {
    const { results, failed } = await scanAll(targets, {
      ...imageSourceSettings(flags),
      advisories: db,
      suppressions: { ignoreRules: suppressions.ignoreRules, vex: suppressions.vex },
    });
    const shown = flags.ignoreUnfixed
      ? results.map((result) => ({ ...result, vulnerabilities: result.vulnerabilities.filter((vulnerability) => vulnerability.fixedVersion !== undefined) }))
      : results;
    await write(flags, (color) => {
      switch (flags.output as (typeof IMAGE_SCAN_FORMATS)[number]) {
        case 'table':
          return imageScanTable(shown, { color });
        case 'json':
          return imageScanJson(shown);
        case 'sarif':
          return `${JSON.stringify(imageScanSarif(shown), null, 2)}\n`;
        case 'cyclonedx':
          return cycloneDxJson(shown);
      }
    });
    const failing = failOn !== undefined && shown.some((result) => result.vulnerabilities.some((vulnerability) => !vulnerability.suppressed && atLeast(vulnerability.severity, failOn)));
    if (failing) return EXIT.findings;
    return failed > 0 || suppressions.errors.length > 0 ? EXIT.inputErrors : EXIT.ok;
  } finally {
    db.close();
  }
}

function atLeast(severity: Severity, threshold: Severity): boolean {
  return severity !== 'UNKNOWN' && severityRank(severity) <= severityRank(threshold);
}

export async function sbomCommand(references: string[], flags: ImageSourceFlags): Promise<number> {
  const targets = targetsOf(references, flags);
  if (!(SBOM_FORMATS as readonly string[]).includes(flags.output)) throw new UsageError(`invalid --output "${flags.output}": expected ${SBOM_FORMATS.join(', ')}`);
  const { results, failed } = await scanAll(targets, imageSourceSettings(flags));
  if (results.length > 0) await write(flags, () => (flags.output === 'spdx-json' ? spdxJson(results) : cycloneDxJson(results)));
  return failed > 0 ? EXIT.inputErrors : EXIT.ok;
}
