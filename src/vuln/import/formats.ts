/**
 * Which importer reads a file, decided by its content (and its extension for YAML), so `kspm db import` takes any mix of
 * files and folders: OSV JSON/YAML/zip, Debian DSA/DLA lists, Debian tracker JSON, Alpine secdb YAML/JSON.
 */
import { parse as parseYaml } from 'yaml';
import { parseAlpineSecdb } from './alpine-secdb.js';
import { parseDebianList } from './debian-list.js';
import { parseDebianTracker } from './debian-tracker.js';
import { isZip, parseOsvRecords, parseOsvZip, type ZipLimits } from './osv-files.js';
import type { ImportResult } from './result.js';

export type AdvisoryFormat = 'osv' | 'osv-zip' | 'debian-list' | 'debian-tracker' | 'alpine-secdb';

export const ADVISORY_FORMATS: readonly AdvisoryFormat[] = ['osv', 'osv-zip', 'debian-list', 'debian-tracker', 'alpine-secdb'];

const DEBIAN_LIST_START = /^\[\d{1,2} [A-Za-z]{3} \d{4}\] D[SL]A-\d/;

export type Detected = { format: AdvisoryFormat; document?: unknown } | { error: string };

/** The format of one file's bytes; JSON and YAML documents come back parsed so they are not parsed twice. */
export function detectFormat(bytes: Uint8Array, name: string): Detected {
  if (isZip(bytes)) return { format: 'osv-zip' };
  const text = new TextDecoder().decode(bytes);
  if (DEBIAN_LIST_START.test(text)) return { format: 'debian-list' };
  const trimmed = text.trimStart();
  let document: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      document = JSON.parse(text);
    } catch (error) {
      return { error: `${name}: looks like JSON but does not parse: ${(error as Error).message}` };
    }
  } else if (/\.ya?ml$/i.test(name)) {
    try {
      document = parseYaml(text);
    } catch (error) {
      return { error: `${name}: YAML does not parse: ${(error as Error).message}` };
    }
  } else {
    return { error: `${name}: not an advisory file kspm knows (OSV JSON/YAML/zip, Debian DSA/DLA list or tracker JSON, Alpine secdb)` };
  }
  const format = formatOfDocument(document);
  return format ? { format, document } : { error: `${name}: a JSON/YAML document in no advisory format kspm knows (no OSV id, no secdb distroversion, no tracker releases)` };
}

function formatOfDocument(document: unknown): AdvisoryFormat | undefined {
  if (Array.isArray(document)) return document.length > 0 && document.every(isOsvLike) ? 'osv' : undefined;
  if (!isObject(document)) return undefined;
  if (isOsvLike(document)) return 'osv';
  if ('distroversion' in document && 'packages' in document) return 'alpine-secdb';
  const firstPackage = Object.values(document)[0];
  if (isObject(firstPackage)) {
    const firstIssue = Object.values(firstPackage)[0];
    if (isObject(firstIssue) && 'releases' in firstIssue) return 'debian-tracker';
  }
  return undefined;
}

function isOsvLike(value: unknown): boolean {
  return isObject(value) && typeof value.id === 'string' && ('modified' in value || 'affected' in value || 'aliases' in value || 'summary' in value || 'details' in value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads bytes in a known format (as `update` downloads them) or, without one, the detected format. */
export function parseAdvisories(bytes: Uint8Array, name: string, format?: AdvisoryFormat, zipLimits?: ZipLimits): ImportResult {
  const detected = detectFormat(bytes, name);
  if ('error' in detected) return { advisories: [], errors: [{ file: name, message: detected.error.slice(name.length + 2) }] };
  if (format !== undefined && format !== detected.format) {
    return { advisories: [], errors: [{ file: name, message: `expected ${format} data, found ${detected.format}` }] };
  }
  switch (detected.format) {
    case 'osv-zip':
      return parseOsvZip(bytes, name, zipLimits);
    case 'debian-list':
      return parseDebianList(new TextDecoder().decode(bytes), name);
    case 'debian-tracker':
      return parseDebianTracker(detected.document, name);
    case 'alpine-secdb':
      return parseAlpineSecdb(detected.document, name);
    case 'osv':
      return parseOsvRecords(Array.isArray(detected.document) ? detected.document : [detected.document], name);
  }
}
