/**
 * Whether one installed version is affected by one OSV `affected` entry, evaluated as ossf/osv-schema "Evaluation"
 * states it: the version is affected if it is listed in `versions`, or if some range holds it. A range holds it when
 * the version is below one of its `limit`s (or the range has none, or `limit: "*"`), and walking the range's events in
 * version order, the last event at or below the version decides: `introduced` opens, `fixed` closes at its version,
 * `last_affected` closes just after its version. `introduced: "0"` sorts before everything. GIT ranges cannot be
 * evaluated against a package version and are skipped (the `versions` list is what covers them).
 */
import { clean as cleanPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import type { AffectedPackage, AffectedRange, RangeEvent } from '../advisory.js';
import { compareVersions, isSupportedEcosystem, type Comparison } from '../versions/index.js';

type Order = (a: string, b: string) => Comparison;

export interface RangeVerdict {
  affected: boolean;
  /** The smallest `fixed` above the installed version in a range that holds it. */
  fixedVersion?: string;
  /** Why part of the entry could not be evaluated (a version the ordering refuses, an unsupported ecosystem). */
  notes: string[];
}

/**
 * `ecosystem` is the base ecosystem that orders ECOSYSTEM ranges (`Debian`, not `Debian:12`); `subject` names the
 * advisory and package in notes.
 */
export function evaluateAffected(entry: AffectedPackage, installed: string, ecosystem: string, subject: string): RangeVerdict {
  const notes: string[] = [];
  const fixes: { version: string; order: Order }[] = [];
  let inRange = false;
  for (const range of entry.ranges) {
    if (range.type === 'GIT') continue;
    const order = orderFor(range.type, ecosystem);
    if (typeof order === 'string') {
      // One note per ecosystem, not per advisory: the notes of a scan are collected as a set.
      notes.push(`${order}: its advisories are matched by their versions lists only`);
      continue;
    }
    if (!isOrderable(order, installed)) {
      notes.push(`${subject}: installed version ${JSON.stringify(installed)} is not a valid ${describe(range.type, ecosystem)} version; not matched`);
      continue;
    }
    const result = evaluateRange(range, installed, order);
    if ('error' in result) {
      notes.push(`${subject}: ${result.error}; range skipped`);
      continue;
    }
    if (!result.holds) continue;
    inRange = true;
    if (result.fixed !== undefined) fixes.push({ version: result.fixed, order });
  }
  const listed = !inRange && (entry.versions ?? []).some((listedVersion) => sameVersion(ecosystem, listedVersion, installed));
  if (!listed && !inRange) return { affected: false, notes };
  const fixedVersion = smallest(fixes);
  return { affected: true, ...(fixedVersion !== undefined ? { fixedVersion } : {}), notes };
}

type Evaluated = { holds: boolean; fixed?: string } | { error: string };

/** One range against a version its order accepts. */
export function evaluateRange(range: AffectedRange, installed: string, order: Order): Evaluated {
  const sorted = sortedEvents(range, order);
  if ('error' in sorted) return sorted;
  const limits = range.events.flatMap((event) => ('limit' in event ? [event.limit] : []));
  try {
    const beforeLimits = limits.length === 0 || limits.some((limit) => limit === '*' || order(installed, limit) < 0);
    if (!beforeLimits) return { holds: false };
  } catch (error) {
    return { error: `a limit is not a valid version (${(error as Error).message})` };
  }
  let holds = false;
  let fixed: string | undefined;
  for (const event of sorted.events) {
    if ('introduced' in event) {
      if (event.introduced === '0' || order(installed, event.introduced) >= 0) holds = true;
    } else if ('fixed' in event) {
      if (order(installed, event.fixed) >= 0) holds = false;
      else if (holds && fixed === undefined) fixed = event.fixed;
    } else if ('last_affected' in event) {
      if (order(installed, event.last_affected) > 0) holds = false;
    }
  }
  return holds ? { holds, ...(fixed !== undefined ? { fixed } : {}) } : { holds };
}

function eventVersion(event: RangeEvent): string {
  if ('introduced' in event) return event.introduced;
  if ('fixed' in event) return event.fixed;
  if ('last_affected' in event) return event.last_affected;
  return event.limit;
}

function isZeroIntroduced(event: RangeEvent): boolean {
  return 'introduced' in event && event.introduced === '0';
}

type Sorted = { events: RangeEvent[] } | { error: string };

/** A range's ecosystem, and so its order, never changes: its sorted events are kept while the range lives. */
const sortedByRange = new WeakMap<AffectedRange, Sorted>();

function sortedEvents(range: AffectedRange, order: Order): Sorted {
  let sorted = sortedByRange.get(range);
  if (sorted === undefined) {
    sorted = sortEvents(range.events.filter((event) => !('limit' in event)), order);
    sortedByRange.set(range, sorted);
  }
  return sorted;
}

/**
 * Sorted by version; the sort is stable, so events at the same version keep the record's order (`introduced` then
 * `fixed` at one version is an empty range; `fixed` then `introduced` re-opens it there).
 */
function sortEvents(events: RangeEvent[], order: Order): Sorted {
  for (const event of events) {
    if (isZeroIntroduced(event)) continue;
    if (!isOrderable(order, eventVersion(event))) return { error: `event version ${JSON.stringify(eventVersion(event))} is not valid` };
  }
  const sorted = [...events].sort((a, b) => {
    if (isZeroIntroduced(a)) return isZeroIntroduced(b) ? 0 : -1;
    if (isZeroIntroduced(b)) return 1;
    return order(eventVersion(a), eventVersion(b));
  });
  return { events: sorted };
}

function smallest(fixes: { version: string; order: Order }[]): string | undefined {
  let best: { version: string; order: Order } | undefined;
  for (const fix of fixes) {
    if (best === undefined || fix.order(fix.version, best.version) < 0) best = fix;
  }
  return best?.version;
}

function isOrderable(order: Order, version: string): boolean {
  try {
    order(version, version);
    return true;
  } catch {
    return false;
  }
}

/** The order of a range, or why there is none. */
function orderFor(type: 'SEMVER' | 'ECOSYSTEM', ecosystem: string): Order | string {
  if (type === 'SEMVER') return semverOrder(ecosystem);
  if (!isSupportedEcosystem(ecosystem)) return `no version ordering for ecosystem ${ecosystem}`;
  return (a, b) => compareVersions(ecosystem, a, b);
}

function describe(type: 'SEMVER' | 'ECOSYSTEM', ecosystem: string): string {
  return type === 'SEMVER' ? 'SemVer 2.0' : ecosystem;
}

/**
 * SemVer 2.0 precedence (SEMVER ranges). Only Go writes versions with a leading `v` (`v1.2.3`, and OSV's Go records
 * drop it), so only there is it removed; elsewhere `v1.2.3` is not a semantic version.
 */
export function semverOrder(ecosystem: string): Order {
  const strip = ecosystem === 'Go';
  const parse = (version: string): semver.SemVer => {
    const text = strip && version.startsWith('v') ? version.slice(1) : version;
    // The semver library itself accepts `v`, `=` and surrounding spaces; SemVer 2.0 starts with a digit.
    const parsed = /^\d/.test(text) ? semver.parse(text) : null;
    if (parsed === null || parsed.raw !== text) throw new Error(`not a SemVer 2.0 version: ${JSON.stringify(version)}`);
    return parsed;
  };
  return (a, b) => parse(a).compare(parse(b));
}

/**
 * `versions` entries are the registry's published strings, compared exactly as OSV tools do; Go's `v` is optional,
 * and PyPI versions compare by their PEP 440 normal form (package metadata may spell `1.0RC1` for `1.0rc1`).
 */
function sameVersion(ecosystem: string, listed: string, installed: string): boolean {
  if (listed === installed) return true;
  if (ecosystem === 'Go') return listed.replace(/^v/, '') === installed.replace(/^v/, '');
  if (ecosystem === 'PyPI') {
    const normal = pep440Normal(installed);
    return normal !== null && pep440Normal(listed) === normal;
  }
  return false;
}

const normalForms = new Map<string, string | null>();

function pep440Normal(version: string): string | null {
  let normal = normalForms.get(version);
  if (normal === undefined) {
    if (normalForms.size > 200_000) normalForms.clear();
    // The release's trailing zeros do not count: `1.1` is `1.1.0`.
    normal = cleanPep440(version)?.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)+(?=$|[^.\d])/, '$1') ?? null;
    normalForms.set(version, normal);
  }
  return normal;
}
