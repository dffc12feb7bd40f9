/**
 * OSV ecosystem names in their canonical spelling (ossf/osv-schema "Defined ecosystems"). Sources and users write
 * `pypi`, `go` or `alpine:3.19`; the store keys packages by the canonical name, so every importer normalises here.
 */
const CANONICAL = [
  'AlmaLinux', 'Alpine', 'Alpaquita', 'Android', 'Azure Linux', 'BellSoft Hardened Containers', 'Bioconductor',
  'Bitnami', 'Chainguard', 'ConanCenter', 'CRAN', 'crates.io', 'Debian', 'Echo', 'GHC', 'GitHub Actions', 'Go',
  'Hackage', 'Hex', 'Julia', 'Kubernetes', 'Linux', 'Mageia', 'Maven', 'MinimOS', 'npm', 'NuGet', 'openEuler',
  'openSUSE', 'OSS-Fuzz', 'Packagist', 'Photon OS', 'Pub', 'PyPI', 'Red Hat', 'Rocky Linux', 'RubyGems', 'SUSE',
  'SwiftURL', 'Ubuntu', 'Wolfi', 'Amazon Linux', 'Oracle Linux',
];

const BY_LOWER = new Map(CANONICAL.map((name) => [name.toLowerCase(), name]));

/** `pypi` → `PyPI`, `debian:12` → `Debian:12`, `alpine:3.19` → `Alpine:v3.19`; unknown names are kept as written. */
export function canonicalEcosystem(ecosystem: string): string {
  const trimmed = ecosystem.trim();
  const colon = trimmed.indexOf(':');
  const base = colon < 0 ? trimmed : trimmed.slice(0, colon);
  const canonicalBase = BY_LOWER.get(base.toLowerCase()) ?? base;
  if (colon < 0) return canonicalBase;
  let release = trimmed.slice(colon + 1);
  if (canonicalBase === 'Alpine' && /^\d/.test(release)) release = `v${release}`;
  return `${canonicalBase}:${release}`;
}
