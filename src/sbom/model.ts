/** What makes SBOM documents reproducible, and the properties kspm writes into them. */
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
