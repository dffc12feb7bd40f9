/**
 * Section lookup in ELF files (the System V gABI layout): the header gives the section header table's offset, entry
 * size, count and the index of the section-name string table; 32- and 64-bit, either byte order. Only section
 * headers are read, so a non-ELF file costs four bytes.
 */

const ELF_MAGIC = 0x7f454c46;
const SECTION_NO_BITS = 8;
const SECTION_INDEX_EXTENDED = 0xffff;

export function isElf(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32BE(0) === ELF_MAGIC;
}

interface Section {
  name: number;
  type: number;
  offset: number;
  size: number;
}

/** The bytes of the section called `name`: undefined when the ELF has no such section, a string when it is malformed. */
export function elfSection(data: Buffer, name: string): Buffer | undefined | string {
  if (!isElf(data) || data.length < 52) return 'not an ELF file';
  const is64 = data[4] === 2;
  const little = data[5] === 1;
  if ((data[4] !== 1 && !is64) || (data[5] !== 1 && data[5] !== 2)) return 'ELF header has an unknown class or byte order';
  const u16 = (at: number) => (little ? data.readUInt16LE(at) : data.readUInt16BE(at));
  const u32 = (at: number) => (little ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const address = (at: number) => (is64 ? Number(little ? data.readBigUInt64LE(at) : data.readBigUInt64BE(at)) : u32(at));
  if (is64 && data.length < 64) return 'ELF header is truncated';
  const tableOffset = address(is64 ? 0x28 : 0x20);
  const entrySize = u16(is64 ? 0x3a : 0x2e);
  let count = u16(is64 ? 0x3c : 0x30);
  let namesIndex = u16(is64 ? 0x3e : 0x32);
  if (tableOffset === 0) return undefined;
  const minimumEntry = is64 ? 64 : 40;
  if (entrySize < minimumEntry) return `ELF section headers of ${entrySize} bytes are too small`;
  const sectionAt = (index: number): Section | undefined => {
    const at = tableOffset + index * entrySize;
    if (at + minimumEntry > data.length) return undefined;
    return is64
      ? { name: u32(at), type: u32(at + 4), offset: address(at + 24), size: address(at + 32) }
      : { name: u32(at), type: u32(at + 4), offset: u32(at + 16), size: u32(at + 20) };
  };
  // With many sections, the real count and name-table index live in section 0 (its size and link fields).
  if (count === 0) count = sectionAt(0)?.size ?? 0;
  if (namesIndex === SECTION_INDEX_EXTENDED) namesIndex = u32(tableOffset + (is64 ? 40 : 24));
  const names = sectionAt(namesIndex);
  if (!names || names.offset + names.size > data.length) return 'ELF section name table lies outside the file';
  const wanted = Buffer.from(`${name}\0`, 'latin1');
  for (let index = 0; index < count; index++) {
    const section = sectionAt(index);
    if (!section) return `ELF section header ${index} lies outside the file`;
    if (section.name >= names.size) continue;
    const nameAt = names.offset + section.name;
    if (!data.subarray(nameAt, nameAt + wanted.length).equals(wanted)) continue;
    if (section.type === SECTION_NO_BITS) return Buffer.alloc(0);
    if (section.offset + section.size > data.length) return `ELF section ${name} lies outside the file`;
    return data.subarray(section.offset, section.offset + section.size);
  }
  return undefined;
}
