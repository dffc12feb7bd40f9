/**
 * The terminal report of an image scan: per image a header (reference, digest, OS, counts by severity), then the
 * open vulnerabilities worst first in aligned columns, then a short list of suppressed ones and the notes.
 */
import pc from 'picocolors';
import { SEVERITIES, type Severity } from '../vuln/advisory.js';
import type { Vulnerability } from '../vuln/vulnerability.js';
import { suppressionMeaning } from './advisory-links.js';
import type { ImageScanResult } from '../image/model.js';
import { printable } from '../assets/table-layout.js';
import { byWorstFirst, countBySeverity } from './ordering.js';

type Colors = ReturnType<typeof pc.createColors>;

export interface TableOptions {
  /** Colour the severities; callers pass false for NO_COLOR or when the output is not a terminal (see `wantsColor`). */
  color: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function wantsColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  return isTerminal && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

function paint(colors: Colors, severity: Severity): (text: string) => string {
  switch (severity) {
    case 'CRITICAL':
      return (text) => colors.bold(colors.red(text));
    case 'HIGH':
      return colors.red;
    case 'MEDIUM':
      return colors.yellow;
    case 'LOW':
      return colors.blue;
    default:
      return colors.gray;
  }
}


/** `sha256:0123456789ab…` → `0123456789ab`, as docker prints short ids. */
export function shortDigest(digest: string | undefined): string {
  if (!digest) return '-';
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

const HEADINGS = ['ID', 'PACKAGE', 'INSTALLED', 'FIXED', 'SEVERITY', 'LAYER'] as const;

function row(v: Vulnerability): string[] {
  return [v.id, v.package.name, v.installedVersion, v.fixedVersion ?? (v.state === 'affected' ? '-' : v.state.replace(/_/g, ' ')), v.severity, shortDigest(v.package.layer)].map(printable);
}

/** Columns padded to their widest cell; the severity cell is coloured after padding so escapes do not upset widths. */
function table(vulnerabilities: readonly Vulnerability[], colors: Colors): string[] {
  const rows = vulnerabilities.map(row);
  const widths = HEADINGS.map((heading, column) => Math.max(heading.length, ...rows.map((cells) => cells[column]!.length)));
  const line = (cells: readonly string[], severity?: Severity): string =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell.padEnd(widths[column]!);
        return column === 4 && severity ? paint(colors, severity)(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [colors.bold(line(HEADINGS)), ...rows.map((cells, index) => line(cells, vulnerabilities[index]!.severity))];
}

function counts(vulnerabilities: readonly Vulnerability[], colors: Colors): string {
  const bySeverity = countBySeverity(vulnerabilities);
  const parts = SEVERITIES.filter((s) => bySeverity[s] > 0).map((s) => paint(colors, s)(`${s}: ${bySeverity[s]}`));
  return `${vulnerabilities.length}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function imageSection({ inventory, vulnerabilities, notes }: ImageScanResult, colors: Colors): string[] {
  const { image, os } = inventory;
  const open = vulnerabilities.filter((v) => !v.suppressed).sort(byWorstFirst);
  const suppressed = vulnerabilities.filter((v) => v.suppressed).sort(byWorstFirst);
  const lines = [
    colors.bold(`Image: ${printable(image.reference)}`),
    ...(image.manifestDigest ? [`Digest: ${image.manifestDigest}`] : []),
    `OS: ${os ? printable(os.prettyName ?? `${os.id} ${os.versionId ?? ''}`.trim()) : 'unknown'}`,
    `Packages: ${inventory.packages.length}`,
    `Vulnerabilities: ${counts(open, colors)}${suppressed.length > 0 ? `; ${suppressed.length} suppressed` : ''}`,
    '',
  ];
  if (open.length > 0) lines.push(...table(open, colors), '');
  else lines.push('No open vulnerabilities.', '');
  if (suppressed.length > 0) {
    lines.push(colors.bold(`Suppressed (${suppressed.length}):`));
    for (const v of suppressed) lines.push(`  ${printable(`${v.id}  ${v.package.name} ${v.installedVersion}  ${suppressionMeaning(v.suppressed!).detail}`)}`);
    lines.push('');
  }
  const allNotes = [...inventory.notes, ...notes];
  if (allNotes.length > 0) {
    lines.push(colors.bold('Notes:'));
    for (const note of allNotes) lines.push(`  ${printable(note)}`);
    lines.push('');
  }
  return lines;
}

export function imageScanTable(images: readonly ImageScanResult[], options: TableOptions): string {
  const colors = pc.createColors(options.color);
  return images.map((image) => imageSection(image, colors).join('\n')).join('\n');
}
