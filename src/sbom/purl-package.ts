/**
 * From a package URL to a package kspm can match: the purl type (and, for distributions, its namespace) says the
 * ecosystem as OSV names it, and the name is written the way that ecosystem's advisories write it.
 */
import { PackageURL } from 'packageurl-js';
import type { InstalledPackage, OperatingSystem } from '../image/packages/model.js';

/** Distribution ecosystems by purl namespace; the rpm names follow the rpm detector's table (OSV names where OSV has data). */
const DISTRIBUTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  deb: { debian: 'Debian', ubuntu: 'Ubuntu' },
  apk: { alpine: 'Alpine', wolfi: 'Wolfi', chainguard: 'Chainguard' },
  rpm: {
    redhat: 'Red Hat',
    rhel: 'Red Hat',
    rocky: 'Rocky Linux',
    almalinux: 'AlmaLinux',
    suse: 'SUSE',
    opensuse: 'openSUSE',
    photon: 'Photon OS',
    azurelinux: 'Azure Linux',
    mariner: 'Azure Linux',
    mageia: 'Mageia',
    openeuler: 'openEuler',
    centos: 'CentOS',
    fedora: 'Fedora',
    amazon: 'Amazon Linux',
    oracle: 'Oracle Linux',
  },
};

/** Language ecosystems by purl type. */
const LANGUAGES: Readonly<Record<string, string>> = {
  pypi: 'PyPI',
  npm: 'npm',
  golang: 'Go',
  maven: 'Maven',
  cargo: 'crates.io',
  gem: 'RubyGems',
  nuget: 'NuGet',
  composer: 'Packagist',
  hex: 'Hex',
  cran: 'CRAN',
  pub: 'Pub',
  swift: 'SwiftURL',
};

function ecosystemOf(purl: PackageURL): string | undefined {
  const distributions = DISTRIBUTIONS[purl.type];
  if (distributions) return distributions[(purl.namespace ?? '').toLowerCase()];
  return LANGUAGES[purl.type];
}

/** The name as the ecosystem's advisories write it: Maven `group:artifact`, npm `@scope/name`, Go and Packagist `path/name`. */
function nameOf(purl: PackageURL): string {
  if (!purl.namespace || DISTRIBUTIONS[purl.type]) return purl.name;
  return purl.type === 'maven' ? `${purl.namespace}:${purl.name}` : `${purl.namespace}/${purl.name}`;
}

/** `upstream=openssl` or `upstream=openssl@3.0.15-1` (syft's form): the source package a binary package was built from. */
function upstreamOf(purl: PackageURL, version: string): { name: string; version: string } | undefined {
  const upstream = purl.qualifiers?.upstream;
  if (!upstream) return undefined;
  const at = upstream.lastIndexOf('@');
  return at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream, version };
}

/**
 * The operating system a `distro` qualifier names: `debian-12` → debian 12, `alpine-3.19.1`, `ubuntu-22.04`; a bare
 * version (Trivy writes `distro=3.18.4` for Alpine) belongs to the purl's namespace.
 */
export function osFromDistro(distro: string, namespace?: string): OperatingSystem {
  if (/^\d/.test(distro) && namespace) return { id: namespace.toLowerCase(), versionId: distro };
  const match = /^(.+?)-(\d[\w.:~+-]*)$/.exec(distro);
  return match ? { id: match[1]!.toLowerCase(), versionId: match[2]! } : { id: distro.toLowerCase() };
}

export interface PackageOrigin {
  path: string;
  layer?: string;
  source?: { name: string; version: string };
  /** The ecosystem as the SBOM states it (kspm writes it); otherwise it comes from the purl. */
  ecosystem?: string;
}

export interface PurlPackage {
  package: InstalledPackage;
  /** The `distro` qualifier's operating system, when there is one. */
  os?: OperatingSystem;
}

/** The package a purl names, or why kspm cannot match it. */
export function packageFromPurl(text: string, origin: PackageOrigin): PurlPackage | string {
  let purl: PackageURL;
  try {
    purl = PackageURL.fromString(text);
  } catch (error) {
    return `"${text}" is not a valid package URL: ${(error as Error).message}`;
  }
  if (!purl.version) return `${text}: the package URL has no version`;
  const ecosystem = origin.ecosystem ?? ecosystemOf(purl);
  if (!ecosystem) return `${text}: kspm does not know the ecosystem of purl type "${purl.type}"${purl.namespace ? ` with namespace "${purl.namespace}"` : ''}`;
  const source = origin.source ?? upstreamOf(purl, purl.version);
  const distro = purl.qualifiers?.distro;
  return {
    package: {
      ecosystem,
      name: nameOf(purl),
      version: purl.version,
      ...(source && (source.name !== purl.name || source.version !== purl.version) ? { source } : {}),
      path: origin.path,
      ...(origin.layer ? { layer: origin.layer } : {}),
      purl: text,
    },
    ...(distro ? { os: osFromDistro(distro, purl.namespace ?? undefined) } : {}),
  };
}
