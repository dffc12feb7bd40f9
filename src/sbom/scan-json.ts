/**
 * The JSON report of `kspm image scan` (documented in docs/image-scan.md): one entry per image, with its packages
 * and the vulnerabilities matched to them, open and suppressed alike. Packages and vulnerabilities are sorted, so
 * the same scan gives the same document.
 */
import type { ImageIdentity } from '../image/model.js';
import type { InstalledPackage, OperatingSystem } from '../image/packages/model.js';
import type { Severity } from '../vuln/advisory.js';
import type { Vulnerability } from '../vuln/vulnerability.js';
import { TOOL } from '../tool-info.js';
import type { ImageScanResult } from '../image/model.js';
import { byWorstFirst, countBySeverity } from './ordering.js';

/** Semantic versioning as the scan report's: minor for added fields, major for anything a reader could trip on. */
export const IMAGE_SCAN_SCHEMA_VERSION = '1.0.0';

export interface PackageEntry {
  name: string;
  version: string;
  ecosystem: string;
  purl: string;
  layer: string | null;
  path: string;
  source?: { name: string; version: string };
}

export interface VulnerabilityEntry {
  id: string;
  aliases: string[];
  severity: Severity;
  severitySource: string;
  cvss: { version: string; vector: string; score: number } | null;
  title: string | null;
  package: PackageEntry;
  installedVersion: string;
  fixedVersion: string | null;
  state: Vulnerability['state'];
  references: string[];
  dataSource: string;
  suppressed: Vulnerability['suppressed'] | null;
}

export interface ImageScanEntry {
  image: ImageIdentity;
  os: OperatingSystem | null;
  summary: { packages: number; vulnerabilities: Record<Severity, number>; suppressed: number };
  packages: PackageEntry[];
  vulnerabilities: VulnerabilityEntry[];
  notes: string[];
}

export interface ImageScanDocument {
  schemaVersion: string;
  tool: { name: string; version: string };
  images: ImageScanEntry[];
}

function packageEntry(pkg: InstalledPackage): PackageEntry {
  return {
    name: pkg.name,
    version: pkg.version,
    ecosystem: pkg.ecosystem,
    purl: pkg.purl,
    layer: pkg.layer ?? null,
    path: pkg.path,
    ...(pkg.source ? { source: pkg.source } : {}),
  };
}

function vulnerabilityEntry(v: Vulnerability): VulnerabilityEntry {
  return {
    id: v.id,
    aliases: v.aliases,
    severity: v.severity,
    severitySource: v.severitySource,
    cvss: v.cvss ?? null,
    title: v.title ?? null,
    package: packageEntry(v.package),
    installedVersion: v.installedVersion,
    fixedVersion: v.fixedVersion ?? null,
    state: v.state,
    references: v.references,
    dataSource: v.dataSource,
    suppressed: v.suppressed ?? null,
  };
}

function packageOrder(a: InstalledPackage, b: InstalledPackage): number {
  const key = (p: InstalledPackage): string => [p.ecosystem, p.name, p.version, p.path].join('\u0000');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export function imageScanDocument(images: readonly ImageScanResult[]): ImageScanDocument {
  return {
    schemaVersion: IMAGE_SCAN_SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    images: images.map(({ inventory, vulnerabilities, notes }) => {
      const open = vulnerabilities.filter((v) => !v.suppressed);
      return {
        image: inventory.image,
        os: inventory.os ?? null,
        summary: { packages: inventory.packages.length, vulnerabilities: countBySeverity(open), suppressed: vulnerabilities.length - open.length },
        packages: [...inventory.packages].sort(packageOrder).map(packageEntry),
        vulnerabilities: [...vulnerabilities].sort(byWorstFirst).map(vulnerabilityEntry),
        notes: [...inventory.notes, ...notes],
      };
    }),
  };
}

export function imageScanJson(images: readonly ImageScanResult[]): string {
  return `${JSON.stringify(imageScanDocument(images), null, 2)}\n`;
}
