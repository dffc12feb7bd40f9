import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { UsageError } from '../usage-error.js';

export interface Output {
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
export function openOutput(target: string | undefined, what = '--output-file'): Output {
  if (!target) {
    return { stream: process.stdout, color: process.stdout.isTTY === true && !process.env.NO_COLOR, commit: async () => {}, discard: async () => {} };
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w', 0o644);
  } catch (error) {
    throw new UsageError(`cannot write ${what} ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`);
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
