/** The parts of an SPDX 2.3 JSON document kspm writes and reads (SPDX 2.3 spec, clauses 6 Document, 7 Package, 11 Relationships). */
export interface SpdxExternalRef {
  referenceCategory: 'PACKAGE-MANAGER' | 'PACKAGE_MANAGER' | 'SECURITY' | 'PERSISTENT-ID' | 'OTHER' | string;
  referenceType: string;
  referenceLocator: string;
}

export interface SpdxAnnotation {
  annotationDate: string;
  annotationType: 'REVIEW' | 'OTHER';
  annotator: string;
  comment: string;
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed?: boolean;
  primaryPackagePurpose?: string;
  sourceInfo?: string;
  description?: string;
  externalRefs?: SpdxExternalRef[];
  annotations?: SpdxAnnotation[];
}

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: string;
  relatedSpdxElement: string;
}

export interface SpdxDocument {
  spdxVersion: string;
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}

/** Trivy's and kspm's `sourceInfo` for a binary package built from a source package of another name or version. */
export const BUILT_FROM = 'built package from: ';
