/**
 * Go modules compiled into a binary, from the build information the Go linker embeds (what `go version -m` prints):
 * a 32-byte header starting `\xff Go buildinf:`, 16-byte aligned, then, since Go 1.18, two length-prefixed strings:
 * the Go version and the module information (`path`, `mod`, `dep` and `=>` replacement lines between two 16-byte
 * sentinels). Binaries built before Go 1.18 point at these strings instead, and are reported as not readable.
 */
import type { InstalledPackage } from './model.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_SIZE = 32;
const INLINE_STRINGS = 0x2;
const SENTINEL = 16;

export interface GoBuildInfo {
  goVersion: string;
  /** The main package's path (`path` line). */
  path?: string;
  main?: { path: string; version: string };
  deps: { path: string; version: string }[];
}

export type GoBinaryResult = { type: 'go'; info: GoBuildInfo } | { type: 'not-go' } | { type: 'unreadable'; reason: string };

function varint(data: Buffer, offset: number): { value: number; next: number } | undefined {
  let value = 0;
  let shift = 0;
  for (let index = offset; index < data.length && shift < 35; index++) {
    const byte = data[index]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: index + 1 };
    shift += 7;
  }
  return undefined;
}

function inlineString(data: Buffer, offset: number): { text: string; next: number } | undefined {
  const length = varint(data, offset);
  if (!length || length.next + length.value > data.length) return undefined;
  return { text: data.subarray(length.next, length.next + length.value).toString('utf8'), next: length.next + length.value };
}

function findHeader(data: Buffer): number {
  for (let at = data.indexOf(MAGIC); at >= 0; at = data.indexOf(MAGIC, at + 1)) if (at % 16 === 0) return at;
  return -1;
}

export function readGoBuildInfo(data: Buffer): GoBinaryResult {
  const header = findHeader(data);
  if (header < 0) return { type: 'not-go' };
  const flags = data[header + 15] ?? 0;
  if ((flags & INLINE_STRINGS) === 0) return { type: 'unreadable', reason: 'built before Go 1.18, whose build information kspm does not read' };
  const version = inlineString(data, header + HEADER_SIZE);
  const modules = version ? inlineString(data, version.next) : undefined;
  if (!version || !modules) return { type: 'unreadable', reason: 'its build information is truncated' };
  const text = modules.text.length >= 2 * SENTINEL ? modules.text.slice(SENTINEL, -SENTINEL) : '';
  const info: GoBuildInfo = { goVersion: version.text, deps: [] };
  let last: { path: string; version: string } | undefined;
  for (const line of text.split('\n')) {
    const [kind, first = '', second = ''] = line.split('\t');
    if (kind === 'path') info.path = first;
    else if (kind === 'mod') info.main = last = { path: first, version: second };
    else if (kind === 'dep') info.deps.push((last = { path: first, version: second }));
    // A replacement applies to the line above it: that module's code came from here, at this version.
    else if (kind === '=>' && last) Object.assign(last, { path: first, version: second || last.version });
  }
  return { type: 'go', info };
}

/** The Go toolchain (stdlib) and every module of a Go binary, as packages. `(devel)` main modules carry no version. */
export function goBinaryPackages(info: GoBuildInfo, path: string): InstalledPackage[] {
  const modules = [...(info.main && info.main.version !== '(devel)' ? [info.main] : []), ...info.deps];
  const stdlib = info.goVersion.replace(/^go/, '').split(' ')[0]!;
  return [
    { ecosystem: 'Go', name: 'stdlib', version: stdlib, path, purl: `pkg:golang/stdlib@${encodeURIComponent(stdlib)}` },
    ...modules.filter((module) => module.path !== '' && module.version !== '').map((module) => ({
      ecosystem: 'Go',
      name: module.path,
      version: module.version,
      path,
      purl: `pkg:golang/${module.path.split('/').map(encodeURIComponent).join('/')}@${encodeURIComponent(module.version)}`,
    })),
  ];
}
