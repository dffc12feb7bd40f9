/**
 * Known vulnerabilities in a workload's images (image engine results on the inventory) that make it a foothold:
 * critical or high ones with a fixed version (so fixing is possible now), and any listed in CISA's Known Exploited
 * Vulnerabilities catalogue when a KEV set is given.
 */
import type { WorkloadSummary } from '../inventory/inventory.js';
import type { ImageScanOutcome } from '../image/model.js';
import type { Vulnerability } from '../vuln/vulnerability.js';

export interface VulnerabilityNote {
  id: string;
  severity: 'critical' | 'high' | 'other';
  package: string;
  installed: string;
  fixed?: string;
  image: string;
  knownExploited: boolean;
}

export interface WorkloadVulnerabilities {
  /** Critical or high, with a fix, worst first. */
  fixable: VulnerabilityNote[];
  /** In the KEV set given, whatever their severity or fix. */
  knownExploited: VulnerabilityNote[];
}

const RANK = { critical: 0, high: 1, other: 2 } as const;

function noteOf(vulnerability: Vulnerability, image: string, kev: ReadonlySet<string>): VulnerabilityNote {
  const severity = vulnerability.severity === 'CRITICAL' ? 'critical' : vulnerability.severity === 'HIGH' ? 'high' : 'other';
  return {
    id: vulnerability.id,
    severity,
    package: vulnerability.package.name,
    installed: vulnerability.installedVersion,
    ...(vulnerability.fixedVersion ? { fixed: vulnerability.fixedVersion } : {}),
    image,
    knownExploited: kev.has(vulnerability.id) || vulnerability.aliases.some((alias) => kev.has(alias)),
  };
}

const order = (a: VulnerabilityNote, b: VulnerabilityNote) =>
  Number(b.knownExploited) - Number(a.knownExploited) || RANK[a.severity] - RANK[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.image < b.image ? -1 : 1);

export function workloadVulnerabilities(summary: WorkloadSummary, images: ReadonlyMap<string, ImageScanOutcome> | undefined, kev: ReadonlySet<string>): WorkloadVulnerabilities {
  const fixable = new Map<string, VulnerabilityNote>();
  const knownExploited = new Map<string, VulnerabilityNote>();
  for (const { image } of summary.images) {
    const outcome = images?.get(image);
    if (!outcome || !('result' in outcome)) continue;
    for (const vulnerability of outcome.result.vulnerabilities) {
      if (vulnerability.suppressed) continue;
      const note = noteOf(vulnerability, image, kev);
      const key = `${note.id} ${note.package} ${note.image}`;
      if (note.knownExploited) knownExploited.set(key, note);
      if (note.severity !== 'other' && note.fixed !== undefined) fixable.set(key, note);
    }
  }
  return { fixable: [...fixable.values()].sort(order), knownExploited: [...knownExploited.values()].sort(order) };
}

/** `critical CVE-2024-1234 in openssl 3.0.11 (fixed in 3.0.13)`. */
export function describeVulnerability(note: VulnerabilityNote): string {
  const severity = note.severity === 'other' ? '' : `${note.severity} `;
  return `${severity}${note.id} in ${note.package} ${note.installed}${note.fixed ? ` (fixed in ${note.fixed})` : ''}`;
}

/** The first few, then how many more. */
export function listVulnerabilities(notes: readonly VulnerabilityNote[], shown = 2): string {
  const listed = notes.slice(0, shown).map(describeVulnerability).join(', ');
  return notes.length > shown ? `${listed} and ${notes.length - shown} more` : listed;
}
