/**
 * Wraps text at word boundaries to `width` columns; lines after the first start with `indent` spaces. Words longer
 * than a line (paths, image references) are kept whole rather than broken.
 */
export function wrap(text: string, width: number, indent: number, firstLineUsed = indent): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  let used = firstLineUsed;
  for (const paragraph of text.split('\n')) {
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      if (line !== '' && used + 1 + word.length > width) {
        lines.push(line);
        line = '';
        used = indent;
      }
      used += (line === '' ? 0 : 1) + word.length;
      line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
    line = '';
    used = indent;
  }
  return lines.join(`\n${pad}`);
}
