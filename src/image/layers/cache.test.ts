import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultLayerCacheDir, LayerCache } from './cache.js';
import { digestOf } from './layer-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'kspm-layer-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function* chunks(...parts: Buffer[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function* failingHalfway(part: Buffer): AsyncGenerator<Uint8Array> {
  yield part;
  throw new Error('connection reset');
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

describe('LayerCache', () => {
  const blob = Buffer.from('a layer blob');
  const digest = digestOf(blob);

  it('stores a verified blob at <dir>/sha256/<hex> and reads it back', async () => {
    const cache = new LayerCache(join(root, 'store'));
    assert.equal(await cache.has(digest), false);
    await cache.put(digest, chunks(blob.subarray(0, 3), blob.subarray(3)));
    assert.equal(await cache.has(digest), true);
    assert.deepEqual(readFileSync(join(root, 'store', 'sha256', digest.slice('sha256:'.length))), blob);
    assert.deepEqual(await readAll(cache.open(digest)), blob);
  });

  it('leaves nothing behind, not even a temporary file, when the bytes do not match or the download fails', async () => {
    const cache = new LayerCache(join(root, 'atomic'));
    const wrong = digestOf(Buffer.from('something else'));
    await assert.rejects(cache.put(wrong, chunks(blob)), /digest mismatch/);
    await assert.rejects(cache.put(digest, failingHalfway(blob.subarray(0, 4))), /connection reset/);
    assert.equal(await cache.has(wrong), false);
    assert.equal(await cache.has(digest), false);
    assert.deepEqual(readdirSync(join(root, 'atomic', 'sha256')), []);
  });

  it('downloads a blob once and serves it from disk afterwards', async () => {
    const cache = new LayerCache(join(root, 'reuse'));
    let downloads = 0;
    const download = () => {
      downloads++;
      return chunks(blob);
    };
    assert.deepEqual(await readAll(await cache.fetch(digest, download)), blob);
    assert.deepEqual(await readAll(await cache.fetch(digest, download)), blob);
    assert.deepEqual(await readAll(await new LayerCache(join(root, 'reuse')).fetch(digest, download)), blob);
    assert.equal(downloads, 1);
  });

  it('refuses digests that could name a path outside the cache', async () => {
    const cache = new LayerCache(join(root, 'refuse'));
    await assert.rejects(cache.put('sha256:../../escape', chunks(blob)), /unsupported digest/);
    assert.throws(() => cache.pathOf('sha256:/etc/passwd'), /unsupported digest/);
  });

  it('lives under XDG_CACHE_HOME, or ~/.cache without it', () => {
    assert.equal(defaultLayerCacheDir({ XDG_CACHE_HOME: '/x/cache' }), join('/x/cache', 'kspm', 'layers'));
    assert.equal(defaultLayerCacheDir({}), join(homedir(), '.cache', 'kspm', 'layers'));
  });
});
