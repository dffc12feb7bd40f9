/**
 * Advisories as kspm keeps them, whatever their source: the OSV model (ossf/osv-schema), which every importer converts
 * to. Distribution data (Debian tracker and DSA/DLA lists, Alpine secdb) becomes OSV-style entries in the ecosystem
 * of one release (`Debian:12`, `Alpine:v3.19`), named after the *source* package, as osv.dev converts them.
 */
export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NEGLIGIBLE' | 'UNKNOWN';

export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'];

/** Lower is more severe: the order of SEVERITIES. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Exactly one key per event, as in OSV. */
export type RangeEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };

export interface AffectedRange {
  type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  events: RangeEvent[];
}

/** A distribution's state for a package it has not fixed (yet). */
export type FixState = 'affected' | 'will_not_fix' | 'fix_deferred' | 'end_of_life';

export interface AffectedPackage {
  /** OSV ecosystem, with the release for distributions: `Debian:12`, `Alpine:v3.19`, `Ubuntu:22.04:LTS`, `PyPI`. */
  ecosystem: string;
  /** The package name in that ecosystem; for Debian, Ubuntu and Alpine the source package. */
  name: string;
  ranges: AffectedRange[];
  /** Affected versions listed one by one (OSV `versions`). */
  versions?: string[];
  /** The distribution's own severity for this package (Debian urgency), which outranks the advisory's. */
  severity?: Severity;
  /** For a package with no fixed version: the distribution's state (absent means `affected`). */
  state?: FixState;
}

export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
}

export interface Advisory {
  id: string;
  aliases: string[];
  /** Related ids (OSV `upstream` and `related`), e.g. the CVEs behind a DSA. */
  related?: string[];
  summary?: string;
  published?: string;
  modified?: string;
  withdrawn?: string;
  /** The severity the advisory states in words (GHSA `database_specific.severity`, DSA urgency), if any. */
  severity?: Severity;
  cvss: CvssScore[];
  references: string[];
  /** The source it was imported from: `osv`, `debian-tracker`, `debian-dsa`, `debian-dla`, `alpine-secdb`. */
  source: string;
  affected: AffectedPackage[];
}

/** What matching needs from a database: the advisories that name a package in an ecosystem. */
export interface AdvisoryLookup {
  advisoriesFor(ecosystem: string, name: string): Advisory[];
}
