/**
 * Which advisories can name an installed package: the (ecosystem, name, version) under which the advisory data files
 * it. Language packages are filed under their own ecosystem and name; distribution packages as the distribution files
 * them, under the source package and its version in the ecosystem of one release (`Debian:12`, `Ubuntu:22.04:LTS`,
 * `Alpine:v3.20`), as osv.dev names them. The finding still reports the binary package.
 */
import type { InstalledPackage, OperatingSystem } from '../../image/packages/model.js';

export interface LookupKey {
  /** The ecosystem as the advisory data names it, with the release for distributions. */
  ecosystem: string;
  /** The ecosystem whose version ordering applies (`Debian` for `Debian:12`). */
  orderEcosystem: string;
  name: string;
  version: string;
}

export type KeysResult = { keys: LookupKey[] } | { note: string };

const DEBIAN_CODENAMES: Record<string, string> = {
  wheezy: '7', jessie: '8', stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13', forky: '14',
};

export function lookupKeys(pkg: InstalledPackage, os: OperatingSystem | undefined): KeysResult {
  switch (pkg.ecosystem) {
    case 'Debian':
      return debianKeys(pkg, os);
    case 'Ubuntu':
      return ubuntuKeys(pkg, os);
    case 'Alpine':
      return alpineKeys(pkg, os);
    case 'PyPI':
      return single(pkg.ecosystem, normalisePyPIName(pkg.name), pkg.version);
    case 'Go':
      return single('Go', pkg.name, pkg.name === 'stdlib' ? goToolchainVersion(pkg.version) : pkg.version);
    default:
      return single(pkg.ecosystem, pkg.name, pkg.version);
  }
}

/** Names as the advisory data may spell them, compared in the ecosystem's own way (PEP 503 for PyPI). */
export function sameName(ecosystem: string, a: string, b: string): boolean {
  return ecosystem === 'PyPI' ? normalisePyPIName(a) === normalisePyPIName(b) : a === b;
}

/** PEP 503: runs of `-`, `_` and `.` are one `-`, case-insensitively. */
export function normalisePyPIName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The release part of an ecosystem name: `Debian:12` → `Debian`. */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon < 0 ? ecosystem : ecosystem.slice(0, colon);
}

function single(ecosystem: string, name: string, version: string): KeysResult {
  return { keys: [{ ecosystem, orderEcosystem: baseEcosystem(ecosystem), name, version }] };
}

function sourceKeys(pkg: InstalledPackage, ecosystems: string[]): KeysResult {
  const name = pkg.source?.name ?? pkg.name;
  const version = pkg.source?.version ?? pkg.version;
  return { keys: ecosystems.map((ecosystem) => ({ ecosystem, orderEcosystem: baseEcosystem(ecosystem), name, version })) };
}

function debianKeys(pkg: InstalledPackage, os: OperatingSystem | undefined): KeysResult {
  const major = /^(\d+)/.exec(os?.versionId ?? '')?.[1] ?? DEBIAN_CODENAMES[os?.codename ?? ''];
  if (major === undefined) return { note: `${describeOs(os)}: the Debian release is unknown (no VERSION_ID or known codename); Debian packages not matched` };
  return sourceKeys(pkg, [`Debian:${major}`]);
}

/** osv.dev files LTS releases as `Ubuntu:22.04:LTS` and others as `Ubuntu:23.10`; both are asked, as the data decides. */
function ubuntuKeys(pkg: InstalledPackage, os: OperatingSystem | undefined): KeysResult {
  const release = /^(\d+\.\d+)/.exec(os?.versionId ?? '')?.[1];
  if (release === undefined) return { note: `${describeOs(os)}: the Ubuntu release is unknown (no VERSION_ID); Ubuntu packages not matched` };
  return sourceKeys(pkg, [`Ubuntu:${release}`, `Ubuntu:${release}:LTS`]);
}

function alpineKeys(pkg: InstalledPackage, os: OperatingSystem | undefined): KeysResult {
  const branch = /^(\d+\.\d+)/.exec(os?.versionId ?? '')?.[1];
  if (branch === undefined) return { note: `${describeOs(os)}: the Alpine branch is unknown (no VERSION_ID); Alpine packages not matched` };
  return sourceKeys(pkg, [`Alpine:v${branch}`]);
}

/**
 * The Go vulnerability database writes toolchain versions as SemVer: `go1.21` is `1.21.0`, `go1.21rc2` is
 * `1.21.0-rc.2`. The package detector has already removed the `go` prefix.
 */
export function goToolchainVersion(version: string): string {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(version);
  if (!match) return version;
  const [, major, minor, patch, pre, preNumber] = match;
  return `${major}.${minor}.${patch ?? '0'}${pre ? `-${pre}.${preNumber}` : ''}`;
}

function describeOs(os: OperatingSystem | undefined): string {
  return os?.prettyName ?? os?.id ?? 'the operating system';
}
