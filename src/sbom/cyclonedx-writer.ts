/**
 * CycloneDX 1.6 JSON for scanned images. One image: the image is `metadata.component` (type container) and its
 * operating system and packages are the top-level components. Several images: each image is a top-level container
 * component holding its operating system and packages as nested components. Packages are `library` components, as
 * Syft and Trivy write them, with kspm properties for where each was found; vulnerabilities, when given, affect them
 * by bom-ref. Lists are sorted, so the same scan gives the same bytes once the stamp is fixed.
 */
import * as CDX from '@cyclonedx/cyclonedx-library';
import type { ImageInventory } from '../image/model.js';
import type { InstalledPackage } from '../image/packages/model.js';
import type { Severity } from '../vuln/advisory.js';
import type { Vulnerability } from '../vuln/vulnerability.js';
import { TOOL } from '../tool-info.js';
import { advisoryUrl, suppressionMeaning } from './advisory-links.js';
import type { VexJustification } from '../vuln/ignore/openvex.js';
import { RefAllocator } from './bom-refs.js';
import { imagePurl } from './image-purl.js';
import { freshStamp, KSPM_PROPERTY, type DocumentStamp } from './model.js';
import type { ImageScanResult } from '../image/model.js';

const { ComponentType } = CDX.Enums;
const { AnalysisJustification, AnalysisState, AffectStatus, RatingMethod } = CDX.Enums.Vulnerability;
const VulnModels = CDX.Models.Vulnerability;

const SEVERITY: Readonly<Record<Severity, CDX.Enums.Vulnerability.Severity>> = {
  CRITICAL: CDX.Enums.Vulnerability.Severity.Critical,
  HIGH: CDX.Enums.Vulnerability.Severity.High,
  MEDIUM: CDX.Enums.Vulnerability.Severity.Medium,
  LOW: CDX.Enums.Vulnerability.Severity.Low,
  NEGLIGIBLE: CDX.Enums.Vulnerability.Severity.Info,
  UNKNOWN: CDX.Enums.Vulnerability.Severity.Unknown,
};

const CVSS_METHOD: Readonly<Record<string, CDX.Enums.Vulnerability.RatingMethod>> = {
  '2.0': RatingMethod.CVSSv2,
  '3.0': RatingMethod.CVSSv3,
  '3.1': RatingMethod.CVSSv31,
  '4.0': RatingMethod.CVSSv4,
};

const JUSTIFICATION: Readonly<Record<VexJustification, CDX.Enums.Vulnerability.AnalysisJustification>> = {
  component_not_present: AnalysisJustification.CodeNotPresent,
  vulnerable_code_not_present: AnalysisJustification.CodeNotPresent,
  vulnerable_code_not_in_execute_path: AnalysisJustification.CodeNotReachable,
  vulnerable_code_cannot_be_controlled_by_adversary: AnalysisJustification.RequiresEnvironment,
  inline_mitigations_already_exist: AnalysisJustification.ProtectedByMitigatingControl,
};

function property(name: string, value: string): CDX.Models.Property {
  return new CDX.Models.Property(name, value);
}

function imageComponent(inventory: ImageInventory, refs: RefAllocator): CDX.Models.Component {
  const { image } = inventory;
  const purl = imagePurl(image);
  const component = new CDX.Models.Component(ComponentType.Container, image.reference, {
    bomRef: refs.take(purl ?? image.reference, 'image'),
    ...(image.manifestDigest ? { version: image.manifestDigest } : {}),
    ...(purl ? { purl } : {}),
  });
  component.properties.add(property(KSPM_PROPERTY.imageReference, image.reference));
  // One property holding the list: readers of a BOM may sort properties, and layer order matters.
  if (image.layers.length > 0) component.properties.add(property(KSPM_PROPERTY.imageLayers, image.layers.join(' ')));
  if (image.indexDigest) component.properties.add(property(KSPM_PROPERTY.indexDigest, image.indexDigest));
  if (image.platform) {
    const { os, architecture, variant } = image.platform;
    component.properties.add(property(KSPM_PROPERTY.platform, [os, architecture, variant].filter(Boolean).join('/')));
  }
  return component;
}

function osComponent(inventory: ImageInventory, refs: RefAllocator): CDX.Models.Component | undefined {
  const { os } = inventory;
  if (!os) return undefined;
  const name = `${os.id}${os.versionId ? `-${os.versionId}` : ''}`;
  return new CDX.Models.Component(ComponentType.OperatingSystem, os.id, {
    bomRef: refs.take(`os:${name}`, inventory.image.reference),
    ...(os.versionId ? { version: os.versionId } : {}),
    ...(os.prettyName ? { description: os.prettyName } : {}),
  });
}

function packageComponent(pkg: InstalledPackage, refs: RefAllocator): CDX.Models.Component {
  const component = new CDX.Models.Component(ComponentType.Library, pkg.name, {
    bomRef: refs.take(pkg.purl, pkg.path),
    version: pkg.version,
    purl: pkg.purl,
  });
  component.properties.add(property(KSPM_PROPERTY.ecosystem, pkg.ecosystem));
  component.properties.add(property(KSPM_PROPERTY.path, pkg.path));
  if (pkg.layer) component.properties.add(property(KSPM_PROPERTY.layer, pkg.layer));
  if (pkg.source) {
    component.properties.add(property(KSPM_PROPERTY.sourceName, pkg.source.name));
    component.properties.add(property(KSPM_PROPERTY.sourceVersion, pkg.source.version));
  }
  return component;
}

