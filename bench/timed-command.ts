/**
 * Runs a command as a child process with its standard output sent to a file (as `command > file` would), and
 * measures its wall time from spawn to exit. Never blocks the event loop, so a server in this process keeps answering.
 */
import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

/** Enough of standard error to show what went wrong. */
const KEPT_ERRORS = 64 * 1024;

export interface CommandRun {
  /** Exit status, or undefined when a signal ended the command. */
  status: number | undefined;
  signal: NodeJS.Signals | undefined;
  seconds: number;
  /** The start of standard error. */
  stderr: string;
}

export async function runToFile(command: string, args: readonly string[], outputFile: string, cwd: string): Promise<CommandRun> {
  const output = await open(outputFile, 'w');
  try {
    return await new Promise<CommandRun>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(command, args, { cwd, stdio: ['ignore', output.fd, 'pipe'] });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (text: string) => {
        if (stderr.length < KEPT_ERRORS) stderr += text.slice(0, KEPT_ERRORS - stderr.length);
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({
        status: code ?? undefined, signal: signal ?? undefined, seconds: (performance.now() - started) / 1000, stderr: stderr.trim(),
      }));
    });
  } finally {
    await output.close();
  }
}
