/**
 * os-release (freedesktop.org): KEY=value lines, values optionally quoted with shell-style escapes. The first of
 * etc/os-release and usr/lib/os-release that exists describes the system; older or trimmed images without it are
 * recognised by their distribution's own file (lsb-release, alpine-release, redhat-release, debian_version).
 */
import type { OperatingSystem } from './model.js';

export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'] as const;

/** Every file the OS detection reads, os-release first. */
export const OS_FILE_PATHS = [...OS_RELEASE_PATHS, 'etc/lsb-release', 'etc/alpine-release', 'etc/redhat-release', 'etc/debian_version'] as const;

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\([$"`\\])/g, '$1') : inner;
  }
  return value;
}

function keyValues(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) continue;
    fields.set(trimmed.slice(0, equals), unquote(trimmed.slice(equals + 1)));
  }
  return fields;
}

export function parseOsRelease(text: string): OperatingSystem | undefined {
  const fields = keyValues(text);
  const id = fields.get('ID');
  if (!id) return undefined;
  const versionId = fields.get('VERSION_ID');
  const codename = fields.get('VERSION_CODENAME');
  const prettyName = fields.get('PRETTY_NAME');
  return { id, ...(versionId ? { versionId } : {}), ...(codename ? { codename } : {}), ...(prettyName ? { prettyName } : {}) };
}

const versioned = (id: string, versionId: string | undefined, prettyName?: string): OperatingSystem => ({
  id,
  ...(versionId ? { versionId } : {}),
  ...(prettyName ? { prettyName } : {}),
});

/** Ubuntu's `/etc/lsb-release`: DISTRIB_ID, DISTRIB_RELEASE, DISTRIB_CODENAME. */
export function parseLsbRelease(text: string): OperatingSystem | undefined {
  const fields = keyValues(text);
  const id = fields.get('DISTRIB_ID')?.toLowerCase();
  if (!id) return undefined;
  const codename = fields.get('DISTRIB_CODENAME');
  return { ...versioned(id, fields.get('DISTRIB_RELEASE'), fields.get('DISTRIB_DESCRIPTION')), ...(codename ? { codename } : {}) };
}

/** os-release IDs of the names redhat-release files start with. */
const REDHAT_RELEASE_NAMES: [RegExp, string][] = [
  [/^Red Hat Enterprise Linux/i, 'rhel'],
  [/^CentOS/i, 'centos'],
  [/^Rocky Linux/i, 'rocky'],
  [/^AlmaLinux/i, 'almalinux'],
  [/^Fedora/i, 'fedora'],
  [/^Oracle Linux/i, 'ol'],
  [/^Amazon Linux/i, 'amzn'],
];

/** `/etc/redhat-release`, one line `<name> release <version> (<codename>)`, read as Trivy does. */
export function parseRedhatRelease(text: string): OperatingSystem | undefined {
  const line = text.split(/\r?\n/)[0]!.trim();
  const match = /^(.*) release (\d[\d.]*)/.exec(line);
  if (!match) return undefined;
  const id = REDHAT_RELEASE_NAMES.find(([pattern]) => pattern.test(match[1]!))?.[1];
  return id ? versioned(id, match[2], line) : undefined;
}

/** `/etc/alpine-release`: the version alone (`3.20.3`). */
export function parseAlpineRelease(text: string): OperatingSystem | undefined {
  const version = text.trim();
  return /^\d+(\.\d+)*/.test(version) ? versioned('alpine', version) : undefined;
}

/** `/etc/debian_version`: `12.7` on a release (VERSION_ID is its major number, as os-release says), `trixie/sid` on testing. */
export function parseDebianVersion(text: string): OperatingSystem | undefined {
  const version = text.trim();
  if (version === '') return undefined;
  const release = /^(\d+)(\.\d+)*$/.exec(version);
  if (release) return versioned('debian', release[1]);
  return { id: 'debian', codename: version.split('/')[0]! };
}

const PARSERS: Record<(typeof OS_FILE_PATHS)[number], (text: string) => OperatingSystem | undefined> = {
  'etc/os-release': parseOsRelease,
  'usr/lib/os-release': parseOsRelease,
  'etc/lsb-release': parseLsbRelease,
  'etc/alpine-release': parseAlpineRelease,
  'etc/redhat-release': parseRedhatRelease,
  'etc/debian_version': parseDebianVersion,
};

/** The operating system from the first of OS_FILE_PATHS that `read` finds and that says which system it is. */
export function detectOperatingSystem(read: (path: string) => string | undefined): OperatingSystem | undefined {
  for (const path of OS_FILE_PATHS) {
    const text = read(path);
    const os = text === undefined ? undefined : PARSERS[path](text);
    if (os) return os;
  }
  return undefined;
}
