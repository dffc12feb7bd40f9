/**
 * SARIF 2.1.0 for image scans: one rule per advisory id, one result per package it matched. A result's location is
 * the file inside the image the package was read from (the package database, a METADATA file, a binary), with the
 * image as its logical location. Suppressed matches carry a SARIF suppression, so code scanning shows them as such.
 */
import { createHash } from 'node:crypto';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { ImageInventory } from '../image/model.js';
import type { Severity } from '../vuln/advisory.js';
import type { Vulnerability } from '../vuln/vulnerability.js';
import { TOOL } from '../tool-info.js';
import { advisoryUrl, suppressionMeaning } from './advisory-links.js';
import type { ImageScanResult } from '../image/model.js';
import { byWorstFirst } from './ordering.js';
import { severityRank } from '../vuln/advisory.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key of the fingerprint in `partialFingerprints`; bump the version if the hashed fields ever change. */
export const IMAGE_FINGERPRINT_KEY = 'kspmImageVulnerability/v1';

const LEVEL: Readonly<Record<Severity, Result.level>> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  NEGLIGIBLE: 'note',
  UNKNOWN: 'warning',
};

/** GitHub code scanning ranks security alerts by this number (critical ≥ 9.0, high 7.0-8.9, ...), when no CVSS score is known. */
const SECURITY_SEVERITY: Readonly<Record<Severity, number>> = { CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 3.0, NEGLIGIBLE: 1.0, UNKNOWN: 5.5 };

function securitySeverity(v: Vulnerability): string {
  return (v.cvss?.score ?? SECURITY_SEVERITY[v.severity]).toFixed(1);
}

/** The rule of one advisory, from its worst match (matches sorted worst first). */
function rule(matches: readonly Vulnerability[]): ReportingDescriptor {
  const worst = matches[0]!;
  const title = worst.title ?? `${worst.id} in ${worst.package.name}`;
  const aliases = worst.aliases.length > 0 ? `\n\nAliases: ${worst.aliases.join(', ')}` : '';
  return {
    id: worst.id,
    shortDescription: { text: title },
    fullDescription: { text: `${title}${aliases}` },
    helpUri: advisoryUrl(worst.id),
    help: {
      text: `${title}${aliases}\n\nUpgrade the affected package to a fixed version where one exists. ${advisoryUrl(worst.id)}`,
      markdown: `**${title}**${aliases}\n\nUpgrade the affected package to a fixed version where one exists. [${worst.id}](${advisoryUrl(worst.id)})`,
    },
    defaultConfiguration: { level: LEVEL[worst.severity] },
    properties: { 'security-severity': securitySeverity(worst), tags: ['security', 'vulnerability', worst.package.ecosystem], precision: 'very-high' },
  };
}

function location(inventory: ImageInventory, v: Vulnerability): Location {
  const logical = { name: inventory.image.reference, fullyQualifiedName: inventory.image.reference, kind: 'image' };
  if (v.package.path === '') return { logicalLocations: [logical] };
  const uri = v.package.path.split('/').filter((s) => s !== '').map(encodeURIComponent).join('/');
  return { physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } }, logicalLocations: [logical] };
}

/** Stable across scans of new builds of the same image: the repository (not the digest), advisory, package and path. */
export function imageFingerprint(reference: string, v: Vulnerability): string {
  const repository = reference.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[^/:]+$/, '');
  return createHash('sha256').update(JSON.stringify([repository, v.id, v.package.ecosystem, v.package.name, v.package.path])).digest('hex');
}

function message(inventory: ImageInventory, v: Vulnerability): string {
  const fix = v.fixedVersion ? `fixed in ${v.fixedVersion}` : `no fixed version (${v.state.replace(/_/g, ' ')})`;
  return `${v.package.name} ${v.installedVersion} in ${inventory.image.reference} is affected by ${v.id} (${v.severity.toLowerCase()}); ${fix}.`;
}

export function imageScanSarif(images: readonly ImageScanResult[]): Log {
  const byId = new Map<string, Vulnerability[]>();
  for (const { vulnerabilities } of images) {
    for (const v of vulnerabilities) {
      const matches = byId.get(v.id);
      if (matches) matches.push(v);
      else byId.set(v.id, [v]);
    }
  }
  for (const matches of byId.values()) matches.sort(byWorstFirst);
  const worstRank = (id: string): number => severityRank(byId.get(id)![0]!.severity);
  const ruleIds = [...byId.keys()].sort((a, b) => worstRank(a) - worstRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const results: Result[] = images.flatMap(({ inventory, vulnerabilities }) =>
    [...vulnerabilities].sort(byWorstFirst).map((v) => ({
      ruleId: v.id,
      ruleIndex: ruleIndex.get(v.id)!,
      level: LEVEL[v.severity],
      message: { text: message(inventory, v) },
      locations: [location(inventory, v)],
      partialFingerprints: { [IMAGE_FINGERPRINT_KEY]: imageFingerprint(inventory.image.reference, v) },
      properties: {
        image: inventory.image.reference,
        ...(inventory.image.manifestDigest ? { imageDigest: inventory.image.manifestDigest } : {}),
        purl: v.package.purl,
        installedVersion: v.installedVersion,
        ...(v.fixedVersion ? { fixedVersion: v.fixedVersion } : {}),
        ...(v.package.layer ? { layer: v.package.layer } : {}),
        severity: v.severity,
      },
      ...(v.suppressed ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: suppressionMeaning(v.suppressed).detail }] } : {}),
    })),
  );
  const notes = images.flatMap(({ inventory, notes }) => [...inventory.notes, ...notes].map((text) => `${inventory.image.reference}: ${text}`));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, semanticVersion: TOOL.version, ...(TOOL.informationUri ? { informationUri: TOOL.informationUri } : {}), rules: ruleIds.map((id) => rule(byId.get(id)!)) } },
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notes.map((text) => ({ level: 'warning' as const, message: { text } })) }],
      },
    ],
  };
}
