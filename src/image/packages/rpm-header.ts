/**
 * An rpm header as the rpm database stores it (rpm's lib/header.c): big-endian `il` (index entries) and `dl` (data
 * bytes), then `il` 16-byte entries `{tag, type, offset, count}`, then the data store. The first entry of an
 * installed header is the immutable region (tag 63, binary, 16 bytes) whose trailer in the data store repeats the
 * tag and gives the region's size as a negative offset; rpm refuses a header whose region does not verify, so do we.
 */

export interface RpmHeaderFields {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  sourceRpm?: string;
  vendor?: string;
  license?: string;
  modularityLabel?: string;
}

const TAG = {
  headerImage: 61,
  headerSignatures: 62,
  headerImmutable: 63,
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  vendor: 1011,
  license: 1014,
  arch: 1022,
  sourceRpm: 1044,
  modularityLabel: 5096,
} as const;

const TYPE = { int32: 4, string: 6, binary: 7, stringArray: 8, i18nString: 9 } as const;
const ENTRY_SIZE = 16;
const MAX_HEADER_BYTES = 256 * 1024 * 1024;

interface Entry {
  tag: number;
  type: number;
  offset: number;
  count: number;
}

function entryAt(blob: Buffer, at: number): Entry {
  return { tag: blob.readInt32BE(at), type: blob.readUInt32BE(at + 4), offset: blob.readInt32BE(at + 8), count: blob.readUInt32BE(at + 12) };
}

/** Checks the immutable region: the entry's type and size, and a trailer of the same tag pointing back over the region. */
function verifyRegion(blob: Buffer, entries: Entry[], dataStart: number, dataLength: number): string | undefined {
  const first = entries[0]!;
  if (first.tag !== TAG.headerImage && first.tag !== TAG.headerSignatures && first.tag !== TAG.headerImmutable) return undefined;
  if (first.type !== TYPE.binary || first.count !== ENTRY_SIZE) return `region tag ${first.tag} has type ${first.type} and count ${first.count}`;
  if (first.offset < 0 || first.offset + ENTRY_SIZE > dataLength) return `region tag ${first.tag} points outside the data (offset ${first.offset})`;
  const trailer = entryAt(blob, dataStart + first.offset);
  // Old packages carry HEADERIMAGE in the trailer of a signature region; rpm accepts that.
  const trailerTag = first.tag === TAG.headerSignatures && trailer.tag === TAG.headerImage ? TAG.headerSignatures : trailer.tag;
  if (trailerTag !== first.tag || trailer.type !== TYPE.binary || trailer.count !== ENTRY_SIZE) return `region trailer does not match region tag ${first.tag}`;
  const regionEntries = -trailer.offset / ENTRY_SIZE;
  if (trailer.offset > 0 || -trailer.offset % ENTRY_SIZE !== 0 || regionEntries > entries.length) return `region trailer gives an impossible size (${trailer.offset})`;
  return undefined;
}

/** Every string of a string, string-array or i18n-string entry, each NUL-terminated inside the data store. */
function stringsOf(blob: Buffer, entry: Entry, dataStart: number, dataEnd: number): string[] | undefined {
  const out: string[] = [];
  let at = dataStart + entry.offset;
  for (let index = 0; index < entry.count; index++) {
    const end = blob.indexOf(0, at);
    if (end < 0 || end >= dataEnd) return undefined;
    out.push(blob.subarray(at, end).toString('utf8'));
    at = end + 1;
  }
  return out;
}

function readEntries(blob: Buffer): { entries: Entry[]; dataStart: number; dataEnd: number } | string {
  if (blob.length < 8) return `header of ${blob.length} bytes is shorter than its 8-byte preamble`;
  const indexLength = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const dataStart = 8 + indexLength * ENTRY_SIZE;
  const dataEnd = dataStart + dataLength;
  if (indexLength < 1) return 'header has no index entries';
  if (dataEnd >= MAX_HEADER_BYTES) return `header claims ${dataEnd} bytes, more than rpm allows`;
  if (dataEnd > blob.length) return `header claims ${dataEnd} bytes but the blob has ${blob.length}`;
  const entries = Array.from({ length: indexLength }, (_, index) => entryAt(blob, 8 + index * ENTRY_SIZE));
  const regionProblem = verifyRegion(blob, entries, dataStart, dataLength);
  if (regionProblem) return regionProblem;
  return { entries, dataStart, dataEnd };
}

/** The fields kspm needs from one header blob, or what is wrong with it. `(none)` values count as absent, as in rpm. */
export function parseRpmHeader(blob: Buffer): RpmHeaderFields | string {
  const read = readEntries(blob);
  if (typeof read === 'string') return read;
  const { entries, dataStart, dataEnd } = read;
  // Entries after the region (the "dribble", written after install) replace the region's values of the same tag.
  const byTag = new Map(entries.map((entry) => [entry.tag, entry]));
  const text = (tag: number): string | undefined => {
    const entry = byTag.get(tag);
    if (!entry || (entry.type !== TYPE.string && entry.type !== TYPE.i18nString && entry.type !== TYPE.stringArray)) return undefined;
    if (entry.offset < 0) return undefined;
    const value = stringsOf(blob, entry, dataStart, dataEnd)?.[0];
    return value === undefined || value === '(none)' ? undefined : value;
  };
  const int32 = (tag: number): number | undefined => {
    const entry = byTag.get(tag);
    if (!entry || entry.type !== TYPE.int32 || entry.count < 1 || entry.offset < 0 || dataStart + entry.offset + 4 > dataEnd) return undefined;
    return blob.readInt32BE(dataStart + entry.offset);
  };
  const name = text(TAG.name);
  const version = text(TAG.version);
  const release = text(TAG.release);
  if (!name || version === undefined || release === undefined) return `header lacks ${!name ? 'NAME' : version === undefined ? 'VERSION' : 'RELEASE'}`;
  const fields: RpmHeaderFields = { name, version, release };
  const epoch = int32(TAG.epoch);
  if (epoch !== undefined) fields.epoch = epoch;
  const optionalText = { arch: TAG.arch, sourceRpm: TAG.sourceRpm, vendor: TAG.vendor, license: TAG.license, modularityLabel: TAG.modularityLabel } as const;
  for (const [key, tag] of Object.entries(optionalText) as [keyof typeof optionalText, number][]) {
    const value = text(tag);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}
