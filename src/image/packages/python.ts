/**
 * Installed Python distributions: the core metadata file of each (`<name>-<version>.dist-info/METADATA` for wheels,
 * `<name>.egg-info/PKG-INFO` or a single-file `<name>.egg-info` for eggs), whose Name and Version headers say what is
 * installed. Names are normalised as PyPI compares them (PEP 503), so advisories match whatever case or separator the
 * metadata uses.
 */
import type { InstalledPackage } from './model.js';

/** Whether a path (relative to the root) is a Python core metadata file. */
export function isPythonMetadata(path: string): boolean {
  return /\.dist-info\/METADATA$/.test(path) || /\.egg-info\/PKG-INFO$/.test(path) || /\.egg-info$/.test(path);
}

/** PEP 503: lowercase, runs of `-`, `_` and `.` become one `-`. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The headers before the first blank line (the rest is the description). */
function headers(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0 || line[0] === ' ' || line[0] === '\t') continue;
    const key = line.slice(0, colon).toLowerCase();
    if (!fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
  }
  return fields;
}

export function parsePythonMetadata(text: string, path: string): InstalledPackage[] {
  const fields = headers(text);
  const name = fields.get('name');
  const version = fields.get('version');
  if (!name || !version) return [];
  const normalised = normalisePythonName(name);
  return [{ ecosystem: 'PyPI', name: normalised, version, path, purl: `pkg:pypi/${encodeURIComponent(normalised)}@${encodeURIComponent(version)}` }];
}
