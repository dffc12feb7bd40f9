/** Small scan results for the SBOM and report tests: a Debian image with language packages, and an Alpine image. */
import type { InstalledPackage } from '../image/packages/model.js';
import type { Vulnerability } from '../vuln/vulnerability.js';
import type { DocumentStamp } from './model.js';
import type { ImageScanResult } from '../image/model.js';

export const FIXED_STAMP: DocumentStamp = { timestamp: new Date('2026-01-02T03:04:05Z'), uuid: '3f1c0a52-7d4e-4b8a-9c1e-2a5b6c7d8e9f' };

const BASE_LAYER = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const APP_LAYER = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

const libssl: InstalledPackage = {
  ecosystem: 'Debian',
  name: 'libssl3',
  version: '3.0.11-1~deb12u2',
  source: { name: 'openssl', version: '3.0.11-1~deb12u2' },
  path: 'var/lib/dpkg/status',
  layer: BASE_LAYER,
  purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
};
const zlib: InstalledPackage = {
  ecosystem: 'Debian',
  name: 'zlib1g',
  version: '1:1.2.13.dfsg-1',
  source: { name: 'zlib', version: '1:1.2.13.dfsg-1' },
  path: 'var/lib/dpkg/status',
  layer: BASE_LAYER,
  purl: 'pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12',
};
const tar: InstalledPackage = {
  ecosystem: 'Debian',
  name: 'tar',
  version: '1.34+dfsg-1.2+deb12u1',
  path: 'var/lib/dpkg/status',
  layer: BASE_LAYER,
  purl: 'pkg:deb/debian/tar@1.34%2Bdfsg-1.2%2Bdeb12u1?arch=amd64&distro=debian-12',
};
/** The same npm package installed twice, nested: one purl, two paths. */
const semverTop: InstalledPackage = {
  ecosystem: 'npm',
  name: 'semver',
  version: '7.5.1',
  path: 'app/node_modules/semver/package.json',
  layer: APP_LAYER,
  purl: 'pkg:npm/semver@7.5.1',
};
const semverNested: InstalledPackage = { ...semverTop, path: 'app/node_modules/make-dir/node_modules/semver/package.json' };
const babel: InstalledPackage = {
  ecosystem: 'npm',
  name: '@babel/traverse',
  version: '7.22.0',
  path: 'app/node_modules/@babel/traverse/package.json',
  layer: APP_LAYER,
  purl: 'pkg:npm/%40babel/traverse@7.22.0',
};
const requests: InstalledPackage = {
  ecosystem: 'PyPI',
  name: 'requests',
  version: '2.31.0',
  path: 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA',
  layer: APP_LAYER,
  purl: 'pkg:pypi/requests@2.31.0',
};
const xnet: InstalledPackage = {
  ecosystem: 'Go',
  name: 'golang.org/x/net',
  version: 'v0.17.0',
  path: 'usr/local/bin/helm',
  layer: APP_LAYER,
  purl: 'pkg:golang/golang.org/x/net@v0.17.0',
};

function vulnerability(fields: Partial<Vulnerability> & Pick<Vulnerability, 'id' | 'package' | 'severity'>): Vulnerability {
  return {
    aliases: [],
    installedVersion: fields.package.version,
    state: fields.fixedVersion ? 'fixed' : 'affected',
    severitySource: 'advisory',
    references: [],
    dataSource: 'osv',
    ...fields,
  };
}

