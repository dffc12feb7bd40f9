import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamWriter } from './writer.js';

const CHUNK_BYTES = 1024 * 1024;

/**
 * An append-only temporary file: text that belongs later in a report than where it arrives (findings after the
 * resources) waits here instead of in memory, then is copied out once.
 */
export class Spool {
  private pending: string[] = [];
  private pendingChars = 0;
  private size = 0;
  private disposed = false;

  private constructor(
    private readonly handle: FileHandle,
    /** Set while the file still has a name to remove. */
    private path: string | undefined,
  ) {}

  static async create(dir: string = tmpdir()): Promise<Spool> {
    const path = join(dir, `kspm-spool-${process.pid}-${randomUUID()}.tmp`);
    const handle = await open(path, 'wx+', 0o600);
    // On POSIX an open file outlives its name, so unlinking now leaves nothing behind even if the scan dies before
    // end(); where that fails (Windows), dispose() removes the file.
    const unlinked = await rm(path).then(
      () => true,
      () => false,
    );
    return new Spool(handle, unlinked ? undefined : path);
  }

  async append(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_BYTES) this.flush();
  }

  /** Copies everything appended so far to `writer`, in order. */
  async copyTo(writer: StreamWriter): Promise<void> {
    this.flush();
    let position = 0;
    while (position < this.size) {
      // A fresh buffer each time: the stream may still hold the previous one.
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, this.size - position));
      const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) throw new Error('the report spool file ended early');
      await writer.writeBytes(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  }

  /** Closes and removes the file; safe to call more than once. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.pending = [];
    await this.handle.close().catch(() => undefined);
    if (this.path) await rm(this.path, { force: true });
    this.path = undefined;
  }

  private flush(): void {
    if (this.pendingChars === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    // Synchronous: the spool is a local temporary file, and a thread-pool round trip per megabyte only adds waiting.
    let offset = 0;
    while (offset < bytes.length) {
      const bytesWritten = writeSync(this.handle.fd, bytes, offset, bytes.length - offset, this.size);
      offset += bytesWritten;
      this.size += bytesWritten;
    }
  }
}
