/** `kspm db import PATH...`: each path (file or folder) is one source, named by its absolute path. */
import { resolve } from 'node:path';
import { mergeSameId } from '../import/merge.js';
import { readAdvisoryPath } from '../import/paths.js';
import type { ImportError } from '../import/result.js';
import type { AdvisoryDb } from './store.js';

export interface SourceOutcome {
  source: string;
  /** Advisories now stored for the source; 0 with `kept` when nothing usable was read. */
  advisories: number;
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
    const result = await readAdvisoryPath(path);
    const advisories = mergeSameId(result.advisories);
    if (advisories.length === 0 && result.errors.length > 0) {
      outcomes.push({ source: location, advisories: 0, errors: result.errors, kept: true });
      continue;
    }
    db.replaceSource({ name: location, kind: 'import', location }, advisories);
    onProgress(`${path}: ${advisories.length} advisories, ${result.errors.length} errors`);
    outcomes.push({ source: location, advisories: advisories.length, errors: result.errors, kept: false });
  }
  return outcomes;
}
