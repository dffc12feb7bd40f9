/** How sources name standard input (`kspm scan -`). */
const STDIN_NAMES: ReadonlySet<string> = new Set(['-', '<stdin>']);

export function isStdin(file: string): boolean {
  return STDIN_NAMES.has(file);
}

/** A 1-based line or column number, or undefined when the source gave none (0, missing or not a number). */
export function oneBased(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** `file:line`, as editors and terminals link it; `<stdin>` for standard input. */
export function formatSource(source: { file: string; line?: number }): string {
  const file = isStdin(source.file) ? '<stdin>' : source.file || '<unknown>';
  const line = oneBased(source.line);
  return line === undefined ? file : `${file}:${line}`;
}

