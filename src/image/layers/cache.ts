import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sha256Hex, verifyDigest } from './digest.js';

export function defaultLayerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'kspm', 'layers');
}

/**
 * Layer blobs stored by digest at `<dir>/sha256/<hex>`. A blob appears under its name only once all its bytes are
 * written and match the digest (written to a temporary file in the same folder, then renamed), so a reader never
 * sees a partial or wrong blob, even when a download fails halfway.
 */
export class LayerCache {
  constructor(readonly dir: string = defaultLayerCacheDir()) {}

  pathOf(digest: string): string {
    return join(this.dir, 'sha256', sha256Hex(digest));
  }

  async has(digest: string): Promise<boolean> {
    try {
      await access(this.pathOf(digest));
      return true;
    } catch {
      return false;
    }
  }

  open(digest: string): ReadStream {
    return createReadStream(this.pathOf(digest));
  }

  async put(digest: string, blob: AsyncIterable<Uint8Array>): Promise<void> {
    const finalPath = this.pathOf(digest);
    const folder = join(this.dir, 'sha256');
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.partial-${randomBytes(8).toString('hex')}`);
    try {
      await pipeline(Readable.from(verifyDigest(blob, digest)), createWriteStream(temporary, { flush: true }));
      await rename(temporary, finalPath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** The cached blob, downloading it first only when it is not cached yet. */
  async fetch(digest: string, download: () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>): Promise<ReadStream> {
    if (!(await this.has(digest))) await this.put(digest, await download());
    return this.open(digest);
  }
}
