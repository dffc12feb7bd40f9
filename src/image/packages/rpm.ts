/**
 * The rpm database, in whichever of its three formats the file holds (SQLite, NDB, Berkeley DB), read into installed
 * packages named as OSV names rpm distributions. A package's version is `[epoch:]version-release`; its source
 * package comes from SOURCERPM (`openssl-3.0.7-27.el9.src.rpm`), which Red Hat's advisories name.
 */
import type { InstalledPackage, OperatingSystem } from './model.js';
import { readBerkeleyRpmBlobs, isBerkeleyHashDatabase } from './rpm-bdb.js';
import { parseRpmHeader, type RpmHeaderFields } from './rpm-header.js';
import { isNdbDatabase, readNdbRpmBlobs } from './rpm-ndb.js';
import { isSqliteDatabase, readSqliteRpmBlobs } from './rpm-sqlite.js';

export const RPM_DATABASE_PATHS = [
  'var/lib/rpm/rpmdb.sqlite',
  'usr/lib/sysimage/rpm/rpmdb.sqlite',
  'usr/share/rpm/rpmdb.sqlite',
  'var/lib/rpm/Packages.db',
  'usr/lib/sysimage/rpm/Packages.db',
  'var/lib/rpm/Packages',
  'usr/lib/sysimage/rpm/Packages',
] as const;

/** OSV ecosystem names by os-release ID. Distributions OSV has no data for keep a readable name of their own. */
const ECOSYSTEMS: Record<string, string> = {
  rhel: 'Red Hat',
  rocky: 'Rocky Linux',
  almalinux: 'AlmaLinux',
  sles: 'SUSE',
  sles_sap: 'SUSE',
  'sle-micro': 'SUSE',
  opensuse: 'openSUSE',
  'opensuse-leap': 'openSUSE',
  'opensuse-tumbleweed': 'openSUSE',
  'opensuse-leap-micro': 'openSUSE',
  photon: 'Photon OS',
  azurelinux: 'Azure Linux',
  mariner: 'Azure Linux',
  mageia: 'Mageia',
  openEuler: 'openEuler',
  centos: 'CentOS',
  fedora: 'Fedora',
  amzn: 'Amazon Linux',
  ol: 'Oracle Linux',
};

/** The purl namespace (the vendor) by os-release ID, as the purl spec's rpm examples write it. */
const PURL_NAMESPACES: Record<string, string> = { rhel: 'redhat', sles: 'suse', sles_sap: 'suse', 'sle-micro': 'suse', amzn: 'amazon', ol: 'oracle' };

export function rpmEcosystem(os: OperatingSystem | undefined): string {
  if (!os) return 'rpm';
  return ECOSYSTEMS[os.id] ?? (os.id.startsWith('opensuse') ? 'openSUSE' : os.id);
}

/** Name, version and release of a source rpm file name, split from the right as yum's splitFilename does. */
export function splitSourceRpm(fileName: string): { name: string; version: string; release: string } | undefined {
  const base = fileName.endsWith('.rpm') ? fileName.slice(0, -'.rpm'.length) : fileName;
  const withoutArch = base.slice(0, Math.max(base.lastIndexOf('.'), 0));
  const releaseDash = withoutArch.lastIndexOf('-');
  const versionDash = withoutArch.lastIndexOf('-', releaseDash - 1);
  if (releaseDash <= 0 || versionDash <= 0) return undefined;
  return { name: withoutArch.slice(0, versionDash), version: withoutArch.slice(versionDash + 1, releaseDash), release: withoutArch.slice(releaseDash + 1) };
}

function readBlobs(content: Buffer): Buffer[] | string {
  if (isSqliteDatabase(content)) return readSqliteRpmBlobs(content);
  if (isNdbDatabase(content)) return readNdbRpmBlobs(content);
  if (isBerkeleyHashDatabase(content)) return readBerkeleyRpmBlobs(content);
  return 'not an rpm database this tool knows (SQLite, NDB or Berkeley DB hash)';
}

function purlOf(header: RpmHeaderFields, os: OperatingSystem | undefined): string {
  const namespace = os ? (PURL_NAMESPACES[os.id] ?? (os.id.startsWith('opensuse') ? 'opensuse' : os.id)) : undefined;
  const qualifiers = [
    ...(header.arch ? [`arch=${encodeURIComponent(header.arch)}`] : []),
    ...(header.epoch !== undefined ? [`epoch=${header.epoch}`] : []),
    ...(os?.versionId ? [`distro=${encodeURIComponent(`${os.id}-${os.versionId}`)}`] : []),
  ];
  const coordinates = `${namespace ? `${encodeURIComponent(namespace)}/` : ''}${encodeURIComponent(header.name)}@${encodeURIComponent(`${header.version}-${header.release}`)}`;
  return `pkg:rpm/${coordinates}${qualifiers.length > 0 ? `?${qualifiers.join('&')}` : ''}`;
}

/** The headers of an rpm database file, or why the file cannot be read. Headers that do not parse are skipped and named. */
export function readRpmHeaders(content: Buffer, path: string): { headers: RpmHeaderFields[]; problems: string[] } | string {
  const blobs = readBlobs(content);
  if (typeof blobs === 'string') return `${path}: ${blobs}`;
  const headers: RpmHeaderFields[] = [];
  const problems: string[] = [];
  blobs.forEach((blob, index) => {
    const header = parseRpmHeader(blob);
    if (typeof header === 'string') problems.push(`${path}: header ${index + 1}: ${header}`);
    else headers.push(header);
  });
  return { headers, problems };
}

/**
 * The installed packages of an rpm database file at `path`, with a note for each header that could not be read;
 * gpg-pubkey entries (imported keys) are not packages.
 */
export function parseRpmDatabase(content: Buffer, path: string, os?: OperatingSystem): { packages: InstalledPackage[]; notes: string[] } | string {
  const read = readRpmHeaders(content, path);
  if (typeof read === 'string') return read;
  if (read.headers.length === 0 && read.problems.length > 0) return read.problems.join('; ');
  const packages = read.headers.filter((header) => header.name !== 'gpg-pubkey').map((header): InstalledPackage => {
    const epoch = header.epoch !== undefined && header.epoch !== 0 ? `${header.epoch}:` : '';
    const version = `${epoch}${header.version}-${header.release}`;
    const source = header.sourceRpm ? splitSourceRpm(header.sourceRpm) : undefined;
    const sourceVersion = source ? `${epoch}${source.version}-${source.release}` : undefined;
    return {
      ecosystem: rpmEcosystem(os),
      name: header.name,
      version,
      ...(source && sourceVersion && (source.name !== header.name || sourceVersion !== version) ? { source: { name: source.name, version: sourceVersion } } : {}),
      path,
      purl: purlOf(header, os),
    };
  });
  return { packages, notes: read.problems };
}
