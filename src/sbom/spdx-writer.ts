/**
 * SPDX 2.3 JSON for scanned images: the document DESCRIBES each image (a package of purpose CONTAINER); each image
 * CONTAINS its operating system and packages. Packages carry their purl as a PACKAGE-MANAGER external reference, the
 * source package in `sourceInfo` (as Trivy writes it), and where they were found as kspm annotations.
 */
import type { ImageInventory } from '../image/model.js';
import type { InstalledPackage } from '../image/packages/model.js';
import { TOOL } from '../tool-info.js';
import { RefAllocator } from './bom-refs.js';
import { imagePurl } from './image-purl.js';
import { freshStamp, KSPM_PROPERTY, type DocumentStamp } from './model.js';
import type { ImageScanResult } from '../image/model.js';
import { BUILT_FROM, type SpdxAnnotation, type SpdxDocument, type SpdxPackage, type SpdxRelationship } from './spdx-model.js';

/** SPDX identifiers allow letters, digits, `.` and `-` only. */
function spdxId(refs: RefAllocator, kind: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return refs.numbered(`SPDXRef-${kind}-${safe}`);
}

/** SPDX dates are UTC without fractions of a second. */
function spdxDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function purlRef(purl: string): SpdxPackage['externalRefs'] {
  return [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl }];
}

function imagePackage(inventory: ImageInventory, id: string): SpdxPackage {
  const { image } = inventory;
  const purl = imagePurl(image);
  return {
    SPDXID: id,
    name: image.reference,
    ...(image.manifestDigest ? { versionInfo: image.manifestDigest } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'CONTAINER',
    ...(purl ? { externalRefs: purlRef(purl) } : {}),
  };
}

function installedPackage(pkg: InstalledPackage, id: string, annotate: (comment: string) => SpdxAnnotation): SpdxPackage {
  return {
    SPDXID: id,
    name: pkg.name,
    versionInfo: pkg.version,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'LIBRARY',
    ...(pkg.source ? { sourceInfo: `${BUILT_FROM}${pkg.source.name} ${pkg.source.version}` } : {}),
    externalRefs: purlRef(pkg.purl),
    annotations: [
      annotate(`${KSPM_PROPERTY.ecosystem}=${pkg.ecosystem}`),
      annotate(`${KSPM_PROPERTY.path}=${pkg.path}`),
      ...(pkg.layer ? [annotate(`${KSPM_PROPERTY.layer}=${pkg.layer}`)] : []),
    ],
  };
}

/** The SPDX 2.3 JSON text of the images scanned in one run (vulnerabilities are not part of SPDX 2.3). */
export function spdxJson(images: readonly ImageScanResult[], stamp: DocumentStamp = freshStamp()): string {
  const refs = new RefAllocator();
  const created = spdxDate(stamp.timestamp);
  const creator = `Tool: ${TOOL.name}-${TOOL.version}`;
  const annotate = (comment: string): SpdxAnnotation => ({ annotationDate: created, annotationType: 'OTHER', annotator: creator, comment });
  const packages: SpdxPackage[] = [];
  const relationships: SpdxRelationship[] = [];
  for (const { inventory } of images) {
    const imageId = spdxId(refs, 'Image', inventory.image.reference);
    packages.push(imagePackage(inventory, imageId));
    relationships.push({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId });
    const { os } = inventory;
    if (os) {
      const osId = spdxId(refs, 'OperatingSystem', `${os.id}-${os.versionId ?? ''}`);
      packages.push({
        SPDXID: osId,
        name: os.id,
        ...(os.versionId ? { versionInfo: os.versionId } : {}),
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'OPERATING-SYSTEM',
        ...(os.prettyName ? { description: os.prettyName } : {}),
      });
      relationships.push({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: osId });
    }
    for (const pkg of inventory.packages) {
      const id = spdxId(refs, 'Package', `${pkg.ecosystem}-${pkg.name}-${pkg.version}`);
      packages.push(installedPackage(pkg, id, annotate));
      relationships.push({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
    }
  }
  const name = images.length === 1 ? images[0]!.inventory.image.reference : `${images.length} images`;
  const document: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `https://spdx.org/spdxdocs/${TOOL.name}-${encodeURIComponent(name.replace(/[^A-Za-z0-9.-]+/g, '-'))}-${stamp.uuid}`,
    creationInfo: { created, creators: [creator] },
    packages,
    relationships,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
