/**
 * The NDB rpm database (`Packages.db`, SUSE), after rpm's lib/backend/ndb/rpmpkg.c: a little-endian 32-byte header
 * (`RpmP`, version 0, generation, number of 4 KiB slot pages), the slot pages of 16-byte slots (`Slot`, package
 * index, block offset, block count; the header takes the first two slots; a slot at block offset 0 is free), and
 * per package a run of 16-byte blocks starting with a blob header (`BlbS`, package index, timestamp, length)
 * followed by the header blob.
 */

const HEADER_MAGIC = 0x506d7052; // 'RpmP' little-endian
const SLOT_MAGIC = 0x746f6c53; // 'Slot'
const BLOB_MAGIC = 0x53626c42; // 'BlbS'
const SLOT_PAGE_SIZE = 4096;
const SLOT_SIZE = 16;
const BLOCK_SIZE = 16;
const BLOB_HEADER_SIZE = 16;
const MAX_SLOT_PAGES = 2048;

export function isNdbDatabase(content: Buffer): boolean {
  return content.length >= 32 && content.readUInt32LE(0) === HEADER_MAGIC;
}

/** The header blobs of a Packages.db, or what is wrong with it. */
export function readNdbRpmBlobs(content: Buffer): Buffer[] | string {
  if (!isNdbDatabase(content)) return 'not an rpm NDB database (no RpmP magic)';
  const version = content.readUInt32LE(4);
  const slotPages = content.readUInt32LE(12);
  if (version !== 0) return `NDB version ${version}, only 0 is known`;
  if (slotPages === 0 || slotPages > MAX_SLOT_PAGES) return `NDB claims ${slotPages} slot pages`;
  const slotsEnd = slotPages * SLOT_PAGE_SIZE;
  if (slotsEnd > content.length) return `NDB slot pages end at ${slotsEnd}, past the file's ${content.length} bytes`;
  const blobs: Buffer[] = [];
  for (let at = 2 * SLOT_SIZE; at < slotsEnd; at += SLOT_SIZE) {
    if (content.readUInt32LE(at) !== SLOT_MAGIC) return `bad NDB slot magic at byte ${at}`;
    const packageIndex = content.readUInt32LE(at + 4);
    const blockOffset = content.readUInt32LE(at + 8);
    if (blockOffset === 0) continue;
    const blobAt = blockOffset * BLOCK_SIZE;
    if (blobAt + BLOB_HEADER_SIZE > content.length) return `NDB package ${packageIndex} points past the end of the file`;
    if (content.readUInt32LE(blobAt) !== BLOB_MAGIC) return `NDB package ${packageIndex} has no blob at byte ${blobAt}`;
    if (content.readUInt32LE(blobAt + 4) !== packageIndex) return `NDB blob at byte ${blobAt} belongs to package ${content.readUInt32LE(blobAt + 4)}, not ${packageIndex}`;
    const length = content.readUInt32LE(blobAt + 12);
    const start = blobAt + BLOB_HEADER_SIZE;
    if (start + length > content.length) return `NDB package ${packageIndex} runs past the end of the file`;
    blobs.push(content.subarray(start, start + length));
  }
  return blobs;
}
