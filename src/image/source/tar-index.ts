/**
 * An index of a tar file's entries (name -> offset and size of the content), built once by reading only the
 * 512-byte headers and seeking over contents, so entries can then be read by range without extracting anything.
 * Understands ustar (with its name prefix), GNU long names and pax `path` / `size` records; symlinks and hardlinks
 * are resolved within the archive.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';

interface IndexedFile {
  kind: 'file';
  offset: number;
  size: number;
}
interface IndexedLink {
  kind: 'symlink' | 'hardlink';
  target: string;
}
type IndexedEntry = IndexedFile | IndexedLink;

const BLOCK = 512;
const MAX_LINK_HOPS = 16;

export class TarIndex {
  private constructor(
    readonly file: string,
    private readonly entries: Map<string, IndexedEntry>,
  ) {}

  static async build(file: string): Promise<TarIndex> {
    const handle = await open(file, 'r');
    try {
      return new TarIndex(file, await readHeaders(handle, file));
    } finally {
      await handle.close();
    }
  }

  /** Entry names, normalised (no leading `./` or `/`). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Where a regular file's content lies, following links; undefined when there is no such file. */
  locate(name: string): { offset: number; size: number } | undefined {
    let path = normaliseName(name);
    for (let hops = 0; hops <= MAX_LINK_HOPS; hops++) {
      const entry = this.entries.get(path);
      if (!entry) return undefined;
      if (entry.kind === 'file') return { offset: entry.offset, size: entry.size };
      path = entry.kind === 'hardlink' ? normaliseName(entry.target) : normaliseName(posix.join(posix.dirname(path), entry.target));
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.locate(name) !== undefined;
  }

  async read(name: string): Promise<Buffer | undefined> {
    const location = this.locate(name);
    if (!location) return undefined;
    const handle = await open(this.file, 'r');
    try {
      const buffer = Buffer.alloc(location.size);
      await readFully(handle, buffer, location.offset, this.file);
      return buffer;
    } finally {
      await handle.close();
    }
  }

  async *stream(name: string): AsyncGenerator<Uint8Array> {
    const location = this.locate(name);
    if (!location) throw new Error(`${this.file}: no entry "${name}"`);
    if (location.size === 0) return;
    yield* createReadStream(this.file, { start: location.offset, end: location.offset + location.size - 1 });
  }
}

function normaliseName(name: string): string {
  const normalised = posix.normalize(name.replace(/^\/+/, '')).replace(/\/+$/, '');
  return normalised === '.' ? '' : normalised;
}

async function readFully(handle: FileHandle, buffer: Buffer, position: number, file: string): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) throw new Error(`${file}: ends inside an entry (truncated archive)`);
    done += bytesRead;
  }
}

async function readHeaders(handle: FileHandle, file: string): Promise<Map<string, IndexedEntry>> {
  const entries = new Map<string, IndexedEntry>();
  const { size: fileSize } = await handle.stat();
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  let longName: string | undefined;
  let pax: Map<string, string> = new Map();
  while (position + BLOCK <= fileSize) {
    await readFully(handle, header, position, file);
    if (header.every((byte) => byte === 0)) break;
    if (!checksumMatches(header)) throw new Error(`${file}: not a tar archive, or damaged at byte ${position} (header checksum mismatch)`);
    const type = String.fromCharCode(header[156] ?? 0);
    const size = pax.has('size') ? Number(pax.get('size')) : numberField(header, 124, 12);
    const contentOffset = position + BLOCK;
    if (contentOffset + size > fileSize) throw new Error(`${file}: ends inside an entry (truncated archive)`);
    position = contentOffset + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'x') {
      const content = Buffer.alloc(size);
      await readFully(handle, content, contentOffset, file);
      if (type === 'L') longName = content.toString('utf8').replace(/\0.*$/s, '');
      else pax = parsePax(content);
      continue;
    }
    if (type === 'g' || type === 'K') continue;
    const name = normaliseName(pax.get('path') ?? longName ?? ustarName(header));
    const linkTarget = pax.get('linkpath') ?? stringField(header, 157, 100);
    longName = undefined;
    pax = new Map();
    if (type === '0' || type === '\0' || type === '7') entries.set(name, { kind: 'file', offset: contentOffset, size });
    else if (type === '2') entries.set(name, { kind: 'symlink', target: linkTarget });
    else if (type === '1') entries.set(name, { kind: 'hardlink', target: linkTarget });
  }
  return entries;
}

function stringField(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** Octal, or GNU base-256 (high bit of the first byte set) for sizes beyond 8 GiB. */
function numberField(header: Buffer, offset: number, length: number): number {
  const field = header.subarray(offset, offset + length);
  if ((field[0] ?? 0) & 0x80) {
    let value = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const text = stringField(header, offset, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function ustarName(header: Buffer): string {
  const name = stringField(header, 0, 100);
  const isUstar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = isUstar ? stringField(header, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function checksumMatches(header: Buffer): boolean {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
  return sum === numberField(header, 148, 8);
}

/** Pax records: `<length> <key>=<value>\n`, the length counting the whole record. */
function parsePax(content: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(content.subarray(offset, space).toString('latin1'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = content.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}
