import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageInventory } from '../image/model.js';
import type { InstalledPackage } from '../image/packages/model.js';
import { cycloneDxJson } from './cyclonedx-writer.js';
import { isSbomError, readSbom, readSbomImages } from './read-sbom.js';
import { alpineImage, debianImage, FIXED_STAMP } from './sbom-fixtures.js';
import { spdxJson } from './spdx-writer.js';
import { SYFT_CYCLONEDX, SYFT_SPDX, TRIVY_CYCLONEDX } from './third-party-fixtures.js';

function inventory(text: string, file = 'sbom.json'): ImageInventory {
  const read = readSbom(text, file);
  if (isSbomError(read)) assert.fail(read.error);
  return read;
}

function sorted(packages: readonly InstalledPackage[]): InstalledPackage[] {
  const key = (p: InstalledPackage): string => `${p.purl} ${p.path}`;
  return [...packages].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function byName(inv: ImageInventory, name: string): InstalledPackage {
  const found = inv.packages.find((p) => p.name === name);
  assert.ok(found, `package ${name} read`);
  return found;
}

describe('readSbom: round trips of kspm SBOMs', () => {
  for (const [format, write] of [
    ['CycloneDX', cycloneDxJson],
    ['SPDX', spdxJson],
  ] as const) {
    it(`${format}: reads back the same packages, OS and image`, () => {
      const original = debianImage().inventory;
      const read = inventory(write([debianImage()], FIXED_STAMP));
      assert.deepEqual(sorted(read.packages), sorted(original.packages));
      assert.equal(read.image.reference, original.image.reference);
      assert.equal(read.image.manifestDigest, original.image.manifestDigest);
      assert.deepEqual(read.os, { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' });
      assert.deepEqual(read.notes, []);
    });

    it(`${format}: a document of several images reads back image by image`, () => {
      const images = readSbomImages(write([debianImage(), alpineImage()], FIXED_STAMP), 'two.json');
      if (isSbomError(images)) assert.fail(images.error);
      const alpine = images.find((i) => i.image.reference === 'docker.io/library/alpine:3.18')!;
      assert.deepEqual(sorted(alpine.packages), sorted(alpineImage().inventory.packages));
      assert.equal(alpine.os?.versionId, '3.18.4');
      const single = readSbom(write([debianImage(), alpineImage()], FIXED_STAMP), 'two.json');
      assert.ok(isSbomError(single) && /two\.json: the SBOM describes 2 images/.test(single.error));
    });
  }

  it('CycloneDX keeps the image layers in order, the index digest and the platform', () => {
    const read = inventory(cycloneDxJson([debianImage()], FIXED_STAMP));
    assert.deepEqual(read.image, debianImage().inventory.image);
  });
});

describe('readSbom: SBOMs of other tools', () => {
  it('Syft CycloneDX: source from the upstream qualifier and syft:metadata:source, paths and layers from syft:location', () => {
    const read = inventory(SYFT_CYCLONEDX);
    assert.equal(read.image.reference, 'python:3.12-slim');
    assert.equal(read.image.manifestDigest, 'sha256:4444444444444444444444444444444444444444444444444444444444444444');
    assert.deepEqual(read.os, { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' });
    assert.deepEqual(byName(read, 'libssl3'), {
      ecosystem: 'Debian',
      name: 'libssl3',
      version: '3.0.15-1~deb12u1',
      source: { name: 'openssl', version: '3.0.15-1~deb12u1' },
      path: 'var/lib/dpkg/status',
      layer: 'sha256:5555555555555555555555555555555555555555555555555555555555555555',
      purl: 'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12',
    });
    assert.equal(byName(read, 'pip').ecosystem, 'PyPI');
    assert.equal(byName(read, 'pip').path, 'usr/local/lib/python3.12/site-packages/pip-24.0.dist-info/METADATA');
    assert.deepEqual([byName(read, 'org.apache.logging.log4j:log4j-core').ecosystem, byName(read, 'org.apache.logging.log4j:log4j-core').version], ['Maven', '2.14.1']);
    assert.equal(read.packages.length, 3, 'the OS and the file are not packages');
  });

  it('Trivy CycloneDX: repo digest, OS component, SrcName, FilePath, a bare distro version, unknown purl types noted', () => {
    const read = inventory(TRIVY_CYCLONEDX, 'trivy.cdx.json');
    assert.equal(read.image.reference, 'alpine:3.19');
    assert.equal(read.image.manifestDigest, 'sha256:7777777777777777777777777777777777777777777777777777777777777777');
    assert.deepEqual(read.os, { id: 'alpine', versionId: '3.19.1' });
    const crypto = byName(read, 'libcrypto3');
    assert.deepEqual([crypto.ecosystem, crypto.source, crypto.layer], ['Alpine', { name: 'openssl', version: '3.1.4-r5' }, 'sha256:aaaa111111111111111111111111111111111111111111111111111111111111']);
    const babel = byName(read, '@babel/traverse');
    assert.deepEqual([babel.ecosystem, babel.path], ['npm', 'app/node_modules/@babel/traverse/package.json']);
    assert.equal(byName(read, 'github.com/example/tool').ecosystem, 'Go');
    assert.deepEqual(read.notes, ['component "zlib" 1.3: pkg:conan/zlib@1.3: kspm does not know the ecosystem of purl type "conan"; not scanned']);
  });

  it('Trivy apk purls without an OS component still give the OS from the distro qualifier', () => {
    const bom = JSON.parse(TRIVY_CYCLONEDX) as { components: { type: string }[] };
    bom.components = bom.components.filter((c) => c.type !== 'operating-system');
    assert.deepEqual(inventory(JSON.stringify(bom)).os, { id: 'alpine', versionId: '3.19.1' });
  });

  it('Syft SPDX: the described CONTAINER is the image; upstream gives the source package', () => {
    const read = inventory(SYFT_SPDX);
    assert.equal(read.image.reference, 'python');
    assert.equal(read.image.manifestDigest, 'sha256:4444444444444444444444444444444444444444444444444444444444444444');
    assert.deepEqual(read.os, { id: 'debian', versionId: '12' });
    assert.deepEqual(byName(read, 'libssl3').source, { name: 'openssl', version: '3.0.15-1~deb12u1' });
    assert.deepEqual(read.packages.map((p) => p.ecosystem).sort(), ['Debian', 'PyPI']);
  });
});

describe('readSbom: what is not an SBOM', () => {
  const cases: [string, string, RegExp][] = [
    ['a Kubernetes manifest', JSON.stringify({ apiVersion: 'v1', kind: 'Pod' }), /^pod\.json: not an SBOM: neither CycloneDX \(no "bomFormat"\) nor SPDX/],
    ['broken JSON', '{"bomFormat": ', /^pod\.json: not JSON: /],
    ['CycloneDX XML', '<?xml version="1.0"?><bom/>', /XML SBOMs are not read/],
    ['a JSON array', '[]', /the JSON is not an object/],
    ['CycloneDX 1.2', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2', components: [] }), /^pod\.json: not a CycloneDX 1\.4-1\.6 JSON BOM kspm can read: specVersion/],
    ['SPDX 2.1', JSON.stringify({ spdxVersion: 'SPDX-2.1', SPDXID: 'SPDXRef-DOCUMENT' }), /not an SPDX 2\.2\/2\.3 JSON document .*spdxVersion/],
    ['a component without a name', JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'library' }] }), /components\.0\.name/],
  ];
  for (const [what, text, message] of cases) {
    it(`${what} is an error naming the file`, () => {
      const read = readSbom(text, 'pod.json');
      assert.ok(isSbomError(read), 'an error');
      assert.match(read.error, message);
    });
  }
});
