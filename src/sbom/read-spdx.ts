/**
 * Packages from SPDX JSON (2.2, 2.3). The document DESCRIBES its images (packages of purpose CONTAINER, or whatever it
 * describes); an image's packages are those it CONTAINS, directly or through another package (Trivy: image → OS →
 * packages), or the other way round with CONTAINED_BY. A document that describes one image owns every package.
 * Purls come from PACKAGE-MANAGER external references; the source package from `sourceInfo` ("built package from:
 * NAME VERSION"); where a package was found from kspm's annotations (`kspm:path=...`) or Trivy's (`FilePath: ...`).
 */
import { z } from 'zod';
import type { ImageIdentity, ImageInventory } from '../image/model.js';
import { InventoryBuilder } from './inventory-builder.js';
import { KSPM_PROPERTY } from './model.js';
import type { PackageOrigin } from './purl-package.js';
import { BUILT_FROM } from './spdx-model.js';

const spdxPackage = z.object({
  SPDXID: z.string(),
  name: z.string(),
  versionInfo: z.string().optional(),
  primaryPackagePurpose: z.string().optional(),
  sourceInfo: z.string().optional(),
  description: z.string().optional(),
  externalRefs: z.array(z.object({ referenceCategory: z.string(), referenceType: z.string(), referenceLocator: z.string() })).optional(),
  annotations: z.array(z.object({ comment: z.string() })).optional(),
});
type SpdxPackage = z.infer<typeof spdxPackage>;

export const spdxDocument = z.object({
  spdxVersion: z.enum(['SPDX-2.2', 'SPDX-2.3']),
  SPDXID: z.string(),
  documentDescribes: z.array(z.string()).optional(),
  packages: z.array(spdxPackage).optional(),
  relationships: z.array(z.object({ spdxElementId: z.string(), relationshipType: z.string(), relatedSpdxElement: z.string() })).optional(),
});
type SpdxDocument = z.infer<typeof spdxDocument>;

const DIGEST = /^sha256:[0-9a-f]{64}$/;

function purlOf(pkg: SpdxPackage): string | undefined {
  return pkg.externalRefs?.find((ref) => ref.referenceType === 'purl')?.referenceLocator;
}

/** An annotation's value: kspm writes `kspm:path=value`, Trivy `FilePath: value`. */
function annotation(pkg: SpdxPackage, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const { comment } of pkg.annotations ?? []) {
      for (const separator of ['=', ': ']) if (comment.startsWith(`${key}${separator}`)) return comment.slice(key.length + separator.length);
    }
  }
  return undefined;
}

function originOf(pkg: SpdxPackage): PackageOrigin {
  const path = annotation(pkg, KSPM_PROPERTY.path, 'FilePath') ?? '';
  const layer = annotation(pkg, KSPM_PROPERTY.layer, 'LayerDigest');
  const ecosystem = annotation(pkg, KSPM_PROPERTY.ecosystem);
  const built = pkg.sourceInfo?.startsWith(BUILT_FROM) ? pkg.sourceInfo.slice(BUILT_FROM.length).trim().split(/\s+/) : [];
  const [sourceName, sourceVersion] = built;
  return {
    path: path.replace(/^\/+/, ''),
    ...(layer ? { layer } : {}),
    ...(sourceName ? { source: { name: sourceName, version: sourceVersion ?? pkg.versionInfo ?? '' } } : {}),
    ...(ecosystem ? { ecosystem } : {}),
  };
}

function identityOf(pkg: SpdxPackage): ImageIdentity {
  return { reference: pkg.name, ...(pkg.versionInfo && DIGEST.test(pkg.versionInfo) ? { manifestDigest: pkg.versionInfo } : {}), layers: [] };
}

/** Every package an image holds, following CONTAINS (and CONTAINED_BY) through intermediate packages. */
function containedBy(document: SpdxDocument): (root: string) => Set<string> {
  const children = new Map<string, string[]>();
  const link = (parent: string, child: string): void => void children.set(parent, [...(children.get(parent) ?? []), child]);
  for (const { spdxElementId, relationshipType, relatedSpdxElement } of document.relationships ?? []) {
    if (relationshipType === 'CONTAINS') link(spdxElementId, relatedSpdxElement);
    if (relationshipType === 'CONTAINED_BY') link(relatedSpdxElement, spdxElementId);
  }
  return (root) => {
    const seen = new Set<string>();
    const queue = [...(children.get(root) ?? [])];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (seen.has(id) || id === root) continue;
      seen.add(id);
      queue.push(...(children.get(id) ?? []));
    }
    return seen;
  };
}

function describedIds(document: SpdxDocument): string[] {
  const fromRelationships = (document.relationships ?? [])
    .filter((r) => r.spdxElementId === document.SPDXID && r.relationshipType === 'DESCRIBES')
    .map((r) => r.relatedSpdxElement);
  return [...new Set([...(document.documentDescribes ?? []), ...fromRelationships])];
}

function collect(pkg: SpdxPackage, builder: InventoryBuilder): void {
  if (pkg.primaryPackagePurpose === 'OPERATING-SYSTEM') {
    builder.setOs({ id: pkg.name.toLowerCase(), ...(pkg.versionInfo ? { versionId: pkg.versionInfo } : {}), ...(pkg.description ? { prettyName: pkg.description } : {}) });
    return;
  }
  const purl = purlOf(pkg);
  if (purl) builder.addPurl(purl, originOf(pkg), `package "${pkg.name}" (${pkg.SPDXID})`);
  else if (pkg.primaryPackagePurpose === 'LIBRARY') builder.note(`package "${pkg.name}" (${pkg.SPDXID}) has no purl; not scanned`);
}

/** The images of an SPDX document already checked against `spdxDocument`. */
export function spdxInventories(document: SpdxDocument, file: string): ImageInventory[] {
  const packages = new Map((document.packages ?? []).map((pkg) => [pkg.SPDXID, pkg]));
  const described = describedIds(document).flatMap((id) => packages.get(id) ?? []);
  const containers = described.filter((pkg) => pkg.primaryPackagePurpose === 'CONTAINER');
  const images = containers.length > 0 ? containers : described.slice(0, 1);
  const contents = containedBy(document);
  if (images.length <= 1) {
    const image = images[0];
    const builder = new InventoryBuilder(image ? identityOf(image) : { reference: file, layers: [] });
    for (const pkg of packages.values()) if (pkg !== image) collect(pkg, builder);
    return [builder.build()];
  }
  return images.map((image) => {
    const builder = new InventoryBuilder(identityOf(image));
    for (const id of contents(image.SPDXID)) {
      const pkg = packages.get(id);
      if (pkg) collect(pkg, builder);
    }
    return builder.build();
  });
}
