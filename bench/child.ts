/**
 * Runs a Node script as a child process and measures it from the outside: wall time from spawn to exit, and the
 * peak resident set size the child reports through rss-probe.mjs.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';

const RSS_PROBE = join(dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs');
const RSS_LINE = /^kspm-bench-max-rss-kib=(\d+)$/m;
/** Enough of a child's output to show what went wrong, without holding megabytes of warnings. */
const KEPT_OUTPUT = 64 * 1024;

export interface ChildRun {
  /** Exit status, or undefined when a signal ended the child. */
  status: number | undefined;
  signal: NodeJS.Signals | undefined;
  seconds: number;
  /** Peak RSS in MiB, when the probe reported it. */
  peakRssMiB: number | undefined;
  /** The start of standard output (all of it when short). */
  stdout: string;
  /** Standard error without the probe's line: its start, and its end when it was long. */
  stderr: string;
}

/** Keeps the first and the last `limit` bytes of a stream's text. */
class OutputKeeper {
  private head = '';
  private tail = '';
  private dropped = false;

  add(text: string): void {
    if (this.head.length < KEPT_OUTPUT) {
      const room = KEPT_OUTPUT - this.head.length;
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (text === '') return;
    this.tail += text;
    if (this.tail.length > KEPT_OUTPUT) {
      this.tail = this.tail.slice(-KEPT_OUTPUT);
      this.dropped = true;
    }
  }

  text(): string {
    return this.dropped ? `${this.head}\n[...]\n${this.tail}` : this.head + this.tail;
  }
}

/** Runs `node --import rss-probe.mjs <args>` in `cwd` and resolves when the child has exited and closed its output. */
export function runNode(args: readonly string[], cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', pathToFileURL(RSS_PROBE).href, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = new OutputKeeper();
    const stderr = new OutputKeeper();
    child.stdout.setEncoding('utf8').on('data', (text: string) => stdout.add(text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => stderr.add(text));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const errors = stderr.text();
      const rss = RSS_LINE.exec(errors);
      resolve({
        status: code ?? undefined,
        signal: signal ?? undefined,
        seconds,
        peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined,
        stdout: stdout.text(),
        stderr: errors.replace(RSS_LINE, '').trim(),
      });
    });
  });
}
