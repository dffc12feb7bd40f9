import type { AffectedPackage, Advisory } from '../advisory.js';

/**
 * Joins advisories of one source that share an id (a CVE fixed by two DSAs, or listed in both an Alpine main and
 * community file) into one: affected packages, aliases, related ids and references are united, identical affected
 * entries kept once. Advisories from different sources are never joined here; matching de-duplicates those.
 */
export function mergeSameId(advisories: Iterable<Advisory>): Advisory[] {
  const byKey = new Map<string, Advisory>();
  for (const advisory of advisories) {
    const key = `${advisory.source}\u0000${advisory.id}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? mergeTwo(seen, advisory) : advisory);
  }
  return [...byKey.values()];
}

function mergeTwo(a: Advisory, b: Advisory): Advisory {
  const related = union(a.related ?? [], b.related ?? []);
  return {
    ...a,
    aliases: union(a.aliases, b.aliases),
    ...(related.length > 0 ? { related } : {}),
    summary: a.summary ?? b.summary,
    published: earliest(a.published, b.published),
    modified: latest(a.modified, b.modified),
    severity: a.severity ?? b.severity,
    cvss: uniqueBy([...a.cvss, ...b.cvss], (c) => c.vector),
    references: union(a.references, b.references),
    affected: uniqueBy([...a.affected, ...b.affected], affectedKey),
  };
}

function affectedKey(entry: AffectedPackage): string {
  return JSON.stringify([entry.ecosystem, entry.name, entry.ranges, entry.versions, entry.severity, entry.state]);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a <= b ? a : b;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a >= b ? a : b;
}
