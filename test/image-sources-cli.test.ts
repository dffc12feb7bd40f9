/**
 * `kspm image scan` and `kspm sbom` on images that are files: an OCI layout, both docker save forms and a root
 * filesystem give the same packages and vulnerabilities; what cannot be read is an error naming it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FixtureEntry } from '../src/image/layers/layer-fixtures.js';
import { buildImage, legacyDockerArchive, ociDockerArchive, writeImage, writeLayout } from '../src/image/source/image-fixtures.js';
import { kspm } from './helpers/cli.js';

const OS_RELEASE = 'ID=debian\nVERSION_ID="11"\nVERSION_CODENAME=bullseye\n';
const STATUS = 'Package: libssl1.1\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 1.1.1n-0+deb11u3\n';
const METADATA = 'Metadata-Version: 2.1\nName: urllib3\nVersion: 1.22\n';
const LAYERS: FixtureEntry[][] = [
  [{ name: 'etc/os-release', content: OS_RELEASE }, { name: 'var/lib/dpkg/status', content: STATUS }],
  [{ name: 'usr/lib/python3/dist-packages/urllib3-1.22.dist-info/METADATA', content: METADATA }],
];
const ADVISORIES = [
  {
    id: 'KSPM-TEST-2026-0003', modified: '2026-11-01T00:00:00Z', summary: 'test advisory for openssl in bullseye',
    affected: [{ package: { ecosystem: 'Debian:11', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }] }],
  },
  {
    id: 'KSPM-TEST-2026-0004', modified: '2026-11-01T00:00:00Z', summary: 'test advisory for urllib3',
    affected: [{ package: { ecosystem: 'PyPI', name: 'urllib3' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.23' }] }] }],
  },
];

interface ScanJson {
  images: { image: { reference: string; layers: string[] }; packages: { name: string; version: string; layer: string | null }[]; vulnerabilities: { id: string; package: { name: string }; fixedVersion?: string }[] }[];
}

describe('kspm image scan on image files', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kspm-image-files-'));
    env = { KSPM_VULN_DB: join(work, 'vuln.db'), XDG_CACHE_HOME: join(work, 'cache') };
    mkdirSync(join(work, 'advisories'));
    ADVISORIES.forEach((advisory) => writeFileSync(join(work, 'advisories', `${advisory.id}.json`), JSON.stringify(advisory)));
    assert.equal(kspm(['db', 'import', join(work, 'advisories')], { env }).status, 0);
    const image = await buildImage(LAYERS);
    writeLayout(join(work, 'layout'), [writeImage(join(work, 'layout'), image, 'v1')]);
    writeFileSync(join(work, 'legacy.tar'), await legacyDockerArchive([{ repoTags: ['acme/app:1.0'], image }]));
    writeFileSync(join(work, 'oci.tar'), await ociDockerArchive([{ repoTags: ['acme/app:1.0'], image }]));
    for (const layer of LAYERS) {
      for (const entry of layer) {
        mkdirSync(join(work, 'rootfs', entry.name, '..'), { recursive: true });
        writeFileSync(join(work, 'rootfs', entry.name), entry.content!);
      }
    }
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  function scan(args: string[]): ScanJson {
    const run = kspm(['image', 'scan', ...args, '-o', 'json'], { env });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as ScanJson;
  }

  const findings = (result: ScanJson) => result.images.map((image) => image.vulnerabilities.map((v) => `${v.id} ${v.package.name} ${v.fixedVersion}`).sort());

  it('finds the same vulnerabilities in an OCI layout, both docker archive forms and a root filesystem', () => {
    const result = scan(['--oci-layout', `${join(work, 'layout')}:v1`, '--docker-archive', join(work, 'legacy.tar'), '--docker-archive', `${join(work, 'oci.tar')}:acme/app:1.0`, '--rootfs', join(work, 'rootfs')]);
    const expected = ['KSPM-TEST-2026-0003 libssl1.1 1.1.1n-0+deb11u4', 'KSPM-TEST-2026-0004 urllib3 1.23'];
    assert.deepEqual(findings(result), [expected, expected, expected, expected]);
    const [layout] = result.images;
    assert.equal(layout!.image.layers.length, 2);
    assert.deepEqual(layout!.packages.map((pkg) => [pkg.name, pkg.layer]), [['libssl1.1', layout!.image.layers[0]], ['urllib3', layout!.image.layers[1]]]);
  });

  it('--ignore-unfixed, --fail-on and the table output', () => {
    const table = kspm(['image', 'scan', '--rootfs', join(work, 'rootfs')], { env });
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /KSPM-TEST-2026-0003\s+libssl1\.1\s+1\.1\.1n-0\+deb11u3\s+1\.1\.1n-0\+deb11u4/);
    assert.equal(kspm(['image', 'scan', '--rootfs', join(work, 'rootfs'), '--fail-on', 'low'], { env }).status, 0, 'unknown severity is not at or above low');
  });

  it('writes SARIF that names each vulnerable package, and SBOMs of every image', () => {
    const sarif = JSON.parse(kspm(['image', 'scan', '--oci-layout', join(work, 'layout'), '-o', 'sarif'], { env }).stdout) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((result) => result.ruleId).sort(), ['KSPM-TEST-2026-0003', 'KSPM-TEST-2026-0004']);
    const spdx = JSON.parse(kspm(['sbom', '--docker-archive', join(work, 'legacy.tar'), '-o', 'spdx-json'], { env }).stdout) as { packages: { name: string }[] };
    assert.ok(spdx.packages.some((pkg) => pkg.name === 'libssl1.1') && spdx.packages.some((pkg) => pkg.name === 'urllib3'));
  });

  it('names what it cannot read and still reports the rest', () => {
    const run = kspm(['image', 'scan', '--oci-layout', join(work, 'no-such-layout'), '--docker-archive', `${join(work, 'legacy.tar')}:acme/other:2`, '--rootfs', join(work, 'rootfs'), '-o', 'json'], { env });
    assert.equal(run.status, 3);
    assert.match(run.stderr, /no-such-layout/);
    assert.match(run.stderr, /acme\/other:2[\s\S]*acme\/app:1\.0|acme\/app:1\.0[\s\S]*acme\/other:2/, 'the unknown tag is named with the tags the archive has');
    assert.equal((JSON.parse(run.stdout) as ScanJson).images.length, 1);
  });

  it('refuses a missing reference and an unknown format as usage errors', () => {
    assert.equal(kspm(['image', 'scan'], { env }).status, 2);
    assert.equal(kspm(['image', 'scan', '--rootfs', '.', '-o', 'xml'], { env }).status, 2);
  });
});
