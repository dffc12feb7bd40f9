import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageScanOutcome } from '../../image/model.js';
import { Inventory } from '../../inventory/inventory.js';
import type { Severity } from '../../vuln/advisory.js';
import type { Vulnerability } from '../../vuln/vulnerability.js';
import { DEFAULT_TEST_OPTIONS, testControl } from '../testing.js';
import { imageCriticalVulnerabilities, imageHighVulnerabilities } from './known-vulnerabilities.js';

function vulnerability(id: string, severity: Severity, fixedVersion?: string, suppressed = false): Vulnerability {
  return {
    id,
    aliases: [],
    package: { ecosystem: 'Debian', name: 'openssl', version: '3.0.11-1~deb12u1', path: 'var/lib/dpkg/status', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1' },
    installedVersion: '3.0.11-1~deb12u1',
    ...(fixedVersion ? { fixedVersion } : {}),
    state: fixedVersion ? 'fixed' : 'affected',
    severity,
    severitySource: 'debian',
    references: [],
    dataSource: 'debian-tracker',
    ...(suppressed ? { suppressed: { by: 'openvex' as const, statement: 'vulnerable_code_not_in_execute_path' } } : {}),
  };
}

function scanned(reference: string, vulnerabilities: Vulnerability[]): [string, ImageScanOutcome] {
  return [reference, { reference, result: { inventory: { image: { reference, manifestDigest: 'sha256:' + 'a'.repeat(64), layers: [] }, packages: [], notes: [] }, vulnerabilities, notes: [] } }];
}

const WEB = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers: [{ name: migrate, image: "registry.example/migrate:2" }]
      containers: [{ name: web, image: "registry.example/web:1.4" }, { name: proxy, image: "envoy:1.31" }]
`;

const IMAGES = new Map([
  scanned('registry.example/web:1.4', [vulnerability('CVE-2024-0001', 'CRITICAL', '3.0.13-1~deb12u1'), vulnerability('CVE-2024-0002', 'CRITICAL'), vulnerability('CVE-2024-0003', 'HIGH', '3.0.13-1~deb12u1')]),
  scanned('registry.example/migrate:2', [vulnerability('CVE-2024-0004', 'CRITICAL', undefined, true), vulnerability('CVE-2024-0005', 'LOW')]),
  ['envoy:1.31', { reference: 'envoy:1.31', error: 'registry docker.io: unauthorized' }],
]);

testControl(imageCriticalVulnerabilities, {
  valid: [
    { name: 'images with only suppressed or lower-severity vulnerabilities', objects: WEB, images: new Map([scanned('registry.example/web:1.4', [vulnerability('CVE-2024-0003', 'HIGH')]), scanned('registry.example/migrate:2', [vulnerability('CVE-2024-0004', 'CRITICAL', undefined, true)])]) },
    { name: 'an image that could not be scanned is an input error, not a finding', objects: WEB, images: new Map([['envoy:1.31', { reference: 'envoy:1.31', error: 'not found' }]]) },
    { name: 'no image scans attached (scan without --images)', objects: WEB },
  ],
  invalid: [
    {
      name: 'a container image with critical vulnerabilities, fixed and unfixed',
      objects: WEB,
      images: IMAGES,
      violations: [{ path: 'spec.template.spec.containers[0].image', subject: 'Deployment shop/web', message: 'container "web" runs registry.example/web:1.4, which has 2 critical vulnerabilities (1 with a fix): CVE-2024-0001 (openssl 3.0.11-1~deb12u1), CVE-2024-0002' }],
    },
  ],
});

testControl(imageHighVulnerabilities, {
  valid: [{ name: 'only critical ones', objects: WEB, images: new Map([scanned('registry.example/web:1.4', [vulnerability('CVE-2024-0001', 'CRITICAL')])]) }],
  invalid: [{ name: 'a high vulnerability with a fix', objects: WEB, images: IMAGES, violations: [{ path: 'spec.template.spec.containers[0].image', message: /1 high vulnerability \(1 with a fix\): CVE-2024-0003/ }] }],
});

describe('image vulnerability evidence', () => {
  it('lists every vulnerability of the level with package, versions and state, for prioritisation to join', () => {
    const inventory = new Inventory();
    inventory.add({ object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' }, spec: { containers: [{ name: 'c', image: 'registry.example/web:1.4' }] } }, ref: { apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'n' }, source: { file: 'p.yaml', line: 1 } });
    inventory.images = IMAGES;
    const [result] = imageCriticalVulnerabilities.check(inventory, DEFAULT_TEST_OPTIONS);
    assert.deepEqual(result!.violations[0]!.found, {
      image: 'registry.example/web:1.4',
      digest: 'sha256:' + 'a'.repeat(64),
      vulnerabilities: [
        { id: 'CVE-2024-0001', aliases: [], package: 'openssl', installed: '3.0.11-1~deb12u1', fixed: '3.0.13-1~deb12u1', state: 'fixed' },
        { id: 'CVE-2024-0002', aliases: [], package: 'openssl', installed: '3.0.11-1~deb12u1', state: 'affected' },
      ],
    });
  });
});
