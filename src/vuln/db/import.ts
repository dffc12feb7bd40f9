/**
 * `kspm db import PATH...`: each path (file or folder) is one source, named by its absolute path. A file is read as
 * any format kspm knows, a CISA KEV catalogue included; a folder's files as advisories.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseSource, type SourceData } from '../import/formats.js';
import { mergeSameId } from '../import/merge.js';
import { MAX_IMPORT_FILE_BYTES, readAdvisoryPath } from '../import/paths.js';
import type { ImportError } from '../import/result.js';
import type { AdvisoryDb } from './store.js';

export interface SourceOutcome {
  source: string;
  /** Advisories now stored for the source; 0 with `kept` when nothing usable was read. */
  advisories: number;
  /** KEV-listed CVEs now stored for the source, when it is a KEV catalogue. */
  knownExploited?: number;
  errors: ImportError[];
  /** True when nothing could be read and the source's previous records were kept. */
  kept: boolean;
}

export type ProgressListener = (message: string) => void;

export async function importPaths(db: AdvisoryDb, paths: readonly string[], onProgress: ProgressListener = () => {}): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  for (const path of paths) {
    const location = resolve(path);
    onProgress(`reading ${path}`);
    const outcome = storeSource(db, { name: location, kind: 'import', location }, await readPath(path));
    onProgress(`${path}: ${outcome.advisories} advisories, ${outcome.errors.length} errors`);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Replaces the source with what was read, unless nothing usable was read and there were errors: then its previous
 * records are kept.
 */
export function storeSource(db: AdvisoryDb, source: { name: string; kind: string; location: string }, data: SourceData): SourceOutcome {
  const advisories = mergeSameId(data.advisories);
  const { knownExploited, errors } = data;
  if (advisories.length === 0 && knownExploited.length === 0 && errors.length > 0) return { source: source.name, advisories: 0, errors, kept: true };
  db.replaceSource(source, { advisories, knownExploited });
  return { source: source.name, advisories: advisories.length, ...(knownExploited.length > 0 ? { knownExploited: knownExploited.length } : {}), errors, kept: false };
}

async function readPath(path: string): Promise<SourceData> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return unreadable(path, error);
  }
  if (info.isDirectory()) return { ...(await readAdvisoryPath(path)), knownExploited: [] };
  if (info.size > MAX_IMPORT_FILE_BYTES) return { advisories: [], knownExploited: [], errors: [{ file: path, message: `${info.size} bytes is larger than the limit of ${MAX_IMPORT_FILE_BYTES}` }] };
  try {
    return parseSource(await readFile(path), path);
  } catch (error) {
    return unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): SourceData {
  return { advisories: [], knownExploited: [], errors: [{ file: path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
}
