import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { digestOf, tarOf, type FixtureEntry } from '../layers/layer-fixtures.js';
import { walkLayers } from '../layers/walk.js';
import { openDockerArchive } from './docker-archive.js';
import { buildImage, legacyDockerArchive, ociDockerArchive } from './image-fixtures.js';
import type { LayeredImage } from './types.js';

const temp = mkdtempSync(join(tmpdir(), 'kspm-docker-archive-'));
after(() => rmSync(temp, { recursive: true, force: true }));
let counter = 0;
function archiveFile(bytes: Buffer): string {
  const file = join(temp, `image-${counter++}.tar`);
  writeFileSync(file, bytes);
  return file;
}

const marker = (text: string): FixtureEntry[] => [{ name: 'etc/marker', content: text }];

/** The merged view's etc/marker, read through the walker, so every layer's digest is checked against its bytes. */
async function markerOf(image: LayeredImage): Promise<string | undefined> {
  let found: string | undefined;
  const blobs = await Promise.all(image.layers.map(async (layer) => ({ digest: layer.digest, stream: await image.openLayer(layer) })));
  for await (const entry of walkLayers(blobs, { maxBytes: 1 << 30, wanted: (path) => path === 'etc/marker', onWarning: () => undefined })) {
    found = entry.content?.toString();
  }
  return found;
}

describe('openDockerArchive, legacy form', () => {
  it('reads uncompressed layer.tar files with the config diff_ids as digests, verified while walking', async () => {
    const image = await buildImage([marker('base'), marker('top')], { compressed: false });
    const file = archiveFile(await legacyDockerArchive([{ repoTags: ['example/app:1.0'], image }]));
    const resolved = await openDockerArchive(file);
    assert.equal(resolved.reference, `docker-archive:${file}`);
    assert.deepEqual(resolved.layers.map((layer) => layer.digest), image.diffIds);
    assert.deepEqual(resolved.platform, { os: 'linux', architecture: 'amd64' });
    assert.equal(resolved.manifestDigest, undefined);
    assert.equal(await markerOf(resolved), 'top');
  });

  it('hashes a layer.tar stored compressed, whose digest is not its diff_id', async () => {
    const image = await buildImage([marker('gz')]);
    const resolved = await openDockerArchive(archiveFile(await legacyDockerArchive([{ repoTags: ['gz:1'], image }])));
    assert.equal(resolved.layers[0]?.digest, digestOf(image.layers[0]!));
    assert.equal(resolved.layers[0]?.diffId, image.diffIds[0]);
    assert.equal(await markerOf(resolved), 'gz');
  });

  it('picks an image by tag (docker.io/library and :latest as docker reads them), following shared-layer links', async () => {
    const shared = marker('shared');
    const nginx = await buildImage([shared, marker('nginx')], { compressed: false });
    const redis = await buildImage([shared, marker('redis')], { compressed: false });
    const file = archiveFile(await legacyDockerArchive([{ repoTags: ['nginx:latest'], image: nginx }, { repoTags: ['example.com/cache/redis:7'], image: redis }]));
    assert.equal(await markerOf(await openDockerArchive(`${file}:docker.io/library/nginx`)), 'nginx');
    const picked = await openDockerArchive(`${file}:example.com/cache/redis:7`);
    assert.equal(picked.reference, `docker-archive:${file}:example.com/cache/redis:7`);
    assert.equal(await markerOf(picked), 'redis');
    assert.equal(await markerOf(await openDockerArchive(`${file}@${digestOf(redis.config)}`)), 'redis');
    await assert.rejects(openDockerArchive(file), (error: Error) => error.message === `${file}: holds 2 images; name one as ${file}:REPO:TAG; tags: nginx:latest, example.com/cache/redis:7`);
    await assert.rejects(openDockerArchive(`${file}:redis:6`), (error: Error) => error.message === `${file}: no image tagged "redis:6"; tags: nginx:latest, example.com/cache/redis:7`);
  });

  it('reports a layer the manifest names but the archive lacks, and a file that is no archive', async () => {
    const image = await buildImage([marker('x')], { compressed: false });
    const configName = `${digestOf(image.config).slice('sha256:'.length)}.json`;
    const broken = await tarOf([
      { name: configName, content: image.config },
      { name: 'manifest.json', content: JSON.stringify([{ Config: configName, RepoTags: ['x:1'], Layers: ['gone/layer.tar'] }]) },
    ]);
    const file = archiveFile(broken);
    await assert.rejects(openDockerArchive(file), (error: Error) => error.message === `${file}: layer gone/layer.tar is missing from the archive`);
    const notTar = archiveFile(Buffer.from('not a tar at all '.repeat(64)));
    await assert.rejects(openDockerArchive(notTar), new RegExp(`^Error: ${notTar}: cannot read the archive: .*not a tar archive`));
    const empty = archiveFile(await tarOf([{ name: 'readme', content: 'hi' }]));
    await assert.rejects(openDockerArchive(empty), /not a docker save archive \(no manifest\.json, no index\.json\)/);
  });
});

describe('openDockerArchive, docker 25+ form (OCI layout inside)', () => {
  it('reads blobs by digest through manifest.json, with the manifest digest from index.json', async () => {
    const image = await buildImage([marker('base'), marker('oci')], { compressed: false });
    const file = archiveFile(await ociDockerArchive([{ repoTags: ['example/oci:2'], image }]));
    const resolved = await openDockerArchive(`${file}:example/oci:2`);
    assert.deepEqual(resolved.layers.map((layer) => layer.digest), image.layers.map(digestOf));
    assert.equal(resolved.manifestDigest, digestOf(image.manifest));
    assert.equal(await markerOf(resolved), 'oci');
  });

  it('reads an archive holding only an OCI layout (no manifest.json) as a layout, tags by ref.name', async () => {
    const a = await buildImage([marker('a')]);
    const b = await buildImage([marker('b')]);
    const file = archiveFile(await ociDockerArchive([{ repoTags: ['repo:a'], image: a }, { repoTags: ['repo:b'], image: b }], false));
    const resolved = await openDockerArchive(`${file}:b`);
    assert.equal(resolved.manifestDigest, digestOf(b.manifest));
    assert.equal(await markerOf(resolved), 'b');
    await assert.rejects(openDockerArchive(`${file}:c`), /no image tagged "c"; tags: a, b/);
  });

  it('fails the walk when a blob does not match its digest', async () => {
    const image = await buildImage([marker('real')], { compressed: false });
    const good = await ociDockerArchive([{ repoTags: ['t:1'], image }]);
    const swapped = Buffer.from(good.toString('latin1').replace('real', 'fake'), 'latin1');
    const resolved = await openDockerArchive(archiveFile(swapped));
    await assert.rejects(markerOf(resolved), /digest mismatch/);
  });
});
