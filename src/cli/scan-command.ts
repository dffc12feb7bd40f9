import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadConfig, type ScanConfig } from '../config.js';
import { parsePssVersion, formatPssVersion } from '../controls/pss/version.js';
import { runScan } from '../engine/scan.js';
import { selectControls } from '../engine/select.js';
import { emptyExceptions, loadExceptionsFile } from '../exceptions/index.js';
import { FRAMEWORKS, frameworkById } from '../frameworks/index.js';
import type { ReportHeader } from '../model/report.js';
import { isSeverity, type Severity } from '../model/severity.js';
import { createSink, OUTPUT_FORMATS, type OutputFormat } from '../outputs/index.js';
import { TOOL } from '../tool-info.js';
import { UsageError } from '../usage-error.js';

export const DEFAULT_KUBERNETES_VERSION = '1.35';
export const DEFAULT_MAX_FILE_MIB = 32;

export interface ScanFlags {
  output: string;
  outputFile?: string;
  framework: string[];
  control: string[];
  namespace: string[];
  failOn?: string;
  pssVersion?: string;
  kubernetesVersion?: string;
  allowedRegistry: string[];
  exceptions?: string;
  config?: string;
  maxFileSize: string;
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

/** `kspm scan`: returns the exit status. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  if (paths.length === 0) throw new UsageError('kspm scan needs at least one PATH (a file, a directory, or - for stdin)');
  if (!(OUTPUT_FORMATS as readonly string[]).includes(flags.output)) {
    throw new UsageError(`invalid --output "${flags.output}": expected ${OUTPUT_FORMATS.join(', ')}`);
  }
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

  const exceptionsPath = flags.exceptions ?? config.exceptionsFile;
  const loaded = exceptionsPath
    ? await loadExceptionsFile(exceptionsPath).catch((error: Error) => Promise.reject(new UsageError(error.message)))
    : { exceptions: emptyExceptions(), errors: [] };

  const scored = frameworkIds.length > 0 ? frameworkIds.map((id) => frameworkById(id)!) : FRAMEWORKS;
  const header: ReportHeader = {
    tool: TOOL,
    startedAt: new Date().toISOString(),
    inputs: paths,
    controls: controls.map((control) => control.meta),
    options: {
      frameworks: scored.map((framework) => framework.id),
      pssVersion: formatPssVersion(pssVersion),
      kubernetesVersion,
      ...(failOn ? { failOn } : {}),
      ...(flags.namespace.length > 0 ? { namespaces: flags.namespace } : {}),
    },
  };

  const output = openOutput(flags.outputFile);
  const sink = createSink(flags.output as OutputFormat, output.stream, { color: output.color });
  try {
    const summary = await runScan(
      {
        inputs: paths,
        controls,
        frameworks: scored,
        options: { pssVersion, kubernetesVersion, allowedRegistries: flags.allowedRegistry.length > 0 ? flags.allowedRegistry : (config.allowedRegistries ?? []) },
        exceptions: loaded.exceptions,
        initialErrors: loaded.errors,
        namespaces: flags.namespace,
        ...(failOn ? { failOn } : {}),
        now: new Date(),
        read: { maxFileBytes: maxMiB * 1024 * 1024, exclude: [flags.config, exceptionsPath].filter((file): file is string => file !== undefined) },
      },
      sink,
      header,
    );
    await output.commit();
    if (summary.resources === 0 && summary.errors === 0) {
      process.stderr.write(`warning: no Kubernetes resources found in ${paths.join(', ')} (files must end in .yaml, .yml or .json)\n`);
    }
    for (const unused of loaded.exceptions.unused()) {
      process.stderr.write(`warning: exception in ${unused.origin}${unused.line ? `:${unused.line}` : ''} for ${unused.controls.join(', ')} matched no finding\n`);
    }
    return summary.exitCode;
  } catch (error) {
    await output.discard();
    throw error;
  }
}

interface Output {
  stream: NodeJS.WritableStream;
  color: boolean;
  /** Puts the finished report in place. */
  commit(): Promise<void>;
  /** Removes a report that was not finished. */
  discard(): Promise<void>;
}

/**
 * Standard output, or a file written beside its target and renamed when complete, so an interrupted or failed scan
 * never leaves half a report behind (not even on Ctrl-C).
 */
function openOutput(target: string | undefined): Output {
  if (!target) {
    return { stream: process.stdout, color: process.stdout.isTTY === true && !process.env.NO_COLOR, commit: async () => {}, discard: async () => {} };
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w', 0o644);
  } catch (error) {
    throw new UsageError(`cannot write --output-file ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`);
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  const interrupted = (signal: NodeJS.Signals) => {
    close();
    rmSync(temporary, { force: true });
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const forget = () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
  return {
    stream: synchronousFileStream(fd),
    color: false,
    commit: async () => {
      close();
      await rename(temporary, target);
      forget();
    },
    discard: async () => {
      close();
      await rm(temporary, { force: true });
      forget();
    },
  };
}

/** A report file written synchronously: a local file accepts each chunk at once, with no event-loop round trip. */
function synchronousFileStream(fd: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        for (let offset = 0; offset < chunk.length; ) offset += writeSync(fd, chunk, offset);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
