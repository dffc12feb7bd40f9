import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256Hex, verifyDigest } from './digest.js';
import { digestOf } from './layer-fixtures.js';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of source) text += Buffer.from(chunk).toString();
  return text;
}

describe('verifyDigest', () => {
  it('passes bytes through when their sha256 matches', async () => {
    assert.equal(await readAll(verifyDigest(chunks('lay', 'er'), digestOf(Buffer.from('layer')))), 'layer');
  });

  it('fails at the end naming the expected and the actual digest', async () => {
    const expected = digestOf(Buffer.from('other'));
    const actual = digestOf(Buffer.from('layer'));
    await assert.rejects(readAll(verifyDigest(chunks('layer'), expected)), {
      message: `digest mismatch: expected ${expected}, got ${actual}`,
    });
  });

  it('refuses digests that are not sha256 hex, which would otherwise reach file paths', () => {
    assert.throws(() => sha256Hex('sha256:../../etc/passwd'), /unsupported digest/);
    assert.throws(() => sha256Hex('sha512:' + 'a'.repeat(128)), /unsupported digest/);
    assert.equal(sha256Hex('sha256:' + 'ab'.repeat(32)), 'ab'.repeat(32));
  });
});
