/**
 * The severity of a finding, by precedence: the distribution's own severity for the package (Debian urgency), then the
 * severity the advisory states, then the base score of its newest CVSS version (v4.0, v3.1, v3.0, v2.0), else UNKNOWN.
 * The distribution knows how a flaw matters in its build; a CVSS vector describes the flaw upstream.
 */
import calculator from 'ae-cvss-calculator';
import type { CvssScore, Severity } from '../advisory.js';
import { severityRank } from '../advisory.js';

/** What one matched advisory says about severity. */
export interface SeverityEvidence {
  /** The distribution's severity for this package, and the distribution's name (`debian`), when it gives one. */
  distro?: { severity: Severity; source: string };
  stated?: Severity;
  cvss: CvssScore[];
}

export interface ChosenSeverity {
  severity: Severity;
  /** `debian`, `ubuntu`, `alpine`, `advisory`, `cvss` or `none`. */
  source: string;
  cvss?: { version: string; vector: string; score: number };
}

const CVSS_VERSIONS: CvssScore['version'][] = ['4.0', '3.1', '3.0', '2.0'];

/** Several advisories may describe one finding; within one precedence level the highest severity wins. */
export function chooseSeverity(evidence: SeverityEvidence[]): ChosenSeverity {
  const cvss = newestCvss(evidence.flatMap((e) => e.cvss));
  const withCvss = cvss ? { cvss } : {};
  const distro = highest(evidence.flatMap((e) => (e.distro ? [e.distro] : [])));
  if (distro) return { severity: distro.severity, source: distro.source, ...withCvss };
  const stated = highest(evidence.flatMap((e) => (e.stated ? [{ severity: e.stated, source: 'advisory' }] : [])));
  if (stated) return { severity: stated.severity, source: 'advisory', ...withCvss };
  if (cvss) return { severity: cvssRating(cvss.version, cvss.score), source: 'cvss', cvss };
  return { severity: 'UNKNOWN', source: 'none' };
}

/** The scored vector of the newest CVSS version present; the highest score among vectors of that version. */
function newestCvss(scores: CvssScore[]): { version: string; vector: string; score: number } | undefined {
  for (const version of CVSS_VERSIONS) {
    const scored = scores
      .filter((s) => s.version === version)
      .flatMap((s) => {
        const score = cvssBaseScore(s);
        return score === undefined ? [] : [{ version, vector: s.vector, score }];
      });
    if (scored.length > 0) return scored.reduce((best, s) => (s.score > best.score ? s : best));
  }
  return undefined;
}

const scoreCache = new Map<string, number | undefined>();

/** The base score of a complete vector, or undefined for one the calculator cannot read or that lacks base metrics. */
export function cvssBaseScore(cvss: CvssScore): number | undefined {
  const key = `${cvss.version} ${cvss.vector}`;
  if (!scoreCache.has(key)) scoreCache.set(key, computeBaseScore(cvss));
  return scoreCache.get(key);
}

function computeBaseScore(cvss: CvssScore): number | undefined {
  try {
    const vector =
      cvss.version === '4.0' ? new calculator.Cvss4P0(cvss.vector)
      : cvss.version === '3.1' ? new calculator.Cvss3P1(cvss.vector)
      : cvss.version === '3.0' ? new calculator.Cvss3P0(cvss.vector)
      : new calculator.Cvss2(cvss.vector);
    if (!vector.isBaseFullyDefined()) return undefined;
    const base = vector.calculateScores().base;
    return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
  } catch {
    return undefined;
  }
}

/** Qualitative ratings: CVSS v3/v4 specification tables; NVD's three bands for v2. A score of 0 is NEGLIGIBLE. */
export function cvssRating(version: string, score: number): Severity {
  if (score === 0) return 'NEGLIGIBLE';
  if (version === '2.0') return score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW';
  return score >= 9 ? 'CRITICAL' : score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW';
}

function highest<T extends { severity: Severity }>(items: T[]): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || severityRank(item.severity) < severityRank(best.severity) ? item : best), undefined);
}
