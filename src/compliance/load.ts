/**
 * Framework files: the ones kspm ships under `frameworks/` at the package root, and a user's own (`--framework-file`).
 * A file that does not hold together is an error naming the file and the control, never a half-loaded framework.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { isKnownCheck } from './check-ids.js';
import { FrameworkSchema } from './schema.js';
import type { FrameworkDefinition } from './types.js';

export interface FrameworkLoadError {
  file: string;
  /** The framework control the problem is in, when it is in one. */
  control?: string;
  message: string;
}

export type FrameworkOutcome = { framework: FrameworkDefinition; errors?: never } | { framework?: never; errors: FrameworkLoadError[] };

/** `frameworks/` beside `src/` and `dist/`: this module is two folders below the package root either way. */
export function builtInFrameworksDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'frameworks');
}

export function formatLoadError(error: FrameworkLoadError): string {
  return `${error.file}: ${error.control !== undefined ? `control ${error.control}: ` : ''}${error.message}`;
}

/** Validates a framework file's text: its shape, then what the shape cannot say (unique ids, checks that exist). */
export function parseFramework(text: string, file: string): FrameworkOutcome {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    return { errors: [{ file, message: `not valid YAML${line}: ${(error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` }] };
  }
  const parsed = FrameworkSchema.safeParse(data);
  if (!parsed.success) return { errors: parsed.error.issues.map((issue) => shapeError(file, issue, data)) };
  const framework: FrameworkDefinition = parsed.data;
  const errors = meaningErrors(framework, file);
  return errors.length > 0 ? { errors } : { framework };
}

function shapeError(file: string, issue: z.core.$ZodIssue, data: unknown): FrameworkLoadError {
  const [head, index, ...rest] = issue.path;
  if (head === 'controls' && typeof index === 'number') {
    const id = (data as { controls?: { id?: unknown }[] }).controls?.[index]?.id;
    const control = typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index + 1}`;
    return { file, control, message: rest.length > 0 ? `${rest.join('.')}: ${issue.message}` : issue.message };
  }
  return { file, message: issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message };
}

function meaningErrors(framework: FrameworkDefinition, file: string): FrameworkLoadError[] {
  const errors: FrameworkLoadError[] = [];
  const seen = new Set<string>();
  for (const control of framework.controls) {
    if (seen.has(control.id)) errors.push({ file, control: control.id, message: 'id used by more than one control' });
    seen.add(control.id);
    if (!control.checks && !control.manual) errors.push({ file, control: control.id, message: 'needs checks (kspm check ids) or manual (reason and audit)' });
    for (const check of control.checks ?? []) {
      if (!isKnownCheck(check)) errors.push({ file, control: control.id, message: `check "${check}" is neither a kspm control (see kspm controls) nor a node check (node-cis-<CIS id>)` });
    }
    if (new Set(control.checks).size !== (control.checks?.length ?? 0)) errors.push({ file, control: control.id, message: 'a check is listed twice' });
  }
  return errors;
}

export async function loadFrameworkFile(file: string): Promise<FrameworkOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { errors: [{ file, message: `cannot read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}` }] };
  }
  return parseFramework(text, file);
}

export interface FrameworkCatalogue {
  frameworks: FrameworkDefinition[];
  errors: FrameworkLoadError[];
}

/** Every `*.yaml` of the folder, sorted by id; each file's id must be its name, and no id may be used twice. */
export async function loadFrameworkDir(dir = builtInFrameworksDir()): Promise<FrameworkCatalogue> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    return { frameworks: [], errors: [{ file: dir, message: `cannot read the frameworks folder: ${(error as Error).message}` }] };
  }
  const catalogue: FrameworkCatalogue = { frameworks: [], errors: [] };
  for (const name of names) {
    const file = join(dir, name);
    const outcome = await loadFrameworkFile(file);
    if (outcome.errors) {
      catalogue.errors.push(...outcome.errors);
      continue;
    }
    const expected = basename(name, '.yaml');
    if (outcome.framework.id !== expected) {
      catalogue.errors.push({ file, message: `id "${outcome.framework.id}" differs from the file name (expected "${expected}")` });
      continue;
    }
    catalogue.frameworks.push(outcome.framework);
  }
  catalogue.frameworks.sort((a, b) => a.id.localeCompare(b.id));
  return catalogue;
}
