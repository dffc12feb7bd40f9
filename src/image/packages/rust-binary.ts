/**
 * Rust crates compiled into a binary built with cargo-auditable: the ELF section `.dep-v0` holds zlib-compressed JSON,
 * `{"packages":[{"name","version","source","kind","dependencies","root"}]}`. Build-time dependencies (`kind: "build"`)
 * are not in the binary and are left out, as are crates from elsewhere than crates.io (local workspace crates, git),
 * whose names crates.io advisories do not cover.
 */
import { inflateSync } from 'node:zlib';
import { elfSection, isElf } from './elf.js';
import type { InstalledPackage } from './model.js';

const SECTION = '.dep-v0';
const MAX_JSON_BYTES = 8 * 1024 * 1024;

export interface AuditableCrate {
  name: string;
  version: string;
  source: string;
  kind?: string;
}

export type RustBinaryResult = { type: 'rust'; crates: AuditableCrate[] } | { type: 'not-auditable' } | { type: 'unreadable'; reason: string };

function isCrate(value: unknown): value is AuditableCrate {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.version === 'string' && typeof record.source === 'string' && (record.kind === undefined || typeof record.kind === 'string');
}

export function readCargoAuditable(data: Buffer): RustBinaryResult {
  if (!isElf(data)) return { type: 'not-auditable' };
  const section = elfSection(data, SECTION);
  // A section table kspm cannot walk (packed or damaged binaries) gives no sign of Rust: not this detector's file.
  if (section === undefined || typeof section === 'string') return { type: 'not-auditable' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(inflateSync(section, { maxOutputLength: MAX_JSON_BYTES }).toString('utf8'));
  } catch (error) {
    return { type: 'unreadable', reason: `its ${SECTION} section is not zlib-compressed JSON of at most ${MAX_JSON_BYTES} bytes (${error instanceof Error ? error.message : String(error)})` };
  }
  const packages = (parsed as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(packages) || !packages.every(isCrate)) return { type: 'unreadable', reason: `its ${SECTION} section has no valid "packages" list` };
  return { type: 'rust', crates: packages.map(({ name, version, source, kind }) => ({ name, version, source, ...(kind !== undefined ? { kind } : {}) })) };
}

/** The crates.io crates linked into the binary at `path`. */
export function rustBinaryPackages(crates: readonly AuditableCrate[], path: string): InstalledPackage[] {
  return crates
    .filter((crate) => (crate.kind === undefined || crate.kind === 'runtime') && crate.source === 'crates.io')
    .map((crate) => ({ ecosystem: 'crates.io', name: crate.name, version: crate.version, path, purl: `pkg:cargo/${encodeURIComponent(crate.name)}@${encodeURIComponent(crate.version)}` }));
}
