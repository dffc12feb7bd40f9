/**
 * `kspm image scan`, `kspm sbom` and `kspm scan --images` end to end, against Debian's real docker-registry on
 * loopback, with images built from this machine's real package data: its dpkg status (checked against dpkg-query),
 * a real Go binary (checked against `go version -m`) and its Python dist-info metadata (checked against `pip list`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzip, tarOf, type FixtureEntry } from '../src/image/layers/layer-fixtures.js';
import { kspm, kspmAsync } from './helpers/cli.js';
import { pushImage, registryAvailable, startRegistry, type TestRegistry } from './helpers/registry.js';
import { sharedData } from './helpers/shared.js';

interface ScanJson {
  images: {
    image: { reference: string; manifestDigest?: string; layers: string[] };
    os?: { id: string; versionId?: string };
    packages: { name: string; version: string; ecosystem: string; purl: string; layer: string | null; path: string }[];
    vulnerabilities: { id: string; package: { name: string }; installedVersion: string; fixedVersion?: string; severity: string; suppressed?: unknown }[];
  }[];
}

const advisories = sharedData('vuln-advisories');
if (!registryAvailable()) process.stderr.write('\n!!! SKIPPING: docker-registry is not installed (.ci/run installs it); the image scan end-to-end tests did not run !!!\n\n');
const skip = !registryAvailable() ? 'docker-registry absent' : advisories === undefined ? 'shared advisories absent' : false;

const goBinary = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find(existsSync);
const hasGo = spawnSync('go', ['version']).status === 0;
const sitePackages = spawnSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['purelib'])"], { encoding: 'utf8' }).stdout.trim();
const hasPip = sitePackages !== '' && spawnSync('python3', ['-m', 'pip', '--version']).status === 0;

/** An advisory written for these tests: a critical flaw in Debian 11's openssl source package, fixed in deb11u4. */
const CRITICAL_OPENSSL = {
  schema_version: '1.6.0',
  id: 'KSPM-TEST-2026-0001',
  aliases: ['CVE-2099-0001'],
  modified: '2026-11-01T00:00:00Z',
  summary: 'test advisory: critical openssl flaw',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [{ package: { ecosystem: 'Debian:11', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }] }],
};

const BULLSEYE_OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nVERSION_CODENAME=bullseye\nID=debian\n';
const OLD_OPENSSL_STATUS = [
  'Package: libssl1.1\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 1.1.1n-0+deb11u3\n',
  'Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.1.1n-0+deb11u3\n',
].join('\n');

function dir(name: string): FixtureEntry {
  return { name, type: 'directory', mode: 0o755 };
}

/** Every file of a folder, as tar entries under `prefix`. */
function filesUnder(root: string, prefix: string, keep: (path: string) => boolean): FixtureEntry[] {
  const entries: FixtureEntry[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(join(root, relative))) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = statSync(join(root, path));
      if (info.isDirectory()) walk(path);
      else if (info.isFile() && keep(path)) entries.push({ name: `${prefix}/${path}`, content: readFileSync(join(root, path)), mode: 0o644 });
    }
  };
  walk('');
  return entries;
}

