/**
 * Aligned text tables for a terminal. Columns take their natural width; when the table is wider than the screen,
 * columns give way in turn (first the free-text ones, then any column down to its longest word, then further) and
 * their cells wrap, so every row stays aligned at any width.
 */
export type Paint = (text: string) => string;

export interface Column {
  header: string;
  /** Right-aligned, for counts. */
  numeric?: boolean;
  /** Free text or a list (images, workloads): the first to wrap when the table is too wide. */
  flexible?: boolean;
}

/** A cell's text; a list puts each entry on a line of its own. */
export type CellText = string | readonly string[];

export type Cell = CellText | { text: CellText; paint: Paint };

const INDENT = '  ';
const GAP = 2;
/** A flexible column keeps this width before the others give way, then gives way down to the second. */
const FLEXIBLE_KEEP = 30;
const FLEXIBLE_MIN = 16;
/** No column is squeezed below this (or its natural width, when smaller). */
const MIN_COLUMN = 8;
/** Characters after which a word too long for its column is best broken: `ghcr.io/acme/` `web:2.4.1`. */
const BREAK_AFTER = new Set(['/', '.', '-', ':', '@', '_', ',', '=']);

/**
 * Object-supplied text must not reach a terminal with control characters (escape sequences could rewrite the
 * screen) or invisible direction overrides (which reorder what is shown); line breaks and tabs become spaces.
 */
export function printable(text: string): string {
  return text
    .replace(/[\t\n\r\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '');
}

/** Splits a word longer than `width` after a separator when one falls in the second half of the line, else at `width`. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > width) {
    let cut = width;
    for (let at = width; at > width / 2; at -= 1) {
      if (BREAK_AFTER.has(rest[at - 1]!)) {
        cut = at;
        break;
      }
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = breakWord(word, width);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1]!;
  }
  lines.push(line);
  return lines;
}

/** Narrows the widest column that may still give way, one character at a time, until the table fits or none may. */
function shrink(widths: number[], floors: readonly number[], available: number): void {
  let total = widths.reduce((sum, width) => sum + width, 0);
  while (total > available) {
    let widest = -1;
    widths.forEach((width, index) => {
      if (width > floors[index]! && (widest < 0 || width > widths[widest]!)) widest = index;
    });
    if (widest < 0) return;
    widths[widest]! -= 1;
    total -= 1;
  }
}

function longestWord(texts: readonly string[]): number {
  let longest = 0;
  for (const text of texts) for (const word of text.split(' ')) longest = Math.max(longest, word.length);
  return longest;
}

interface PreparedCell {
  lines: string[];
  paint?: Paint;
}

function linesOf(text: CellText): string[] {
  const lines = typeof text === 'string' ? [text] : [...text];
  return lines.length > 0 ? lines.map(printable) : [''];
}

function prepare(cell: Cell | undefined): PreparedCell {
  if (cell === undefined) return { lines: [''] };
  if (typeof cell === 'object' && 'paint' in cell) return { lines: linesOf(cell.text), paint: cell.paint };
  return { lines: linesOf(cell) };
}

export function layoutTable(columns: readonly Column[], rows: readonly (readonly Cell[])[], width: number, header: Paint): string {
  const cells = rows.map((row) => columns.map((_, index) => prepare(row[index])));
  const texts = (index: number) => [columns[index]!.header, ...cells.flatMap((row) => row[index]!.lines)];
  const widths = columns.map((_, index) => texts(index).reduce((widest, text) => Math.max(widest, text.length), 0));
  const natural = [...widths];
  const available = width - INDENT.length - GAP * (columns.length - 1);
  const flexibleFloor = (floor: number) => columns.map((column, index) => (column.flexible ? Math.min(natural[index]!, floor) : widths[index]!));
  shrink(widths, flexibleFloor(FLEXIBLE_KEEP), available);
  shrink(widths, columns.map((column, index) => (column.flexible ? widths[index]! : Math.min(natural[index]!, Math.max(MIN_COLUMN, longestWord(texts(index)))))), available);
  shrink(widths, flexibleFloor(FLEXIBLE_MIN), available);
  shrink(widths, natural.map((value) => Math.min(value, MIN_COLUMN)), available);
  const render = (row: readonly PreparedCell[]): string => {
    const wrapped = row.map((cell, index) => cell.lines.flatMap((line) => wrapCell(line, widths[index]!)));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    const out: string[] = [];
    for (let line = 0; line < height; line += 1) {
      const parts = row.map((cell, index) => {
        const text = wrapped[index]![line] ?? '';
        const padding = ' '.repeat(widths[index]! - text.length);
        const shown = cell.paint && text !== '' ? cell.paint(text) : text;
        return columns[index]!.numeric ? `${padding}${shown}` : `${shown}${padding}`;
      });
      out.push(`${INDENT}${parts.join(' '.repeat(GAP))}`.trimEnd());
    }
    return out.join('\n');
  };
  const head = render(columns.map((column) => ({ lines: [column.header], paint: header })));
  return [head, ...cells.map(render)].join('\n') + '\n';
}
