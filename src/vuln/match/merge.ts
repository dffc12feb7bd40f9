/**
 * One finding per vulnerability and package, however many advisories reach it. Records that share an id or alias are
 * one vulnerability (a GHSA that aliases a PYSEC, a GO record and its GHSA). When the data has CVE-keyed records (the
 * Debian tracker, Alpine secdb), each CVE is its own finding, and an advisory that names several of them (a DSA fixing
 * five CVEs) is folded into each rather than joining them into one.
 */
import type { Advisory, AffectedPackage, FixState } from '../advisory.js';
import type { InstalledPackage } from '../../image/packages/model.js';
import type { Vulnerability } from '../vulnerability.js';
import { chooseSeverity, type SeverityEvidence } from './severity.js';

/** One advisory entry that holds the package's version. */
export interface Match {
  advisory: Advisory;
  entry: AffectedPackage;
  fixedVersion?: string;
  /** The distribution's name (`debian`) when the entry is filed under a distribution release. */
  distro?: string;
  /** Orders two fixed versions of the entry's ecosystem. */
  order: (a: string, b: string) => number;
}

const CVE = /^CVE-\d{4}-\d+$/;

export function mergeMatches(pkg: InstalledPackage, matches: Match[]): Vulnerability[] {
  const byAdvisory = new Map<string, Match[]>();
  for (const match of matches) byAdvisory.set(match.advisory.id, [...(byAdvisory.get(match.advisory.id) ?? []), match]);

  const anchors = new Map<string, Match[]>();
  for (const [id, group] of byAdvisory) if (CVE.test(id)) anchors.set(id, group);

  const groups = new UnionFind();
  const members = new Map<string, Match[]>();
  for (const [id, group] of byAdvisory) {
    if (anchors.has(id)) {
      members.set(id, [...(members.get(id) ?? []), ...group]);
      continue;
    }
    const advisory = group[0]!.advisory;
    const named = [...advisory.aliases, ...(advisory.related ?? [])].filter((other) => anchors.has(other));
    if (named.length > 0) {
      for (const cve of named) members.set(cve, [...(members.get(cve) ?? []), ...group]);
      continue;
    }
    members.set(id, [...(members.get(id) ?? []), ...group]);
    for (const alias of advisory.aliases) groups.union(id, alias);
  }

  const merged = new Map<string, { ids: string[]; matches: Match[] }>();
  for (const [id, group] of members) {
    const root = anchors.has(id) ? id : groups.find(id);
    const slot = merged.get(root) ?? { ids: [], matches: [] };
    slot.ids.push(id);
    slot.matches.push(...group);
    merged.set(root, slot);
  }
  return [...merged.values()].map(({ ids, matches: group }) => toVulnerability(pkg, primaryId(ids), group));
}

/** A CVE-keyed record gives its CVE; otherwise an ecosystem's own id (PYSEC, GO, RUSTSEC, DSA) before a GHSA. */
function primaryId(ids: string[]): string {
  const rank = (id: string): number => (CVE.test(id) ? 0 : id.startsWith('GHSA-') ? 2 : 1);
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0]!;
}

function toVulnerability(pkg: InstalledPackage, id: string, matches: Match[]): Vulnerability {
  const primary = matches.find((m) => m.advisory.id === id) ?? matches[0]!;
  const aliases = new Set<string>();
  for (const { advisory } of matches) for (const other of [advisory.id, ...advisory.aliases]) aliases.add(other);
  aliases.delete(id);
  const fixedVersion = highestFix(matches);
  const severity = chooseSeverity(matches.map(evidenceOf));
  const title = primary.advisory.summary ?? matches.find((m) => m.advisory.summary)?.advisory.summary;
  return {
    id,
    aliases: [...aliases].sort(),
    package: pkg,
    installedVersion: pkg.version,
    ...(fixedVersion !== undefined ? { fixedVersion } : {}),
    state: fixedVersion !== undefined ? 'fixed' : stateOf(matches),
    severity: severity.severity,
    severitySource: severity.source,
    ...(severity.cvss ? { cvss: severity.cvss } : {}),
    ...(title ? { title } : {}),
    references: [...new Set(matches.flatMap((m) => m.advisory.references))],
    dataSource: primary.advisory.source,
  };
}

/** When sources disagree on the fix, the highest one: upgrading to it clears every source's finding. */
function highestFix(matches: Match[]): string | undefined {
  let best: Match | undefined;
  for (const match of matches) {
    if (match.fixedVersion === undefined) continue;
    if (best?.fixedVersion === undefined || compareOrZero(match, match.fixedVersion, best.fixedVersion) > 0) best = match;
  }
  return best?.fixedVersion;
}

function compareOrZero(match: Match, a: string, b: string): number {
  try {
    return match.order(a, b);
  } catch {
    return 0;
  }
}

/** The distribution's state for an unfixed package; `affected` when none says otherwise. */
function stateOf(matches: Match[]): FixState {
  return matches.find((m) => m.entry.state !== undefined && m.entry.state !== 'affected')?.entry.state ?? 'affected';
}

function evidenceOf({ advisory, entry, distro }: Match): SeverityEvidence {
  if (distro && entry.severity) {
    return { distro: { severity: entry.severity, source: distro }, ...(advisory.severity ? { stated: advisory.severity } : {}), cvss: advisory.cvss };
  }
  const stated = entry.severity ?? advisory.severity;
  return { ...(stated ? { stated } : {}), cvss: advisory.cvss };
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(id, root);
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
}
