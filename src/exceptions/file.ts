/**
 * The exceptions file (`--exceptions F`, YAML or JSON): a list of entries naming controls, the resources they cover,
 * why, who owns the decision and until when. A broken file stops the scan; a single broken entry is reported and
 * skipped, so one typo does not reopen every other exception.
 */
import { readFile } from 'node:fs/promises';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { InputError } from '../model/resource.js';
import { EXPIRY_FORMAT, expiryEnd } from './expiry.js';
import { ExceptionSet, type FileException } from './set.js';

const ExceptionListSchema = z.strictObject({
  apiVersion: z.literal('kspm.io/v1'),
  kind: z.literal('ExceptionList'),
  exceptions: z.array(z.unknown()),
});

const controlPattern = z.string().regex(/^[^\s,]+$/, 'expected one control id or glob per item (no spaces or commas)');
const fieldPattern = z.string().trim().min(1);

const ResourceSelectorSchema = z
  .strictObject({ kind: fieldPattern.optional(), namespace: z.string().trim().optional(), name: fieldPattern.optional() })
  .refine((selector) => Object.keys(selector).length > 0, 'a resource entry needs kind, namespace or name (omit resources to cover all)');

const EntrySchema = z.strictObject({
  controls: z.array(controlPattern).min(1),
  resources: z.array(ResourceSelectorSchema).min(1).optional(),
  reason: z.string().trim().min(1),
  owner: z.string().trim().min(1),
  expires: z
    .string()
    .trim()
    .refine((text) => expiryEnd(text) !== undefined, `expected ${EXPIRY_FORMAT}`)
    .optional(),
});

export interface LoadedExceptions {
  exceptions: ExceptionSet;
  errors: InputError[];
}

/** One line per problem, as an InputError message is shown on one line. */
function oneLine(error: z.ZodError): string {
  return z.prettifyError(error).replace(/✖ /g, '').replace(/\n\s*→ /g, ' ').replace(/\n/g, '; ');
}

function parse(path: string, text: string): { data: unknown; entryLines: (number | undefined)[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const [problem] = document.errors;
  if (problem) throw new Error(`exceptions file ${path} is not valid YAML or JSON: ${problem.message.split('\n')[0]!.replace(/:$/, '')}`);
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    throw new Error(`exceptions file ${path} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  const entries = document.get('exceptions', true);
  const entryLines = isSeq(entries)
    ? entries.items.map((item) => {
        const offset = (item as { range?: [number, number, number] } | null)?.range?.[0];
        return offset === undefined ? undefined : lineCounter.linePos(offset).line;
      })
    : [];
  return { data, entryLines };
}

export async function loadExceptionsFile(path: string): Promise<LoadedExceptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read exceptions file ${path}: ${(error as Error).message}`);
  }
  const { data, entryLines } = parse(path, text);
  const list = ExceptionListSchema.safeParse(data);
  if (!list.success) throw new Error(`exceptions file ${path} is invalid:\n${z.prettifyError(list.error)}`);

  const entries: FileException[] = [];
  const errors: InputError[] = [];
  list.data.exceptions.forEach((raw, index) => {
    const line = entryLines[index];
    const parsed = EntrySchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({
        file: path,
        ...(line !== undefined ? { line } : {}),
        code: 'invalid-exception',
        message: `exception ${index + 1} is invalid and was skipped: ${oneLine(parsed.error)}`,
      });
      return;
    }
    const { expires, ...entry } = parsed.data;
    entries.push({
      ...entry,
      ...(expires !== undefined ? { expires, end: expiryEnd(expires)! } : {}),
      origin: path,
      ...(line !== undefined ? { line } : {}),
    });
  });
  return { exceptions: new ExceptionSet(entries), errors };
}
