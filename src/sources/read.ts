/**
 * Reads input bytes with bounds: sizes are checked before reading (or counted, for streams), non-regular files are
 * never opened for reading, and text must be UTF-8.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { InputErrorCode } from '../model/resource.js';

export type ReadFailure = { ok: false; code: InputErrorCode; line?: number; message: string };
export type ReadResult = { ok: true; text: string } | ReadFailure;

/** Read size once a file has grown past the size stat gave (it is still bounded by the limit). */
const GROWTH_CHUNK_BYTES = 1 << 20;

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function tooLarge(limit: number, size?: number): ReadResult {
  const found = size === undefined ? 'more than that' : formatBytes(size);
  return { ok: false, code: 'too-large', message: `input is larger than the ${formatBytes(limit)} limit (${found}); not read` };
}

function systemMessage(caught: unknown): string {
  const code = (caught as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist (or is a broken symbolic link)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return caught instanceof Error ? caught.message : String(caught);
}

export function readFailure(caught: unknown): ReadFailure & { code: 'read-failed' } {
  return { ok: false, code: 'read-failed', message: `cannot read: ${systemMessage(caught)}` };
}

/** The offset of the first byte that breaks UTF-8, or -1. Only runs once a file is known to be invalid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** Decodes UTF-8 (a leading BOM is dropped); invalid bytes give a 'not-utf8' result with their line. */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
    return { ok: false, code: 'not-utf8', line, message: `byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} is not UTF-8; YAML and JSON inputs must be UTF-8 text` };
  }
}

function readAll(fd: number, size: number, limit: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Read one byte past the size stat gave: a file growing under us is noticed, never read without bound.
    const buffer = Buffer.allocUnsafe(total <= size ? size + 1 - total : GROWTH_CHUNK_BYTES);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > limit) return undefined;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    // A short read of a regular file is its end: no need for one more call to hear it.
    if (bytesRead < buffer.length) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Reads a regular file of at most `limit` bytes as UTF-8 text. Opened non-blocking and checked again once open, so a
 * FIFO swapped in after the caller's stat cannot hang the read. Synchronous inside: local manifests are small, and
 * one system call per step is far cheaper than a promise round trip per step across thousands of files.
 */
export async function readTextFile(path: string, limit: number): Promise<ReadResult> {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'read-failed', message: 'not a regular file; not read' };
    if (stats.size > limit) return tooLarge(limit, stats.size);
    const bytes = readAll(fd, stats.size, limit);
    return bytes ? decodeUtf8(bytes) : tooLarge(limit);
  } catch (caught) {
    return readFailure(caught);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a stream (stdin) of at most `limit` bytes as UTF-8 text, counting as it goes. */
export async function readTextStream(stream: NodeJS.ReadableStream, limit: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > limit) return tooLarge(limit);
      chunks.push(bytes);
    }
  } catch (caught) {
    return readFailure(caught);
  }
  return decodeUtf8(Buffer.concat(chunks, total));
}
