import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';

export type Compression = 'gzip' | 'zstd' | 'none';

const MAGIC_BYTES_NEEDED = 4;

/** Judges by content, as registries' media types are not always right: anything not gzip or zstd is plain tar. */
export function detectCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

/** The decompressed bytes of a layer blob, whatever its compression. */
export async function* decompress(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let exhausted = false;
  while (head.length < MAGIC_BYTES_NEEDED && !exhausted) {
    const next = await iterator.next();
    if (next.done) exhausted = true;
    else head = concat(head, next.value);
  }
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => withHead(head, exhausted, iterator),
  };
  switch (detectCompression(head)) {
    case 'gzip': {
      const gunzip = createGunzip();
      // A failure upstream (a digest mismatch) destroys gunzip with that error, which ends the loop below with it.
      pipeline(Readable.from(rest), gunzip).catch(() => undefined);
      yield* gunzip;
      return;
    }
    case 'zstd':
      yield* zstdDecompress(rest);
      return;
    case 'none':
      yield* rest;
  }
}

// fzstd decodes synchronously and has no back-pressure, so compressed input is fed in small slices to keep the
// output of one step (and so what a decompression bomb can allocate before the size bound sees it) small.
const ZSTD_INPUT_SLICE = 1024;

async function* zstdDecompress(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const produced: Uint8Array[] = [];
  const decoder = new Decompress((data) => {
    produced.push(data);
  });
  for await (const chunk of source) {
    for (let offset = 0; offset < chunk.length; offset += ZSTD_INPUT_SLICE) {
      decoder.push(chunk.subarray(offset, offset + ZSTD_INPUT_SLICE));
      yield* produced.splice(0);
    }
  }
  decoder.push(new Uint8Array(0), true);
  yield* produced.splice(0);
}

async function* withHead(
  head: Uint8Array,
  exhausted: boolean,
  iterator: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  if (exhausted) return;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