export function debianImage(): ImageScanResult {
  const packages = [libssl, zlib, tar, semverTop, semverNested, babel, requests, xnet];
  return {
    inventory: {
      image: {
        reference: 'ghcr.io/acme/shop-api:1.4.2',
        manifestDigest: 'sha256:aaaa000000000000000000000000000000000000000000000000000000000001',
        indexDigest: 'sha256:bbbb000000000000000000000000000000000000000000000000000000000002',
        platform: { os: 'linux', architecture: 'amd64' },
        layers: [BASE_LAYER, APP_LAYER],
      },
      os: { id: 'debian', versionId: '12', codename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
      packages,
      notes: [],
    },
    vulnerabilities: [
      vulnerability({
        id: 'CVE-2023-5678',
        package: libssl,
        severity: 'MEDIUM',
        severitySource: 'debian',
        fixedVersion: '3.0.13-1~deb12u1',
        cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', score: 5.3 },
        title: 'Excessive time spent in DH check / generation with large Q parameter value',
        references: ['https://www.openssl.org/news/secadv/20231106.txt'],
        dataSource: 'debian-tracker',
      }),
      vulnerability({
        id: 'GHSA-c2qf-rxjj-qqgw',
        aliases: ['CVE-2022-25883'],
        package: semverTop,
        severity: 'HIGH',
        fixedVersion: '7.5.2',
        cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 7.5 },
        title: 'semver vulnerable to Regular Expression Denial of Service',
      }),
      vulnerability({
        id: 'GHSA-c2qf-rxjj-qqgw',
        aliases: ['CVE-2022-25883'],
        package: semverNested,
        severity: 'HIGH',
        fixedVersion: '7.5.2',
        cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 7.5 },
        title: 'semver vulnerable to Regular Expression Denial of Service',
      }),
      vulnerability({
        id: 'GHSA-67hx-6x53-jw92',
        aliases: ['CVE-2023-45133'],
        package: babel,
        severity: 'CRITICAL',
        fixedVersion: '7.23.2',
        cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 },
        title: 'Babel vulnerable to arbitrary code execution when compiling specifically crafted malicious code',
      }),
      vulnerability({
        id: 'CVE-2005-2541',
        package: tar,
        severity: 'NEGLIGIBLE',
        severitySource: 'debian',
        state: 'will_not_fix',
        dataSource: 'debian-tracker',
      }),
      vulnerability({
        id: 'GO-2023-2102',
        aliases: ['CVE-2023-39325', 'GHSA-4374-p667-p6c8'],
        package: xnet,
        severity: 'HIGH',
        fixedVersion: 'v0.17.1',
        suppressed: { by: 'openvex', statement: 'not_affected: vulnerable_code_not_in_execute_path (helm serves no HTTP/2)', vex: { status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' } },
      }),
    ],
    notes: [],
  };
}

export function alpineImage(): ImageScanResult {
  const musl: InstalledPackage = {
    ecosystem: 'Alpine',
    name: 'musl',
    version: '1.2.4-r2',
    path: 'lib/apk/db/installed',
    layer: 'sha256:3333333333333333333333333333333333333333333333333333333333333333',
    purl: 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.18.4',
  };
  const busybox: InstalledPackage = {
    ecosystem: 'Alpine',
    name: 'ssl_client',
    version: '1.36.1-r5',
    source: { name: 'busybox', version: '1.36.1-r5' },
    path: 'lib/apk/db/installed',
    layer: musl.layer!,
    purl: 'pkg:apk/alpine/ssl_client@1.36.1-r5?arch=x86_64&distro=alpine-3.18.4',
  };
  return {
    inventory: {
      image: { reference: 'docker.io/library/alpine:3.18', manifestDigest: 'sha256:cccc000000000000000000000000000000000000000000000000000000000003', layers: [musl.layer!] },
      os: { id: 'alpine', versionId: '3.18.4', prettyName: 'Alpine Linux v3.18' },
      packages: [musl, busybox],
      notes: ['lib/apk/db/triggers: skipped'],
    },
    vulnerabilities: [
      vulnerability({ id: 'CVE-2023-42366', package: busybox, severity: 'UNKNOWN', fixedVersion: '1.36.1-r6', dataSource: 'alpine-secdb', severitySource: 'none' }),
      vulnerability({
        id: 'CVE-2025-26519',
        package: musl,
        severity: 'HIGH',
        fixedVersion: '1.2.4-r3',
        suppressed: { by: 'ignore-file', statement: 'iconv is not used by our services', until: '2026-06-30' },
      }),
    ],
    notes: [],
  };
}
