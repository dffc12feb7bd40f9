/**
 * Which importer reads a file, decided by its content (and its extension for YAML), so `kspm db import` takes any mix of
 * files and folders: OSV JSON/YAML/zip, Debian DSA/DLA lists, Debian tracker JSON, Alpine secdb YAML/JSON, and CISA's
 * Known Exploited Vulnerabilities catalogue (which lists exploited CVEs rather than advisories).
 */
import { parse as parseYaml } from 'yaml';
import { parseAlpineSecdb } from './alpine-secdb.js';
import { parseDebianList } from './debian-list.js';
import { parseDebianTracker } from './debian-tracker.js';
import { looksLikeKevCatalogue, parseKevCatalogue, type KnownExploited } from './kev.js';
import { isZip, parseOsvRecords, parseOsvZip, type ZipLimits } from './osv-files.js';
import type { ImportResult } from './result.js';

export type AdvisoryFormat = 'osv' | 'osv-zip' | 'debian-list' | 'debian-tracker' | 'alpine-secdb' | 'cisa-kev';

export const ADVISORY_FORMATS: readonly AdvisoryFormat[] = ['osv', 'osv-zip', 'debian-list', 'debian-tracker', 'alpine-secdb', 'cisa-kev'];

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
    return { error: `${name}: not an advisory file kspm knows (OSV JSON/YAML/zip, Debian DSA/DLA list or tracker JSON, Alpine secdb, CISA KEV JSON)` };
  }
  const format = formatOfDocument(document);
  return format ? { format, document } : { error: `${name}: a JSON/YAML document in no advisory format kspm knows (no OSV id, no secdb distroversion, no tracker releases, no KEV catalogVersion)` };
}

function formatOfDocument(document: unknown): AdvisoryFormat | undefined {
  if (Array.isArray(document)) return document.length > 0 && document.every(isOsvLike) ? 'osv' : undefined;
  if (!isObject(document)) return undefined;
  if (isOsvLike(document)) return 'osv';
  if ('distroversion' in document && 'packages' in document) return 'alpine-secdb';
  if (looksLikeKevCatalogue(document)) return 'cisa-kev';
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

/** What one file holds: advisories, or (from a KEV catalogue) known exploited CVEs. */
export interface SourceData extends ImportResult {
  knownExploited: KnownExploited[];
}

/** Reads bytes in a known format (as `update` downloads them) or, without one, the detected format. */
export function parseSource(bytes: Uint8Array, name: string, format?: AdvisoryFormat, zipLimits?: ZipLimits): SourceData {
  const detected = detectFormat(bytes, name);
  if ('error' in detected) return { advisories: [], knownExploited: [], errors: [{ file: name, message: detected.error.slice(name.length + 2) }] };
  if (format !== undefined && format !== detected.format) {
    return { advisories: [], knownExploited: [], errors: [{ file: name, message: `expected ${format} data, found ${detected.format}` }] };
  }
  if (detected.format === 'cisa-kev') {
    const { knownExploited, errors } = parseKevCatalogue(detected.document, name);
    return { advisories: [], knownExploited, errors };
  }
  return { ...parseAdvisoryFormat(bytes, name, detected.format, detected.document, zipLimits), knownExploited: [] };
}

/**
 * Advisories only: a KEV catalogue is an error here, for readers that keep advisories alone (the files of a folder
 * given to `kspm db import`).
 */
export function parseAdvisories(bytes: Uint8Array, name: string, format?: AdvisoryFormat, zipLimits?: ZipLimits): ImportResult {
  const { advisories, knownExploited, errors } = parseSource(bytes, name, format, zipLimits);
  if (knownExploited.length > 0) return { advisories, errors: [...errors, { file: name, message: 'a CISA KEV catalogue is read only as a file path of its own (kspm db import kev.json), not inside a folder' }] };
  return { advisories, errors };
}

function parseAdvisoryFormat(bytes: Uint8Array, name: string, format: Exclude<AdvisoryFormat, 'cisa-kev'>, document: unknown, zipLimits?: ZipLimits): ImportResult {
  switch (format) {
    case 'osv-zip':
      return parseOsvZip(bytes, name, zipLimits);
    case 'debian-list':
      return parseDebianList(new TextDecoder().decode(bytes), name);
    case 'debian-tracker':
      return parseDebianTracker(document, name);
    case 'alpine-secdb':
      return parseAlpineSecdb(document, name);
    case 'osv':
      return parseOsvRecords(Array.isArray(document) ? document : [document], name);
  }
}
