import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { alpineImage, debianImage, FIXED_STAMP } from './sbom-fixtures.js';
import { spdxJson } from './spdx-writer.js';

/** The required parts of an SPDX 2.3 document (spec clauses 6, 7 and 11), with the value rules the spec states. */
const spdxId = z.string().regex(/^SPDXRef-[A-Za-z0-9.-]+$/);
const spdx23 = z.object({
  spdxVersion: z.literal('SPDX-2.3'),
  dataLicense: z.literal('CC0-1.0'),
  SPDXID: z.literal('SPDXRef-DOCUMENT'),
  name: z.string().min(1),
  documentNamespace: z.url().refine((uri) => !uri.includes('#'), 'no # in the namespace'),
  creationInfo: z.object({
    created: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    creators: z.array(z.string().regex(/^(Tool|Organization|Person): .+/)).min(1),
  }),
  packages: z.array(
    z.object({
      SPDXID: spdxId,
      name: z.string().min(1),
      downloadLocation: z.string().min(1),
      filesAnalyzed: z.boolean().optional(),
      primaryPackagePurpose: z.enum(['APPLICATION', 'FRAMEWORK', 'LIBRARY', 'CONTAINER', 'OPERATING-SYSTEM', 'DEVICE', 'FIRMWARE', 'SOURCE', 'ARCHIVE', 'FILE', 'INSTALL', 'OTHER']).optional(),
      externalRefs: z
        .array(z.object({ referenceCategory: z.enum(['SECURITY', 'PACKAGE-MANAGER', 'PERSISTENT-ID', 'OTHER']), referenceType: z.string(), referenceLocator: z.string().regex(/^\S+$/) }))
        .optional(),
      annotations: z.array(z.object({ annotationDate: z.string(), annotationType: z.enum(['REVIEW', 'OTHER']), annotator: z.string(), comment: z.string() })).optional(),
    }),
  ),
  relationships: z.array(z.object({ spdxElementId: spdxId, relationshipType: z.string(), relatedSpdxElement: spdxId })),
});
type Spdx = z.infer<typeof spdx23>;

function parse(text: string): Spdx {
  const parsed = spdx23.safeParse(JSON.parse(text));
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2));
  return parsed.data;
}

describe('SPDX 2.3 writer', () => {
  it('writes the required document fields, a package per image, OS and package, with purls', () => {
    const doc = parse(spdxJson([debianImage()], FIXED_STAMP));
    assert.equal(doc.name, 'ghcr.io/acme/shop-api:1.4.2');
    assert.equal(doc.creationInfo.created, '2026-01-02T03:04:05Z');
    assert.ok(doc.documentNamespace.endsWith(FIXED_STAMP.uuid));
    assert.equal(doc.packages.length, 1 + 1 + 8);
    const ids = doc.packages.map((p) => p.SPDXID);
    assert.equal(new Set(ids).size, ids.length, 'SPDX ids are unique, also for one package at two paths');
    const image = doc.packages.find((p) => p.primaryPackagePurpose === 'CONTAINER')!;
    assert.equal(image.externalRefs?.[0]?.referenceLocator.startsWith('pkg:oci/shop-api@sha256:'), true);
    const libssl = doc.packages.find((p) => p.name === 'libssl3')!;
    assert.deepEqual(libssl.externalRefs, [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12' }]);
    assert.deepEqual(libssl.annotations?.map((a) => a.comment), ['kspm:package:ecosystem=Debian', 'kspm:path=var/lib/dpkg/status', 'kspm:layer=sha256:1111111111111111111111111111111111111111111111111111111111111111']);
  });

  it('relates the document, images and packages: DESCRIBES each image, which CONTAINS each of its packages', () => {
    const doc = parse(spdxJson([debianImage(), alpineImage()], FIXED_STAMP));
    const described = doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES');
    assert.deepEqual(described.map((r) => r.spdxElementId), ['SPDXRef-DOCUMENT', 'SPDXRef-DOCUMENT']);
    const byId = new Map(doc.packages.map((p) => [p.SPDXID, p]));
    const alpineId = described.map((r) => r.relatedSpdxElement).find((id) => byId.get(id)!.name === 'docker.io/library/alpine:3.18')!;
    const contained = doc.relationships.filter((r) => r.spdxElementId === alpineId && r.relationshipType === 'CONTAINS').map((r) => byId.get(r.relatedSpdxElement)!.name);
    assert.deepEqual(contained.sort(), ['alpine', 'musl', 'ssl_client']);
    for (const r of doc.relationships) assert.ok(r.spdxElementId === 'SPDXRef-DOCUMENT' || byId.has(r.spdxElementId), `${r.spdxElementId} exists`);
    for (const r of doc.relationships) assert.ok(byId.has(r.relatedSpdxElement), `${r.relatedSpdxElement} exists`);
  });

  it('the schema check catches a broken document', () => {
    const doc = JSON.parse(spdxJson([debianImage()], FIXED_STAMP)) as Spdx;
    doc.packages[0]!.SPDXID = 'not an id';
    assert.equal(spdx23.safeParse(doc).success, false);
  });
});
