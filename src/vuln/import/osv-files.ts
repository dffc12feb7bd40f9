/** OSV records in files: one JSON or YAML record (or a JSON array of them), and zip archives such as osv.dev's `all.zip`. */
import { Unzip, UnzipInflate } from 'fflate';
import { parse as parseYaml } from 'yaml';
import type { Advisory } from '../advisory.js';
import { parseOsvRecord } from './osv.js';
import type { ImportError, ImportResult } from './result.js';

export function parseOsvJson(text: string, file: string): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { advisories: [], errors: [{ file, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parseOsvRecords(Array.isArray(document) ? document : [document], file);
}

export function parseOsvYaml(text: string, file: string): ImportResult {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    return { advisories: [], errors: [{ file, message: `not valid YAML: ${(error as Error).message}` }] };
  }
  return parseOsvRecords([document], file);
}

export function parseOsvRecords(records: unknown[], origin: string): ImportResult {
  const advisories: Advisory[] = [];
  const errors: ImportError[] = [];
  for (const record of records) {
    const result = parseOsvRecord(record, origin);
    if ('error' in result) errors.push({ file: origin, message: result.error.slice(origin.length + 2) });
    else advisories.push(result);
  }
  return { advisories, errors };
}

export interface ZipLimits {
  /** Largest uncompressed entry read; larger ones are reported and skipped. */
  maxEntryBytes: number;
  /** Largest total uncompressed size; beyond it the archive is refused (a zip bomb, or the wrong file). */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024 * 1024 };

const PUSH_CHUNK_BYTES = 64 * 1024;

/** Every `.json` entry of the archive is an OSV record; entries are inflated one at a time. */
export function parseOsvZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ImportResult {
  if (!isZip(bytes)) return { advisories: [], errors: [{ file, message: 'not a zip archive' }] };
  const advisories: Advisory[] = [];
  const errors: ImportError[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  let refused = false;
  const unzip = new Unzip((entry) => {
    if (refused || entry.name.endsWith('/') || !entry.name.endsWith('.json')) return;
    const origin = `${file}!${entry.name}`;
    if (entry.originalSize !== undefined && entry.originalSize > limits.maxEntryBytes) {
      errors.push({ file: origin, message: `entry of ${entry.originalSize} bytes is larger than the limit of ${limits.maxEntryBytes}` });
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (error) {
        errors.push({ file: origin, message: `cannot inflate: ${error.message}` });
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        entry.terminate();
        if (total > limits.maxTotalBytes) refused = true;
        errors.push({ file: origin, message: total > limits.maxTotalBytes ? `archive inflates beyond the limit of ${limits.maxTotalBytes} bytes; stopped here` : `entry is larger than the limit of ${limits.maxEntryBytes} bytes` });
        return;
      }
      chunks.push(chunk);
      if (!final) return;
      const result = parseOsvJson(decoder.decode(concat(chunks, size)), origin);
      advisories.push(...result.advisories);
      errors.push(...result.errors);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    // fflate's Unzip recurses once per entry within a pushed chunk; small chunks keep the stack shallow.
    for (let offset = 0; offset < bytes.length && !refused; offset += PUSH_CHUNK_BYTES) {
      unzip.push(bytes.subarray(offset, offset + PUSH_CHUNK_BYTES), offset + PUSH_CHUNK_BYTES >= bytes.length);
    }
  } catch (error) {
    errors.push({ file, message: `not a readable zip archive: ${(error as Error).message}` });
  }
  return { advisories, errors };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}
