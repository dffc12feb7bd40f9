import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyseImage, type AnalysisProgress } from './analyse.js';
import { digestOf, type FixtureEntry } from './layers/layer-fixtures.js';
import { openDockerArchive } from './source/docker-archive.js';
import { buildImage, legacyDockerArchive, writeImage, writeLayout } from './source/image-fixtures.js';
import { openOciLayout } from './source/oci-layout.js';
import { openRootfs } from './source/rootfs.js';

const temp = mkdtempSync(join(tmpdir(), 'kspm-analyse-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const hasDpkg = existsSync('/var/lib/dpkg/status') && spawnSync('dpkg-query', ['--version']).status === 0;
if (!hasDpkg) process.stderr.write('\n!!! SKIPPING: no dpkg database on this machine; the image analyses built on it did not run !!!\n\n');
const skip = hasDpkg ? false : 'no dpkg database on this machine';

/** What dpkg-query says is installed on this machine, `name version`, sorted. */
function dpkgQueryInstalled(): string[] {
  const output = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${Version} ${db:Status-Status}\\n'], { encoding: 'utf8' }).stdout;
  return output.trim().split('\n').filter((line) => line.endsWith(' installed')).map((line) => line.split(' ').slice(0, 2).join(' ')).sort();
}

const OS_RELEASE = 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n';
const baseLayer = (): FixtureEntry[] => [
  { name: 'etc/', type: 'directory', mode: 0o755 },
  { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
  { name: 'usr/lib/os-release', content: OS_RELEASE },
  { name: 'var/lib/dpkg/status', content: readFileSync('/var/lib/dpkg/status') },
  { name: 'usr/share/doc/big', content: 'x'.repeat(100_000) },
];
const pythonLayer = (): FixtureEntry[] => [
  { name: 'usr/lib/python3/dist-packages/Requests_Toolbelt-1.0.0.dist-info/METADATA', content: 'Metadata-Version: 2.1\nName: Requests_Toolbelt\nVersion: 1.0.0\n\nbody\n' },
];

let layouts = 0;
async function layoutOf(layers: FixtureEntry[][]) {
  const dir = join(temp, `layout-${layouts++}`);
  const image = await buildImage(layers);
  writeLayout(dir, [writeImage(dir, image)]);
  return { dir, image, layerDigests: image.layers.map(digestOf) };
}

describe('analyseImage, layered images', () => {
  it('finds exactly the packages dpkg-query lists, each in the layer that wrote its database', { skip }, async () => {
    const { dir, image, layerDigests } = await layoutOf([baseLayer(), pythonLayer()]);
    const progress: AnalysisProgress[] = [];
    const inventory = await analyseImage(await openOciLayout(dir), { onProgress: (event) => progress.push(event) });
    assert.deepEqual(inventory.image, {
      reference: `oci-layout:${dir}`,
      manifestDigest: digestOf(image.manifest),
      platform: { os: 'linux', architecture: 'amd64' },
      layers: layerDigests,
    });
    assert.deepEqual(inventory.os, { id: 'debian', versionId: '12', codename: 'bookworm' });
    const debian = inventory.packages.filter((item) => item.ecosystem === 'Debian');
    assert.deepEqual(debian.map((item) => `${item.name} ${item.version}`).sort(), dpkgQueryInstalled());
    assert.ok(debian.every((item) => item.layer === layerDigests[0] && item.purl.includes('distro=debian-12')));
    const python = inventory.packages.filter((item) => item.ecosystem === 'PyPI');
    assert.deepEqual(python.map((item) => [item.name, item.version, item.layer]), [['requests-toolbelt', '1.0.0', layerDigests[1]]]);
    assert.deepEqual(inventory.notes, []);
    assert.deepEqual(progress.map((event) => event.kind === 'layer' && [event.index, event.count, event.digest]), [[1, 2, layerDigests[0]], [2, 2, layerDigests[1]]]);
  });

  it('drops the packages of a database a later layer deletes, and credits a rewritten one to its layer', { skip }, async () => {
    const deleted = await layoutOf([baseLayer(), pythonLayer(), [{ name: 'var/lib/dpkg/.wh.status', content: '' }]]);
    const afterDelete = await analyseImage(await openOciLayout(deleted.dir));
    assert.deepEqual(afterDelete.packages.map((item) => item.ecosystem), ['PyPI']);

    const rewritten = await layoutOf([baseLayer(), [{ name: 'var/lib/dpkg/status', content: 'Package: only\nStatus: install ok installed\nVersion: 2.0\nArchitecture: amd64\n' }]]);
    const afterRewrite = await analyseImage(await openOciLayout(rewritten.dir));
    assert.deepEqual(afterRewrite.packages.map((item) => [item.name, item.version, item.layer]), [['only', '2.0', rewritten.layerDigests[1]]]);
  });

  it('credits each package of a rewritten database to the lowest layer that already held it at that version', async () => {
    const stanza = (name: string, version: string) => `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\nArchitecture: amd64\n`;
    const base = [stanza('bash', '5.2.15-2+b7'), stanza('libssl3', '3.0.15-1~deb12u1')].join('\n');
    const upgraded = [stanza('bash', '5.2.15-2+b7'), stanza('curl', '7.88.1-10+deb12u8'), stanza('libssl3', '3.0.17-1~deb12u2')].join('\n');
    const image = await layoutOf([
      [{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }, { name: 'var/lib/dpkg/status', content: base }],
      [{ name: 'var/lib/dpkg/status', content: upgraded }],
    ]);
    const inventory = await analyseImage(await openOciLayout(image.dir));
    assert.deepEqual(inventory.packages.map((item) => [item.name, item.version, item.layer]), [
      ['bash', '5.2.15-2+b7', image.layerDigests[0]],
      ['curl', '7.88.1-10+deb12u8', image.layerDigests[1]],
      ['libssl3', '3.0.17-1~deb12u2', image.layerDigests[1]],
    ]);
  });

  it('reads a legacy docker archive the same way', { skip }, async () => {
    const image = await buildImage([baseLayer(), pythonLayer()], { compressed: false });
    const file = join(temp, 'legacy.tar');
    writeFileSync(file, await legacyDockerArchive([{ repoTags: ['example/app:1'], image }]));
    const inventory = await analyseImage(await openDockerArchive(file));
    assert.deepEqual(inventory.image.layers, image.diffIds);
    assert.equal(inventory.packages.filter((item) => item.ecosystem === 'Debian').length, dpkgQueryInstalled().length);
    assert.equal(inventory.packages.find((item) => item.ecosystem === 'PyPI')?.layer, image.diffIds[1]);
  });

  it('turns walker warnings into notes and stops at the decompressed-size bound', async () => {
    const { dir } = await layoutOf([[{ name: 'dev/null', type: 'character-device', mode: 0o666 }, { name: 'usr/lib/os-release', content: 'ID=alpine\n' }]]);
    const inventory = await analyseImage(await openOciLayout(dir));
    assert.equal(inventory.os?.id, 'alpine');
    assert.equal(inventory.notes.length, 1);
    assert.match(inventory.notes[0]!, /^layer sha256:[0-9a-f]{64}: dev\/null: character-device entry skipped/);
    const big = await layoutOf([baseLayer()]);
    await assert.rejects(analyseImage(await openOciLayout(big.dir), { maxBytes: 50_000 }), /expands beyond 50000 bytes/);
  });
});

describe('analyseImage, root filesystems', () => {
  it('finds dpkg and Python packages in a directory, never following a link out of it', { skip }, async () => {
    const root = join(temp, 'rootfs');
    const put = (path: string, content: string | Buffer) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    put('etc/os-release', OS_RELEASE);
    put('var/lib/dpkg/status', readFileSync('/var/lib/dpkg/status'));
    put('usr/lib/python3/dist-packages/attrs-23.1.0.dist-info/METADATA', 'Name: attrs\nVersion: 23.1.0\n');
    put('../outside/METADATA', 'Name: outsider\nVersion: 6.6.6\n');
    mkdirSync(join(root, 'usr/lib/python3/dist-packages/outsider-6.6.6.dist-info'));
    symlinkSync('../../../../../../outside/METADATA', join(root, 'usr/lib/python3/dist-packages/outsider-6.6.6.dist-info/METADATA'));

    const inventory = await analyseImage(await openRootfs(root));
    assert.deepEqual(inventory.image, { reference: `rootfs:${root}`, layers: [] });
    assert.equal(inventory.os?.id, 'debian');
    const debian = inventory.packages.filter((item) => item.ecosystem === 'Debian');
    assert.deepEqual(debian.map((item) => `${item.name} ${item.version}`).sort(), dpkgQueryInstalled());
    assert.ok(debian.every((item) => item.layer === undefined));
    assert.deepEqual(inventory.packages.filter((item) => item.ecosystem === 'PyPI').map((item) => item.name), ['attrs']);
    assert.deepEqual(inventory.notes, ['usr/lib/python3/dist-packages/outsider-6.6.6.dist-info/METADATA: a symlink leads outside the root filesystem; not followed']);
  });

  const goBinary = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find(existsSync);
  it('finds a Go binary\'s modules by its executable bit alone', { skip: goBinary ? false : 'no kubectl (a Go binary) on this machine' }, async () => {
    const root = join(temp, 'rootfs-go');
    mkdirSync(join(root, 'opt/tools'), { recursive: true });
    copyFileSync(realpathSync(goBinary!), join(root, 'opt/tools/kube'));
    copyFileSync(realpathSync(goBinary!), join(root, 'opt/tools/not-executable'));
    chmodSync(join(root, 'opt/tools/not-executable'), 0o644);
    const reported = spawnSync(goBinary!, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }).stdout;
    const goVersion = (JSON.parse(reported) as { clientVersion: { goVersion: string } }).clientVersion.goVersion.replace(/^go/, '');
    const inventory = await analyseImage(await openRootfs(root));
    const stdlib = inventory.packages.filter((item) => item.ecosystem === 'Go' && item.name === 'stdlib');
    assert.deepEqual(stdlib.map((item) => [item.path, item.version]), [['opt/tools/kube', goVersion]]);
    assert.ok(inventory.packages.some((item) => item.name === 'k8s.io/client-go'), 'kubectl is built on client-go');
  });

  it('notes a wanted file larger than the per-file bound instead of reading it', async () => {
    const root = join(temp, 'rootfs-big');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/os-release'), `ID=debian\n${'#'.repeat(2000)}\n`);
    const inventory = await analyseImage(await openRootfs(root), { maxFileBytes: 1000 });
    assert.equal(inventory.os, undefined);
    assert.deepEqual(inventory.notes, ['etc/os-release: 2011 bytes, more than the 1000 read per file; not read']);
  });
});
