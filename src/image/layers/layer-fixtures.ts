/** Builds real tar layers for the tests: tar-stream to pack, node:zlib for gzip, the system `zstd` for zstd. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import type { LayerBlob } from './walk.js';

export type FixtureEntry = Partial<Header> & { name: string; content?: string | Buffer };

export async function tarOf(entries: FixtureEntry[]): Promise<Buffer> {
  const packer = pack();
  for (const { content, ...header } of entries) {
    const body = typeof content === 'string' ? Buffer.from(content) : content;
    packer.entry({ type: 'file', mode: 0o644, ...header, ...(body ? { size: body.length } : {}) }, body ?? Buffer.alloc(0));
  }
  packer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of packer as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export const ZSTD_AVAILABLE = spawnSync('zstd', ['--version']).status === 0;

export function zstdCompress(bytes: Buffer): Buffer {
  const result = spawnSync('zstd', ['-q', '-c'], { input: bytes, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`zstd failed: ${result.stderr.toString()}`);
  return result.stdout;
}

export function gzip(bytes: Buffer): Buffer {
  return gzipSync(bytes);
}

export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A layer blob streamed in small chunks, as a download would arrive. */
export function blobOf(bytes: Buffer, digest = digestOf(bytes)): LayerBlob {
  return { digest, stream: chunked(bytes, 4096) };
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export async function layerOf(entries: FixtureEntry[]): Promise<LayerBlob> {
  return blobOf(gzip(await tarOf(entries)));
}
