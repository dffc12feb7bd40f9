import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alpineImage, debianImage } from './sbom-fixtures.js';
import { imageScanDocument, imageScanJson } from './scan-json.js';

describe('image scan JSON', () => {
  it('has one entry per image with sorted packages, worst-first vulnerabilities and counts of open ones', () => {
    const doc = imageScanDocument([debianImage(), alpineImage()]);
    assert.equal(doc.schemaVersion, '1.0.0');
    assert.deepEqual(doc.images.map((i) => i.image.reference), ['ghcr.io/acme/shop-api:1.4.2', 'docker.io/library/alpine:3.18']);
    const debian = doc.images[0]!;
    assert.deepEqual(debian.os, debianImage().inventory.os);
    assert.deepEqual(debian.packages.map((p) => `${p.ecosystem}/${p.name}`), ['Debian/libssl3', 'Debian/tar', 'Debian/zlib1g', 'Go/golang.org/x/net', 'PyPI/requests', 'npm/@babel/traverse', 'npm/semver', 'npm/semver']);
    assert.deepEqual(debian.vulnerabilities.map((v) => [v.id, v.severity]), [
      ['GHSA-67hx-6x53-jw92', 'CRITICAL'],
      ['GHSA-c2qf-rxjj-qqgw', 'HIGH'],
      ['GHSA-c2qf-rxjj-qqgw', 'HIGH'],
      ['GO-2023-2102', 'HIGH'],
      ['CVE-2023-5678', 'MEDIUM'],
      ['CVE-2005-2541', 'NEGLIGIBLE'],
    ]);
    assert.deepEqual(debian.summary, { packages: 8, vulnerabilities: { CRITICAL: 1, HIGH: 2, MEDIUM: 1, LOW: 0, NEGLIGIBLE: 1, UNKNOWN: 0 }, suppressed: 1 });
    const libssl = debian.packages[0]!;
    assert.deepEqual(libssl, {
      name: 'libssl3',
      version: '3.0.11-1~deb12u2',
      ecosystem: 'Debian',
      purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
      layer: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
      path: 'var/lib/dpkg/status',
      source: { name: 'openssl', version: '3.0.11-1~deb12u2' },
    });
    const go = debian.vulnerabilities.find((v) => v.id === 'GO-2023-2102')!;
    assert.equal(go.suppressed?.by, 'openvex');
    assert.equal(debian.vulnerabilities.find((v) => v.id === 'CVE-2005-2541')!.fixedVersion, null);
    assert.deepEqual(doc.images[1]!.notes, ['lib/apk/db/triggers: skipped']);
  });

  it('is the same text whatever order the scan found things in', () => {
    const shuffled = debianImage();
    shuffled.inventory.packages.reverse();
    shuffled.vulnerabilities.reverse();
    assert.equal(imageScanJson([shuffled]), imageScanJson([debianImage()]));
  });
});
