/**
 * Locates the shared reference data (../shared beside the checkout, or KSPM_SHARED_DIR). Tests that need it skip with
 * a loud message when it is absent, as on a user's clone.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SHARED_DIR = process.env.KSPM_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');

/** The path of a folder under shared/data, or undefined (after a warning) when it is not there. */
export function sharedData(folder: string): string | undefined {
  const path = join(SHARED_DIR, 'data', folder);
  if (existsSync(path)) return path;
  process.stderr.write(`\n!!! SKIPPING: shared test data ${path} is absent (set KSPM_SHARED_DIR to its location) !!!\n\n`);
  return undefined;
}

export function sharedSchema(file: string): string | undefined {
  const path = join(SHARED_DIR, 'schemas', file);
  if (existsSync(path)) return path;
  process.stderr.write(`\n!!! SKIPPING: shared schema ${path} is absent (set KSPM_SHARED_DIR to its location) !!!\n\n`);
  return undefined;
}

export const REPO_ROOT = repoRoot;
