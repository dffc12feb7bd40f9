/**
 * Installed packages against an advisory lookup (which must file PyPI names PEP 503-normalised, as the package
 * detectors report them): each package is looked up under the keys its ecosystem files it by,
 * every advisory entry for that key is evaluated with the ecosystem's version order, and the advisories that hold it
 * become one finding per vulnerability. What cannot be evaluated (an unknown release, a version the ordering refuses)
 * is a note, never a crash and never a silent pass.
 */
import type { Advisory, AdvisoryLookup } from '../advisory.js';
import type { InstalledPackage, OperatingSystem } from '../../image/packages/model.js';
import type { Vulnerability } from '../vulnerability.js';
import { compareVersions, isSupportedEcosystem } from '../versions/index.js';
import { mergeMatches, type Match } from './merge.js';
import { lookupKeys, sameName, type LookupKey } from './package-keys.js';
import { evaluateAffected, semverOrder } from './ranges.js';
import { severityRank } from '../advisory.js';

export interface MatchOptions {
  /** Also match advisories their publisher withdrew (default false: a withdrawn advisory was a mistake). */
  includeWithdrawn?: boolean;
}

export interface MatchResult {
  vulnerabilities: Vulnerability[];
  notes: string[];
}

const DISTRIBUTIONS = new Set(['Debian', 'Ubuntu', 'Alpine']);

export function matchPackages(
  packages: readonly InstalledPackage[],
  os: OperatingSystem | undefined,
  lookup: AdvisoryLookup,
  options: MatchOptions = {},
): MatchResult {
  const notes = new Set<string>();
  const vulnerabilities: Vulnerability[] = [];
  for (const pkg of packages) {
    if (pkg.version === '') continue; // a Go main module built from a checkout: `(devel)`, no version to match
    const keys = lookupKeys(pkg, os);
    if ('note' in keys) {
      notes.add(keys.note);
      continue;
    }
    const matches: Match[] = [];
    for (const key of keys.keys) {
      for (const advisory of lookup.advisoriesFor(key.ecosystem, key.name)) {
        if (advisory.withdrawn && !options.includeWithdrawn) continue;
        matches.push(...matchAdvisory(pkg, key, advisory, notes));
      }
    }
    vulnerabilities.push(...mergeMatches(pkg, matches));
  }
  return { vulnerabilities: vulnerabilities.sort(bySeverityThenId), notes: [...notes] };
}

function matchAdvisory(pkg: InstalledPackage, key: LookupKey, advisory: Advisory, notes: Set<string>): Match[] {
  const matches: Match[] = [];
  for (const entry of advisory.affected) {
    if (entry.ecosystem !== key.ecosystem || !sameName(key.orderEcosystem, entry.name, key.name)) continue;
    const subject = `${pkg.name} ${pkg.version} (${advisory.id})`;
    const unfixedState = entry.state !== undefined && entry.ranges.length === 0 && (entry.versions ?? []).length === 0;
    const verdict = unfixedState ? { affected: true, notes: [] } : evaluateAffected(entry, key.version, key.orderEcosystem, subject);
    for (const note of verdict.notes) notes.add(note);
    if (!verdict.affected) continue;
    matches.push({
      advisory,
      entry,
      ...('fixedVersion' in verdict && verdict.fixedVersion !== undefined ? { fixedVersion: verdict.fixedVersion } : {}),
      ...(DISTRIBUTIONS.has(key.orderEcosystem) ? { distro: key.orderEcosystem.toLowerCase() } : {}),
      order: fixOrder(key.orderEcosystem),
    });
  }
  return matches;
}

function fixOrder(ecosystem: string): (a: string, b: string) => number {
  if (isSupportedEcosystem(ecosystem)) return (a, b) => compareVersions(ecosystem, a, b);
  return semverOrder(ecosystem);
}

function bySeverityThenId(a: Vulnerability, b: Vulnerability): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.id, b.id) ||
    compareText(a.package.name, b.package.name) ||
    compareText(a.installedVersion, b.installedVersion) ||
    compareText(a.package.path, b.package.path)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