describe('kspm image scan against a real registry', { skip }, () => {
  let registry: TestRegistry;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let realImage: string;
  let oldImage: string;

  before(async () => {
    registry = await startRegistry();
    work = mkdtempSync(join(tmpdir(), 'kspm-image-e2e-'));
    env = { KSPM_VULN_DB: join(work, 'vuln.db'), XDG_CACHE_HOME: join(work, 'cache'), DOCKER_CONFIG: join(work, 'docker') };
    const base = await tarOf([
      dir('etc'),
      { name: 'etc/os-release', content: readFileSync('/etc/os-release'), mode: 0o644 },
      dir('var/lib/dpkg'),
      { name: 'var/lib/dpkg/status', content: readFileSync('/var/lib/dpkg/status'), mode: 0o644 },
    ]);
    const apps = await tarOf([
      ...(goBinary ? [dir('usr/local/bin'), { name: 'usr/local/bin/tool', content: readFileSync(realpathSync(goBinary)), mode: 0o755 }] : []),
      ...(hasPip ? filesUnder(sitePackages, 'usr/lib/python3/dist-packages', (path) => /^[^/]+\.dist-info\/METADATA$/.test(path)) : []),
    ]);
    realImage = `${registry.host}/e2e/real:1`;
    await pushImage(registry, 'e2e/real', '1', { layers: [gzip(base), gzip(apps)], mediaTypes: 'oci' });
    const old = await tarOf([dir('etc'), { name: 'etc/os-release', content: BULLSEYE_OS_RELEASE, mode: 0o644 }, dir('var/lib/dpkg'), { name: 'var/lib/dpkg/status', content: OLD_OPENSSL_STATUS, mode: 0o644 }]);
    oldImage = `${registry.host}/e2e/old:1`;
    await pushImage(registry, 'e2e/old', '1', { layers: [gzip(old)], mediaTypes: 'docker' });
    writeFileSync(join(work, 'critical-openssl.json'), JSON.stringify(CRITICAL_OPENSSL));
    const imported = await kspmAsync(['db', 'import', join(advisories!, 'debian-security-tracker/data/DSA/list'), join(advisories!, 'golang-vulndb/osv'), join(work, 'critical-openssl.json')], { env });
    assert.equal(imported.status, 0, imported.stderr);
  });

  after(async () => {
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function scanJson(args: string[]): Promise<ScanJson> {
    const run = await kspmAsync(['image', 'scan', ...args, '-o', 'json'], { env });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as ScanJson;
  }

  it("lists the image's Debian packages exactly as dpkg-query does, on the layer that holds them", async () => {
    const [image] = (await scanJson([realImage])).images;
    const expected = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${Version}\\n'], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    const debian = image!.packages.filter((pkg) => pkg.ecosystem === 'Debian');
    assert.deepEqual(debian.map((pkg) => `${pkg.name} ${pkg.version}`).sort(), expected);
    assert.ok(debian.every((pkg) => pkg.layer === image!.image.layers[0] && pkg.path === 'var/lib/dpkg/status'));
    assert.match(image!.image.manifestDigest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(image!.os?.id, 'debian');
  });

  it('reads the Go modules of a real binary as go version -m does', { skip: !goBinary || !hasGo ? 'no Go binary or go tool here' : false }, async () => {
    const [image] = (await scanJson([realImage])).images;
    const lines = spawnSync('go', ['version', '-m', realpathSync(goBinary!)], { encoding: 'utf8' }).stdout.split('\n').map((line) => line.trim().split('\t'));
    const modules = new Map<string, string>();
    for (const [kind, path, version] of lines) {
      if (kind === 'dep' && path && version) modules.set(path, version);
      if (kind === '=>' && path && version) modules.set([...modules.keys()].pop()!, version);
    }
    const found = image!.packages.filter((pkg) => pkg.ecosystem === 'Go' && pkg.path === 'usr/local/bin/tool' && pkg.name !== 'stdlib' && modules.has(pkg.name));
    assert.equal(found.length, modules.size);
    for (const pkg of found) assert.equal(pkg.version, modules.get(pkg.name), pkg.name);
    assert.ok(image!.packages.every((pkg) => pkg.ecosystem !== 'Go' || pkg.layer === image!.image.layers[1]), 'Go packages come from the second layer');
  });

  it('reads the Python packages as pip list does', { skip: !hasPip ? 'no pip here' : false }, async () => {
    const [image] = (await scanJson([realImage])).images;
    const pip = JSON.parse(spawnSync('python3', ['-m', 'pip', 'list', '--path', sitePackages, '--format', 'json'], { encoding: 'utf8' }).stdout) as { name: string; version: string }[];
    const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
    const found = image!.packages.filter((pkg) => pkg.ecosystem === 'PyPI').map((pkg) => `${normalise(pkg.name)} ${pkg.version}`).sort();
    assert.deepEqual(found, pip.map((pkg) => `${normalise(pkg.name)} ${pkg.version}`).sort());
  });

  it('matches Debian packages by source package and release, binary packages reported, fixed versions given', async () => {
    const [image] = (await scanJson([oldImage])).images;
    const cve = image!.vulnerabilities.filter((v) => v.id === 'CVE-2023-0286');
    assert.deepEqual(cve.map((v) => [v.package.name, v.installedVersion, v.fixedVersion]).sort(), [
      ['libssl1.1', '1.1.1n-0+deb11u3', '1.1.1n-0+deb11u4'],
      ['openssl', '1.1.1n-0+deb11u3', '1.1.1n-0+deb11u4'],
    ]);
    const critical = image!.vulnerabilities.filter((v) => v.id === 'KSPM-TEST-2026-0001');
    assert.deepEqual(critical.map((v) => [v.package.name, v.severity]).sort(), [['libssl1.1', 'CRITICAL'], ['openssl', 'CRITICAL']], 'severity from the CVSS vector');
  });

  it('sets findings aside with an ignore file and OpenVEX, and --fail-on decides the exit status', async () => {
    writeFileSync(join(work, 'ignore'), 'CVE-2023-0286 exp:2099-01-01\n');
    const vex = {
      '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.com/vex/1', author: 'kspm tests', timestamp: '2026-11-01T00:00:00Z', version: 1,
      statements: [{ vulnerability: { name: 'CVE-2099-0001' }, products: [{ '@id': 'pkg:deb/debian/openssl' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
    };
    writeFileSync(join(work, 'vex.json'), JSON.stringify(vex));
    const [image] = (await scanJson([oldImage, '--ignore-file', join(work, 'ignore'), '--vex', join(work, 'vex.json')])).images;
    assert.ok(image!.vulnerabilities.filter((v) => v.id === 'CVE-2023-0286').every((v) => v.suppressed));
    assert.ok(image!.vulnerabilities.filter((v) => v.id === 'CVE-2099-0001' && v.package.name === 'openssl').every((v) => v.suppressed));
    assert.equal((await kspmAsync(['image', 'scan', oldImage, '--fail-on', 'critical'], { env })).status, 1);
    assert.equal((await kspmAsync(['image', 'scan', realImage, '--fail-on', 'critical', '-o', 'json'], { env })).status, 0);
  });

  it('writes a CycloneDX SBOM that scans to the same vulnerabilities as the image', async () => {
    const sbom = join(work, 'old.cdx.json');
    const written = await kspmAsync(['sbom', oldImage, '-o', 'cyclonedx', '--output-file', sbom], { env });
    assert.equal(written.status, 0, written.stderr);
    const fromImage = (await scanJson([oldImage])).images[0]!.vulnerabilities.map((v) => `${v.id} ${v.package.name}`).sort();
    const fromSbom = (await scanJson(['--sbom', sbom])).images[0]!.vulnerabilities.map((v) => `${v.id} ${v.package.name}`).sort();
    assert.deepEqual(fromSbom, fromImage);
    const spdx = await kspmAsync(['sbom', oldImage, '-o', 'spdx-json'], { env });
    assert.equal((JSON.parse(spdx.stdout) as { spdxVersion: string }).spdxVersion, 'SPDX-2.3');
  });

  it('names an image it cannot pull and still reports the others', async () => {
    const run = await kspmAsync(['image', 'scan', `${registry.host}/e2e/missing:1`, oldImage, '-o', 'json'], { env });
    assert.equal(run.status, 3);
    assert.match(run.stderr, /e2e\/missing:1/);
    assert.equal((JSON.parse(run.stdout) as ScanJson).images.length, 1);
  });

  it('kspm scan --images attaches the vulnerabilities to the workloads that run the images', async () => {
    const manifest = join(work, 'deploy.yaml');
    writeFileSync(manifest, `apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy, namespace: shop }
spec:
  selector: { matchLabels: { app: legacy } }
  template:
    metadata: { labels: { app: legacy } }
    spec:
      containers: [{ name: app, image: "${oldImage}" }, { name: sidecar, image: "${realImage}" }]
`);
    const run = await kspmAsync(['scan', manifest, '--images', '-o', 'json', '--control', 'image-critical-vulnerabilities,image-high-vulnerabilities'], { env });
    type Finding = { controlId: string; path: string; resource: { name: string }; evidence: { found: { vulnerabilities: { id: string; package: string }[] } } };
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    const critical = report.findings.filter((finding) => finding.controlId === 'image-critical-vulnerabilities');
    assert.equal(critical.length, 1, run.stdout);
    assert.equal(critical[0]!.resource.name, 'legacy');
    assert.equal(critical[0]!.path, 'spec.template.spec.containers[0].image');
    assert.deepEqual(critical[0]!.evidence.found.vulnerabilities.map((v) => `${v.id} ${v.package}`).sort(), ['KSPM-TEST-2026-0001 libssl1.1', 'KSPM-TEST-2026-0001 openssl']);
    const without = await kspmAsync(['scan', manifest, '-o', 'json', '--control', 'image-critical-vulnerabilities'], { env });
    assert.match(without.stdout, /the images were not scanned/);
  });
});

it('kspm image scan without an advisory database says how to make one', { skip: kspm(['--help']).stdout.includes('image') ? false : 'no image command' }, () => {
  const run = kspm(['image', 'scan', '--rootfs', '.'], { env: { KSPM_VULN_DB: join(tmpdir(), 'kspm-no-such-db', 'vuln.db') } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /kspm db update/);
});
