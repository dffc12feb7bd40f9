/** Reads the JSON `kspm node -o json` writes: its check results, one per check and node. */
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


/** Parses one file's text; throws an error naming the file and the first entries that do not fit. */
export function parseNodeResults(text: string, file: string): NodeCheckResult[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`node results ${file} are not JSON: ${(error as Error).message}`);
  }
  // A bare list of results, or a report object that holds them under `results`.
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? (data as { results?: unknown }).results : undefined;
  if (!Array.isArray(list)) throw new Error(`node results ${file} are not a kspm node report (expected its -o json output: a list of results, or an object with results)`);
  const parsed = z.array(ResultSchema).safeParse(list);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(({ path: [index, ...field], message }) => `result #${Number(index) + 1}${field.length > 0 ? ` ${field.join('.')}` : ''}: ${message}`);
    throw new Error(`node results ${file} hold entries that are not check results: ${issues.join('; ')}`);
  }
  return parsed.data.map(({ found, location, ...rest }) => ({ ...rest, ...(found !== undefined ? { found } : {}), ...(location !== undefined ? { location } : {}) }));
}

export async function readNodeResults(files: readonly string[]): Promise<NodeCheckResult[]> {
  const all: NodeCheckResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read node results ${file}: ${(error as Error).message}`);
    }
    all.push(...parseNodeResults(text, file));
  }
  return all;
}
