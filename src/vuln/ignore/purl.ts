/**
 * Whether a purl written in an ignore rule or a VEX statement names an installed package: type, namespace and name
 * must be equal; the version only when the rule gives one; and each qualifier the rule gives must be the package's,
 * in any order. A rule without qualifiers names the package on every distribution and architecture.
 */
import { PackageURL } from 'packageurl-js';

export function parsePurl(text: string): PackageURL | undefined {
  try {
    return PackageURL.fromString(text);
  } catch {
    return undefined;
  }
}

export function purlCovers(rule: PackageURL, pkg: PackageURL): boolean {
  if (rule.type !== pkg.type || (rule.namespace ?? '') !== (pkg.namespace ?? '') || rule.name !== pkg.name) return false;
  if (rule.version !== undefined && rule.version !== pkg.version) return false;
  if ((rule.subpath ?? '') !== '' && rule.subpath !== pkg.subpath) return false;
  const wanted = Object.entries(rule.qualifiers ?? {});
  return wanted.every(([key, value]) => pkg.qualifiers?.[key] === value);
}
