/**
 * Reads the JSON `kspm node -o json` writes (`{schemaVersion: 1, node, platform, results, errors}`), or a bare list
 * of its results: one result per check and node.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { NodeCheckResult } from './types.js';

const ResultSchema = z.object({
  checkId: z.string().min(1),
  node: z.string().min(1),
  status: z.enum(['pass', 'fail', 'not-applicable']),
  found: z.unknown().optional(),
  expected: z.string(),
  location: z.string().optional(),
  message: z.string(),
});

const SUPPORTED_SCHEMA = 1;

export interface NodeResults {
  results: NodeCheckResult[];
  /** What the node run could not read, as it reported it. */
  errors: string[];
}

/** Parses one file's text; throws an error naming the file and the first entries that do not fit. */
export function parseNodeResults(text: string, file: string): NodeResults {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`node results ${file} are not JSON: ${(error as Error).message}`);
  }
  const report = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { schemaVersion?: unknown; results?: unknown; errors?: unknown }) : undefined;
  if (report?.schemaVersion !== undefined && report.schemaVersion !== SUPPORTED_SCHEMA) {
    throw new Error(`node results ${file} have schemaVersion ${JSON.stringify(report.schemaVersion)}; this kspm reads ${SUPPORTED_SCHEMA}`);
  }
  const list = Array.isArray(data) ? data : report?.results;
  if (!Array.isArray(list)) throw new Error(`node results ${file} are not a kspm node report (expected its -o json output: an object with results, or a list of results)`);
  const parsed = z.array(ResultSchema).safeParse(list);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(({ path: [index, ...field], message }) => `result #${Number(index) + 1}${field.length > 0 ? ` ${field.join('.')}` : ''}: ${message}`);
    throw new Error(`node results ${file} hold entries that are not check results: ${issues.join('; ')}`);
  }
  const results = parsed.data.map(({ found, location, ...rest }) => ({ ...rest, ...(found !== undefined ? { found } : {}), ...(location !== undefined ? { location } : {}) }));
  const errors = Array.isArray(report?.errors) ? report.errors.filter((error): error is string => typeof error === 'string') : [];
  return { results, errors };
}

export async function readNodeResults(files: readonly string[]): Promise<NodeResults> {
  const all: NodeResults = { results: [], errors: [] };
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read node results ${file}: ${(error as Error).message}`);
    }
    const one = parseNodeResults(text, file);
    all.results.push(...one.results);
    all.errors.push(...one.errors.map((error) => `${file}: ${error}`));
  }
  return all;
}
