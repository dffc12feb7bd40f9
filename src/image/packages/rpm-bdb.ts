/**
 * The Berkeley DB rpm database (`Packages`, RHEL 8 and older, CentOS, Amazon Linux 2): a hash database whose keys are
 * header instance numbers and whose values are header blobs. Only pages are read (Berkeley DB's db_page.h layout):
 * a metadata page (magic 0x061561, page size, last page number), hash pages (type 13, or 2 when unsorted) of
 * 2-byte item offsets in key/value pairs, values stored in place (H_KEYDATA) or in a chain of overflow pages
 * (H_OFFPAGE: first page and total length; each overflow page holds its own length in its free-offset field).
 */

const HASH_MAGIC = 0x061561;
const PAGE_HEADER_SIZE = 26;
const PAGE_TYPE = { hashUnsorted: 2, overflow: 7, hashMeta: 8, hash: 13 } as const;
const ITEM_TYPE = { keyData: 1, offPage: 3 } as const;
const VALID_PAGE_SIZES = new Set([512, 1024, 2048, 4096, 8192, 16384, 32768, 65536]);

interface Reader {
  u16(at: number): number;
  u32(at: number): number;
}

/** A Berkeley DB file records its byte order in its magic: swapped files were written on the other endianness. */
function readerFor(content: Buffer): Reader | undefined {
  if (content.length < 512) return undefined;
  if (content.readUInt32LE(12) === HASH_MAGIC) return { u16: (at) => content.readUInt16LE(at), u32: (at) => content.readUInt32LE(at) };
  if (content.readUInt32BE(12) === HASH_MAGIC) return { u16: (at) => content.readUInt16BE(at), u32: (at) => content.readUInt32BE(at) };
  return undefined;
}

export function isBerkeleyHashDatabase(content: Buffer): boolean {
  return readerFor(content) !== undefined;
}

function overflowValue(content: Buffer, read: Reader, pageSize: number, firstPage: number, totalLength: number): Buffer | string {
  const parts: Buffer[] = [];
  let collected = 0;
  const seen = new Set<number>();
  for (let page = firstPage; page !== 0 && collected < totalLength; ) {
    if (seen.has(page)) return `overflow chain loops at page ${page}`;
    seen.add(page);
    const start = page * pageSize;
    if (start + pageSize > content.length) return `overflow page ${page} lies past the end of the file`;
    if (content[start + 25] !== PAGE_TYPE.overflow) return `page ${page} should be an overflow page but has type ${content[start + 25]}`;
    const length = Math.min(read.u16(start + 22), pageSize - PAGE_HEADER_SIZE);
    parts.push(content.subarray(start + PAGE_HEADER_SIZE, start + PAGE_HEADER_SIZE + length));
    collected += length;
    page = read.u32(start + 16);
  }
  if (collected < totalLength) return `overflow chain from page ${firstPage} holds ${collected} of ${totalLength} bytes`;
  return Buffer.concat(parts).subarray(0, totalLength);
}

/** The header blobs of a Berkeley DB `Packages` file, or what is wrong with it. */
export function readBerkeleyRpmBlobs(content: Buffer): Buffer[] | string {
  const read = readerFor(content);
  if (!read) return 'not a Berkeley DB hash database (no 0x061561 magic)';
  const pageSize = read.u32(20);
  if (!VALID_PAGE_SIZES.has(pageSize)) return `Berkeley DB page size ${pageSize} is not valid`;
  if (content[24] !== 0) return 'Berkeley DB is encrypted';
  if (content[25] !== PAGE_TYPE.hashMeta) return `Berkeley DB metadata page has type ${content[25]}, not hash metadata`;
  const lastPage = Math.min(read.u32(32), Math.floor(content.length / pageSize) - 1);
  const blobs: Buffer[] = [];
  for (let page = 1; page <= lastPage; page++) {
    const start = page * pageSize;
    const type = content[start + 25];
    if (type !== PAGE_TYPE.hash && type !== PAGE_TYPE.hashUnsorted) continue;
    const entries = read.u16(start + 20);
    if (entries % 2 !== 0) return `hash page ${page} has an odd number of items (${entries})`;
    if (PAGE_HEADER_SIZE + entries * 2 > pageSize) return `hash page ${page} claims ${entries} items, more than fit`;
    const offsets = Array.from({ length: entries }, (_, index) => read.u16(start + PAGE_HEADER_SIZE + index * 2));
    for (let index = 1; index < entries; index += 2) {
      const keyAt = offsets[index - 1]!;
      const valueAt = offsets[index]!;
      // An item ends where the item before it in the index begins (items are packed from the page's end).
      const valueEnd = keyAt;
      if (valueAt >= pageSize || keyAt > pageSize || valueAt >= valueEnd) return `hash page ${page} has an item outside the page`;
      // Key 0 holds rpm's instance counter, not a header.
      if (content[start + keyAt] === ITEM_TYPE.keyData && keyAt + 5 <= pageSize && read.u32(start + keyAt + 1) === 0) continue;
      const itemType = content[start + valueAt];
      if (itemType === ITEM_TYPE.offPage) {
        const value = overflowValue(content, read, pageSize, read.u32(start + valueAt + 4), read.u32(start + valueAt + 8));
        if (typeof value === 'string') return value;
        blobs.push(value);
      } else if (itemType === ITEM_TYPE.keyData) {
        blobs.push(content.subarray(start + valueAt + 1, start + valueEnd));
      }
    }
  }
  return blobs;
}
