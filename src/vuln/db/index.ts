/** The local advisory database, as the CLI uses it. */
export { AdvisoryDb, openAdvisoryDb, SCHEMA_VERSION, type DbStatus, type OpenOptions, type SourceContent, type SourceInfo, type SourceRecord } from './store.js';
export { defaultDbPath } from './path.js';
export { importPaths, type ProgressListener, type SourceOutcome } from './import.js';
export type { KnownExploited } from '../import/kev.js';
export { parseUpdateConfig, updateDb, updateSources, DEFAULT_ALPINE_BRANCHES, DEFAULT_KEV_URL, DEFAULT_OSV_ECOSYSTEMS, type UpdateConfig, type UpdateOptions, type UpdateSource } from './update.js';
export { formatImportError, type ImportError } from '../import/result.js';

import type { AdvisoryDb, DbStatus } from './store.js';

export function dbStatus(db: AdvisoryDb, now?: Date): DbStatus {
  return db.status(now);
}
