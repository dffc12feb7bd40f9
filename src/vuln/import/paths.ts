/** Files and folders given to `kspm db import`: folders are walked recursively in sorted order, hidden entries skipped. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseAdvisories } from './formats.js';
import type { ImportResult } from './result.js';

export const MAX_IMPORT_FILE_BYTES = 1024 * 1024 * 1024;

/** In folders only these are read (READMEs and licences beside the data are not advisories). */
const ADVISORY_FILE = /\.(json|ya?ml|zip)$/i;

/** One path (file or folder) as one import: every file's advisories and errors together. */
export async function readAdvisoryPath(path: string): Promise<ImportResult> {
  const result: ImportResult = { advisories: [], errors: [] };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return { advisories: [], errors: [{ file: path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  const files = info.isDirectory() ? await advisoryFilesUnder(path) : [path];
  for (const file of files) {
    const one = await readAdvisoryFile(file);
    result.advisories.push(...one.advisories);
    result.errors.push(...one.errors);
  }
  return result;
}

async function readAdvisoryFile(file: string): Promise<ImportResult> {
  try {
    const info = await stat(file);
    if (info.size > MAX_IMPORT_FILE_BYTES) return { advisories: [], errors: [{ file, message: `${info.size} bytes is larger than the limit of ${MAX_IMPORT_FILE_BYTES}` }] };
    return parseAdvisories(await readFile(file), file);
  } catch (error) {
    return { advisories: [], errors: [{ file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
}

async function advisoryFilesUnder(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await advisoryFilesUnder(path)));
    else if (entry.isFile() && (ADVISORY_FILE.test(entry.name) || isDebianListName(path))) files.push(path);
  }
  return files;
}

/** The tracker keeps its lists as `data/DSA/list` and `data/DLA/list`. */
function isDebianListName(path: string): boolean {
  return basename(path) === 'list' && /D[SL]A$/.test(basename(join(path, '..')));
}
