/**
 * The baseline run (baseline-parse.mjs in a child process) and what it counted. Files js-yaml rejects are recounted
 * here, outside the timed run, with duplicate keys allowed (last one wins, as several YAML readers do), so the report
 * check knows the object count either way a scanner may treat them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { runNode, type ChildRun } from './child.js';
import { objectsOf } from './objects.mjs';

const BASELINE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'baseline-parse.mjs');

export interface BaselineCounts {
  files: number;
  bytes: number;
  documents: number;
  /** Objects in the files js-yaml accepts. */
  objects: number;
  /** Files js-yaml rejects, as paths relative to the folder the baseline ran in (absolute when the folder was). */
  rejected: string[];
}

export interface Baseline {
  run: ChildRun;
  counts: BaselineCounts;
  /** Objects in the rejected files when duplicate keys are tolerated. */
  objectsInRejected: number;
}

function isCounts(value: unknown): value is BaselineCounts {
  if (typeof value !== 'object' || value === null) return false;
  const counts = value as Record<string, unknown>;
  return ['files', 'bytes', 'documents', 'objects'].every((key) => typeof counts[key] === 'number') && Array.isArray(counts.rejected);
}

async function lenientObjects(files: readonly string[], cwd: string): Promise<number> {
  let objects = 0;
  for (const file of files) {
    try {
      for (const document of loadAll(await readFile(resolve(cwd, file), 'utf8'), null, { json: true })) objects += objectsOf(document);
    } catch {
      // Not a duplicate-key problem: no reader would take this file.
    }
  }
  return objects;
}

/** Times a bare parse of every manifest under `folder` (relative to `cwd`). */
export async function runBaseline(folder: string, cwd: string): Promise<Baseline> {
  const run = await runNode([BASELINE_SCRIPT, folder], cwd);
  let counts: unknown;
  try {
    counts = JSON.parse(run.stdout);
  } catch {
    counts = undefined;
  }
  if (run.status !== 0 || !isCounts(counts)) throw new Error(`baseline parse failed (exit ${run.status ?? run.signal}):\n${run.stderr || run.stdout}`);
  return { run, counts, objectsInRejected: await lenientObjects(counts.rejected, cwd) };
}
