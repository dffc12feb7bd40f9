/** What the image-scan writers take: one entry per image scanned in a run. */
import type { ImageInventory } from '../image/model.js';
import type { Vulnerability } from '../vuln/vulnerability.js';

/** One image's scan (the same shape as `ImageScanResult`): an SBOM needs only the inventory; vulnerabilities may be empty. */
export interface ImageReport {
  inventory: ImageInventory;
  vulnerabilities: Vulnerability[];
  notes: string[];
}

/** What makes two SBOM documents differ though their content is the same: injected so that tests and reproducible builds can fix them. */
export interface DocumentStamp {
  /** When the document was made. */
  timestamp: Date;
  /** A random UUID (`crypto.randomUUID()`): the CycloneDX serial number, the tail of the SPDX document namespace. */
  uuid: string;
}

export function freshStamp(): DocumentStamp {
  return { timestamp: new Date(), uuid: crypto.randomUUID() };
}

/** Properties kspm writes on CycloneDX components (and reads back). */
export const KSPM_PROPERTY = {
  layer: 'kspm:layer',
  path: 'kspm:path',
  ecosystem: 'kspm:package:ecosystem',
  sourceName: 'kspm:package:source',
  sourceVersion: 'kspm:package:source:version',
  imageLayers: 'kspm:image:layers',
  imageReference: 'kspm:image:reference',
  indexDigest: 'kspm:image:index-digest',
  platform: 'kspm:image:platform',
} as const;
