import { once } from 'node:events';

const CHUNK_CHARS = 64 * 1024;

/**
 * Writes text to a stream in chunks, waiting for 'drain' whenever the stream asks to, so a fast producer never piles
 * up a whole report in the stream's buffer. `flush` hands over whatever is still pending.
 */
export class StreamWriter {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  /** Writes raw bytes after everything already pending, e.g. a spooled file copied into the report. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    await this.send(bytes);
  }

  async flush(): Promise<void> {
    if (this.pendingChars === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    await this.send(chunk);
  }

  private async send(chunk: string | Uint8Array): Promise<void> {
    // A destroyed stream never drains: fail instead of waiting forever.
    if ((this.out as { destroyed?: unknown }).destroyed === true) throw new Error('the report output stream is closed');
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
