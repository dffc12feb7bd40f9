import { createHash } from 'node:crypto';

const SHA256_DIGEST = /^sha256:([0-9a-f]{64})$/;

/** The hex part of a `sha256:<hex>` digest; anything else (other algorithms, odd characters) is refused. */
export function sha256Hex(digest: string): string {
  const match = SHA256_DIGEST.exec(digest);
  if (!match?.[1]) throw new Error(`unsupported digest "${digest}": expected sha256:<64 lowercase hex digits>`);
  return match[1];
}

/**
 * Passes the bytes through unchanged while hashing them, and throws after the last chunk when their sha256 is not
 * the expected digest. Consumers must read to the end for the check to happen.
 */
export async function* verifyDigest(source: AsyncIterable<Uint8Array>, expected: string): AsyncGenerator<Uint8Array> {
  const expectedHex = sha256Hex(expected);
  const hash = createHash('sha256');
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
  const actual = `sha256:${hash.digest('hex')}`;
  if (actual !== `sha256:${expectedHex}`) throw new Error(`digest mismatch: expected ${expected}, got ${actual}`);
}
