/**
 * The apk database, `lib/apk/db/installed`: blank-line-separated records of one-letter fields (P: name, V: version,
 * A: architecture, o: origin, the source package Alpine's advisories name). Every record is an installed package.
 */
import type { InstalledPackage, OperatingSystem } from './model.js';

export const APK_INSTALLED = 'lib/apk/db/installed';

export function parseApkInstalled(text: string, path: string, os?: OperatingSystem): InstalledPackage[] {
  const records: Map<string, string>[] = [];
  let current = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current.size > 0) records.push(current);
      current = new Map();
      continue;
    }
    if (line.length >= 2 && line[1] === ':' && !current.has(line[0]!)) current.set(line[0]!, line.slice(2));
  }
  if (current.size > 0) records.push(current);
  return records.flatMap((fields) => {
    const name = fields.get('P');
    const version = fields.get('V');
    if (!name || !version) return [];
    const origin = fields.get('o');
    const architecture = fields.get('A');
    const qualifiers = [
      ...(architecture ? [`arch=${encodeURIComponent(architecture)}`] : []),
      ...(os?.versionId ? [`distro=${encodeURIComponent(os.versionId)}`] : []),
    ];
    return [{
      ecosystem: 'Alpine',
      name,
      version,
      ...(origin && origin !== name ? { source: { name: origin, version } } : {}),
      path,
      purl: `pkg:apk/alpine/${encodeURIComponent(name)}@${encodeURIComponent(version)}${qualifiers.length > 0 ? `?${qualifiers.join('&')}` : ''}`,
    }];
  });
}
