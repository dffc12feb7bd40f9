/** One order for vulnerabilities in every image-scan output: worst first, then by advisory id and package. */
import { SEVERITIES, severityRank, type Severity } from '../vuln/advisory.js';
import type { Vulnerability } from '../vuln/vulnerability.js';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byWorstFirst(a: Vulnerability, b: Vulnerability): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0) ||
    compareText(a.id, b.id) ||
    compareText(a.package.name, b.package.name) ||
    compareText(a.package.path, b.package.path)
  );
}

export function countBySeverity(vulnerabilities: readonly Vulnerability[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const v of vulnerabilities) counts[v.severity]++;
  return counts;
}
