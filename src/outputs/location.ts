/** How sources name standard input (`kspm scan -`). */
const STDIN_NAMES: ReadonlySet<string> = new Set(['-', '<stdin>']);

export function isStdin(file: string): boolean {
  return STDIN_NAMES.has(file);
}

/** A line number fit to print or to use as a 1-based region start, or undefined when the source gave none. */
export function knownLine(line: unknown): number | undefined {
  return typeof line === 'number' && Number.isInteger(line) && line >= 1 ? line : undefined;
}

/** `file:line`, as editors and terminals link it; `<stdin>` for standard input. */
export function formatSource(source: { file: string; line?: number }): string {
  const file = isStdin(source.file) ? '<stdin>' : source.file || '<unknown>';
  const line = knownLine(source.line);
  return line === undefined ? file : `${file}:${line}`;
}