function rating(vulnerability: Vulnerability): CDX.Models.Vulnerability.Rating {
  const { cvss } = vulnerability;
  return new VulnModels.Rating({
    source: new VulnModels.Source({ name: vulnerability.severitySource }),
    severity: SEVERITY[vulnerability.severity],
    ...(cvss ? { score: cvss.score, vector: cvss.vector, method: CVSS_METHOD[cvss.version] ?? RatingMethod.Other } : {}),
  });
}

function analysis(suppressed: NonNullable<Vulnerability['suppressed']>): CDX.Models.Vulnerability.Analysis {
  const meaning = suppressionMeaning(suppressed);
  return new VulnModels.Analysis({
    state: meaning.state === 'resolved' ? AnalysisState.Resolved : AnalysisState.NotAffected,
    ...(meaning.justification ? { justification: JUSTIFICATION[meaning.justification] } : {}),
    detail: meaning.detail,
  });
}

/** Matches of one advisory that read the same (severity, score, suppression) share one entry affecting all their packages. */
function groupKey(vulnerability: Vulnerability): string {
  const { id, severity, severitySource, cvss, suppressed, dataSource } = vulnerability;
  return JSON.stringify([id, severity, severitySource, cvss, suppressed, dataSource]);
}

function vulnerabilityEntries(matches: { vulnerability: Vulnerability; ref: CDX.Models.BomRef }[], refs: RefAllocator): CDX.Models.Vulnerability.Vulnerability[] {
  const groups = new Map<string, typeof matches>();
  for (const match of matches) {
    const key = groupKey(match.vulnerability);
    const group = groups.get(key);
    if (group) group.push(match);
    else groups.set(key, [match]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!.vulnerability;
    const entry = new VulnModels.Vulnerability({
      bomRef: refs.take(first.id, 'vulnerability'),
      id: first.id,
      source: new VulnModels.Source({ name: first.dataSource, url: advisoryUrl(first.id) }),
      ...(first.title ? { description: first.title } : {}),
      ...(first.suppressed ? { analysis: analysis(first.suppressed) } : {}),
    });
    entry.ratings.add(rating(first));
    for (const alias of first.aliases) entry.references.add(new VulnModels.Reference(alias, new VulnModels.Source({ url: advisoryUrl(alias) })));
    for (const url of first.references) if (/^https?:\/\//.test(url)) entry.advisories.add(new VulnModels.Advisory(url));
    for (const { vulnerability, ref } of group) {
      const affect = new VulnModels.Affect(ref);
      affect.versions.add(new VulnModels.AffectedSingleVersion(vulnerability.installedVersion, { status: AffectStatus.Affected }));
      if (vulnerability.fixedVersion) affect.versions.add(new VulnModels.AffectedSingleVersion(vulnerability.fixedVersion, { status: AffectStatus.Unaffected }));
      entry.affects.add(affect);
    }
    return entry;
  });
}

/** Identity of an installed package within one image, to find the component a vulnerability's package became. */
function packageKey(pkg: InstalledPackage): string {
  return JSON.stringify([pkg.purl, pkg.path, pkg.layer ?? '']);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The CycloneDX 1.6 JSON text of the images scanned in one run. */
export function cycloneDxJson(images: readonly ImageScanResult[], stamp: DocumentStamp = freshStamp()): string {
  const bom = new CDX.Models.Bom({ serialNumber: `urn:uuid:${stamp.uuid}` });
  bom.metadata.timestamp = stamp.timestamp;
  bom.metadata.tools.components.add(new CDX.Models.Component(ComponentType.Application, TOOL.name, { version: TOOL.version }));
  const refs = new RefAllocator();
  const matches: { vulnerability: Vulnerability; ref: CDX.Models.BomRef }[] = [];
  for (const { inventory, vulnerabilities } of images) {
    const image = imageComponent(inventory, refs);
    const os = osComponent(inventory, refs);
    const children = new Map<string, CDX.Models.Component>();
    // Sorted first so that which duplicate gets the plain purl as its bom-ref does not depend on detection order.
    for (const pkg of [...inventory.packages].sort((a, b) => compareText(packageKey(a), packageKey(b)))) {
      const key = packageKey(pkg);
      if (!children.has(key)) children.set(key, packageComponent(pkg, refs));
    }
    const members = [...(os ? [os] : []), ...children.values()];
    for (const member of members) image.dependencies.add(member.bomRef);
    if (images.length === 1) {
      bom.metadata.component = image;
      for (const member of members) bom.components.add(member);
    } else {
      for (const member of members) image.components.add(member);
      bom.components.add(image);
    }
    for (const vulnerability of vulnerabilities) {
      const component = children.get(packageKey(vulnerability.package));
      if (component) matches.push({ vulnerability, ref: component.bomRef });
    }
  }
  for (const entry of vulnerabilityEntries(matches, refs)) bom.vulnerabilities.add(entry);
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}
