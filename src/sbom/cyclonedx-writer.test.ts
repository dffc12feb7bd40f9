import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as CDX from '@cyclonedx/cyclonedx-library';
import { cycloneDxJson } from './cyclonedx-writer.js';
import { alpineImage, debianImage, FIXED_STAMP } from './sbom-fixtures.js';

interface Json {
  [key: string]: unknown;
}
type Component = { type: string; name: string; version?: string; purl?: string; 'bom-ref': string; properties?: { name: string; value: string }[]; components?: Component[] };
type Bom = Json & { metadata: { component?: Component; timestamp: string }; components: Component[]; vulnerabilities?: Json[]; dependencies: { ref: string; dependsOn?: string[] }[] };

const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);

async function assertValid(text: string): Promise<void> {
  assert.equal(await validator.validate(text), null);
}

function property(component: Component, name: string): string | undefined {
  return component.properties?.find((p) => p.name === name)?.value;
}

describe('CycloneDX 1.6 writer', () => {
  it('writes a valid BOM whose subject is the image, with its OS and packages', async () => {
    const text = cycloneDxJson([debianImage()], FIXED_STAMP);
    await assertValid(text);
    const bom = JSON.parse(text) as Bom;
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.serialNumber, `urn:uuid:${FIXED_STAMP.uuid}`);
    assert.equal(bom.metadata.timestamp, '2026-01-02T03:04:05.000Z');
    const image = bom.metadata.component!;
    assert.equal(image.type, 'container');
    assert.equal(image.name, 'ghcr.io/acme/shop-api:1.4.2');
    assert.equal(image.version, 'sha256:aaaa000000000000000000000000000000000000000000000000000000000001');
    assert.equal(image.purl, 'pkg:oci/shop-api@sha256:aaaa000000000000000000000000000000000000000000000000000000000001?arch=amd64&repository_url=ghcr.io%2Facme%2Fshop-api&tag=1.4.2');
    const os = bom.components.find((c) => c.type === 'operating-system')!;
    assert.deepEqual([os.name, os.version], ['debian', '12']);
    const libraries = bom.components.filter((c) => c.type === 'library');
    assert.equal(libraries.length, 8);
    const libssl = libraries.find((c) => c.name === 'libssl3')!;
    assert.equal(libssl['bom-ref'], libssl.purl);
    assert.equal(property(libssl, 'kspm:layer'), 'sha256:1111111111111111111111111111111111111111111111111111111111111111');
    assert.equal(property(libssl, 'kspm:path'), 'var/lib/dpkg/status');
    assert.equal(property(libssl, 'kspm:package:source'), 'openssl');
    const imageDeps = bom.dependencies.find((d) => d.ref === image['bom-ref'])!;
    assert.equal(imageDeps.dependsOn?.length, 9, 'the image depends on its OS and every package');
  });

  it('gives duplicate purls (one package installed at two paths) distinct bom-refs', () => {
    const bom = JSON.parse(cycloneDxJson([debianImage()], FIXED_STAMP)) as Bom;
    const semver = bom.components.filter((c) => c.name === 'semver');
    assert.equal(semver.length, 2);
    assert.deepEqual(semver.map((c) => c['bom-ref']).sort(), ['pkg:npm/semver@7.5.1', 'pkg:npm/semver@7.5.1#app/node_modules/semver/package.json']);
  });

  it('lists vulnerabilities with ratings, affected refs and versions, and analysis for suppressed ones', async () => {
    const bom = JSON.parse(cycloneDxJson([debianImage()], FIXED_STAMP)) as Bom;
    const vulns = bom.vulnerabilities as { id: string; source: Json; ratings: Json[]; affects: { ref: string; versions: Json[] }[]; analysis?: Json; references?: Json[] }[];
    assert.equal(vulns.length, 5, 'the two semver matches of one advisory share an entry');
    const semver = vulns.find((v) => v.id === 'GHSA-c2qf-rxjj-qqgw')!;
    assert.equal(semver.affects.length, 2);
    assert.deepEqual(semver.affects[0]!.versions, [
      { version: '7.5.1', status: 'affected' },
      { version: '7.5.2', status: 'unaffected' },
    ]);
    assert.deepEqual(semver.ratings, [{ source: { name: 'advisory' }, score: 7.5, severity: 'high', method: 'CVSSv31', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }]);
    assert.deepEqual(semver.references, [{ id: 'CVE-2022-25883', source: { url: 'https://osv.dev/vulnerability/CVE-2022-25883' } }]);
    const openssl = vulns.find((v) => v.id === 'CVE-2023-5678')!;
    assert.deepEqual(openssl.source, { name: 'debian-tracker', url: 'https://osv.dev/vulnerability/CVE-2023-5678' });
    assert.equal(openssl.affects[0]!.ref, 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12');
    const go = vulns.find((v) => v.id === 'GO-2023-2102')!;
    assert.deepEqual(go.analysis, {
      state: 'not_affected',
      justification: 'code_not_reachable',
      detail: 'openvex: not_affected: vulnerable_code_not_in_execute_path (helm serves no HTTP/2)',
    });
    assert.equal(vulns.find((v) => v.id === 'CVE-2005-2541')!.analysis, undefined);
    assert.deepEqual(vulns.find((v) => v.id === 'CVE-2005-2541')!.ratings, [{ source: { name: 'debian' }, severity: 'info' }]);
  });

  it('nests each image with its packages when a run scanned several, still valid', async () => {
    const text = cycloneDxJson([debianImage(), alpineImage()], FIXED_STAMP);
    await assertValid(text);
    const bom = JSON.parse(text) as Bom;
    assert.equal(bom.metadata.component, undefined);
    assert.deepEqual(bom.components.map((c) => [c.type, c.name]).sort(), [
      ['container', 'docker.io/library/alpine:3.18'],
      ['container', 'ghcr.io/acme/shop-api:1.4.2'],
    ]);
    const alpine = bom.components.find((c) => c.name === 'docker.io/library/alpine:3.18')!;
    assert.deepEqual(alpine.components!.map((c) => c.name).sort(), ['alpine', 'musl', 'ssl_client']);
    const musl = (bom.vulnerabilities as { id: string; analysis?: Json }[]).find((v) => v.id === 'CVE-2025-26519')!;
    assert.deepEqual(musl.analysis, { state: 'not_affected', detail: 'ignore-file: iconv is not used by our services (until 2026-06-30)' });
  });

  it('is deterministic for a fixed stamp, whatever the package order', () => {
    const shuffled = debianImage();
    shuffled.inventory.packages.reverse();
    shuffled.vulnerabilities.reverse();
    assert.equal(cycloneDxJson([shuffled], FIXED_STAMP), cycloneDxJson([debianImage()], FIXED_STAMP));
    assert.notEqual(cycloneDxJson([debianImage()]), cycloneDxJson([debianImage()]), 'a fresh stamp by default');
  });

  it('the validator rejects a broken BOM (the check can fail)', async () => {
    const bom = JSON.parse(cycloneDxJson([debianImage()], FIXED_STAMP)) as Bom;
    bom.components[0]!.type = 'spaceship';
    assert.notEqual(await validator.validate(JSON.stringify(bom)), null);
  });
});
