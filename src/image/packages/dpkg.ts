/**
 * The dpkg database: `var/lib/dpkg/status` (a file of RFC 822-style stanzas, one per package) and, in distroless
 * images, `var/lib/dpkg/status.d/<name>` files of the same form. Only packages whose Status says they are installed
 * count. A binary package built from a source package of another name or version says so in its Source field
 * (`Source: openssl (3.0.15-1~deb12u1)`), which is what Debian's advisories name.
 */
import type { InstalledPackage, OperatingSystem } from './model.js';

export const DPKG_STATUS = 'var/lib/dpkg/status';
export const DPKG_STATUS_DIR = 'var/lib/dpkg/status.d/';

/** Stanzas as field maps; continuation lines (starting with a space or tab) belong to the field above. */
function stanzas(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current.size > 0) out.push(current);
      current = new Map();
      last = undefined;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && last !== undefined) {
      current.set(last, `${current.get(last)}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon);
    current.set(last, line.slice(colon + 1).trim());
  }
  if (current.size > 0) out.push(current);
  return out;
}

function purlOf(name: string, version: string, architecture: string | undefined, os: OperatingSystem | undefined): string {
  const namespace = os?.id ?? 'debian';
  const qualifiers = [
    ...(architecture ? [`arch=${encodeURIComponent(architecture)}`] : []),
    ...(os?.versionId ? [`distro=${encodeURIComponent(`${namespace}-${os.versionId}`)}`] : []),
  ];
  return `pkg:deb/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}@${encodeURIComponent(version)}${qualifiers.length > 0 ? `?${qualifiers.join('&')}` : ''}`;
}

/** `Debian` or `Ubuntu`, as OSV names the ecosystem of a dpkg-based system. */
function ecosystemOf(os: OperatingSystem | undefined): string {
  if (os?.id === 'ubuntu') return 'Ubuntu';
  return 'Debian';
}

/** The installed packages of one dpkg status file (or a status.d file), at `path`. */
export function parseDpkgStatus(text: string, path: string, os?: OperatingSystem): InstalledPackage[] {
  // status.d files of distroless images carry no Status field: each file is an installed package.
  const needsStatus = !path.startsWith(DPKG_STATUS_DIR);
  return stanzas(text).flatMap((fields) => {
    const name = fields.get('Package');
    const version = fields.get('Version');
    if (!name || !version) return [];
    if (needsStatus && !/(^|\s)installed$/.test(fields.get('Status') ?? '')) return [];
    const sourceField = fields.get('Source');
    const sourceMatch = sourceField ? /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(sourceField) : null;
    const source = sourceMatch ? { name: sourceMatch[1]!, version: sourceMatch[2] ?? version } : undefined;
    const architecture = fields.get('Architecture');
    return [{
      ecosystem: ecosystemOf(os),
      name,
      version,
      ...(source && (source.name !== name || source.version !== version) ? { source } : {}),
      path,
      purl: purlOf(name, version, architecture, os),
    }];
  });
}
