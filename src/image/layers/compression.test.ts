import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decompress, detectCompression } from './compression.js';
import { gzip, tarOf, ZSTD_AVAILABLE, zstdCompress } from './layer-fixtures.js';

async function bytesOf(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* oneByteAtATime(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (const byte of bytes) yield Uint8Array.of(byte);
}

describe('layer compression', async () => {
  const tar = await tarOf([{ name: 'etc/os-release', content: 'ID=debian\n' }]);

  it('detects gzip, zstd and plain tar by their first bytes', () => {
    assert.equal(detectCompression(gzip(tar)), 'gzip');
    assert.equal(detectCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0])), 'zstd');
    assert.equal(detectCompression(tar), 'none');
    assert.equal(detectCompression(new Uint8Array(0)), 'none');
  });

  it('passes plain tar through unchanged, even when the magic bytes arrive split over chunks', async () => {
    assert.deepEqual(await bytesOf(decompress(oneByteAtATime(tar))), tar);
  });

  it('gunzips gzip layers', async () => {
    assert.deepEqual(await bytesOf(decompress(oneByteAtATime(gzip(tar)))), tar);
  });

  it('decompresses zstd layers made by the zstd tool', { skip: !ZSTD_AVAILABLE && 'SKIPPING: no zstd binary' }, async () => {
    assert.deepEqual(await bytesOf(decompress(oneByteAtATime(zstdCompress(tar)))), tar);
  });

  it('reports corrupt gzip as an error', async () => {
    const broken = gzip(tar).subarray(0, 30);
    await assert.rejects(bytesOf(decompress(oneByteAtATime(Buffer.concat([broken, Buffer.alloc(64, 7)])))));
  });
});
