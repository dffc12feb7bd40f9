import type { SourceLocation } from '../model/resource.js';

/** How sources name standard input (`kspm scan -`). */
const STDIN_NAMES: ReadonlySet<string> = new Set(['-', '<stdin>']);

export function isStdin(file: string): boolean {
  return STDIN_NAMES.has(file);
}

/** A 1-based line or column number, or undefined when the source gave none (0, missing or not a number). */
export function oneBased(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * `file:line`, as editors and terminals link it; `<stdin>` for standard input; `context:/api/path` for an object read
 * from a cluster.
 */
export function formatSource(source: SourceLocation | { file: string; line?: number; cluster?: string }): string {
  if ('apiPath' in source) return `${source.cluster}:${source.apiPath}`;
  if ('cluster' in source && source.cluster !== undefined) return source.file ? `${source.cluster}:${source.file}` : source.cluster;
  const file = isStdin(source.file) ? '<stdin>' : source.file || '<unknown>';
  const line = oneBased(source.line);
  return line === undefined ? file : `${file}:${line}`;
}

