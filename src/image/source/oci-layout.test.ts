import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { digestOf, type FixtureEntry } from '../layers/layer-fixtures.js';
import { buildImage, json, writeBlob, writeImage, writeIndex, writeLayout } from './image-fixtures.js';
import { blobPath, openOciLayout } from './oci-layout.js';
import { parsePlatform } from '../registry/platform.js';
import type { LayeredImage } from './types.js';

const temp = mkdtempSync(join(tmpdir(), 'kspm-oci-layout-'));
after(() => rmSync(temp, { recursive: true, force: true }));
let counter = 0;
const newDir = () => join(temp, `layout-${counter++}`);

const marker = (text: string): FixtureEntry[] => [{ name: 'etc/marker', content: text }];

async function readAll(image: LayeredImage, position: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await image.openLayer(image.layers[position]!)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('openOciLayout', () => {
  it('takes the only image, with its config, layers (diff ids from the config) and platform', async () => {
    const dir = newDir();
    const image = await buildImage([marker('one'), marker('two')]);
    writeLayout(dir, [{ ...writeImage(dir, image), platform: undefined }]);
    const resolved = await openOciLayout(dir);
    assert.equal(resolved.reference, `oci-layout:${dir}`);
    assert.equal(resolved.manifestDigest, digestOf(image.manifest));
    assert.equal(resolved.indexDigest, undefined);
    assert.deepEqual(resolved.platform, { os: 'linux', architecture: 'amd64' });
    assert.deepEqual(resolved.layers.map((layer) => layer.digest), image.layers.map(digestOf));
    assert.deepEqual(resolved.layers.map((layer) => layer.diffId), image.diffIds);
    assert.deepEqual((await readAll(resolved, 1)).toString('hex'), image.layers[1]!.toString('hex'));
  });

  it('picks the platform from a tagged nested index: linux/amd64 by default, another on request', async () => {
    const dir = newDir();
    const amd64 = await buildImage([marker('amd64')]);
    const arm64 = await buildImage([marker('arm64')], { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } });
    const other = await buildImage([marker('other')]);
    const index = writeIndex(dir, [writeImage(dir, arm64), writeImage(dir, amd64)], 'multi');
    writeLayout(dir, [index, writeImage(dir, other, 'single')]);

    const byDefault = await openOciLayout(`${dir}:multi`);
    assert.equal(byDefault.manifestDigest, digestOf(amd64.manifest));
    assert.equal(byDefault.indexDigest, index.digest);
    assert.deepEqual(byDefault.platform, { os: 'linux', architecture: 'amd64' });

    const arm = await openOciLayout(`${dir}:multi`, { platform: parsePlatform('linux/arm64') });
    assert.equal(arm.manifestDigest, digestOf(arm64.manifest));
    assert.deepEqual(arm.platform, { os: 'linux', architecture: 'arm64', variant: 'v8' });

    await assert.rejects(openOciLayout(`${dir}:multi`, { platform: parsePlatform('linux/s390x') }), /has no image for platform linux\/s390x; available: linux\/arm64\/v8, linux\/amd64/);
    assert.equal((await openOciLayout(`${dir}:single`)).manifestDigest, digestOf(other.manifest));
  });

  it('follows indexes nested two deep, and takes an image by manifest digest', async () => {
    const dir = newDir();
    const image = await buildImage([marker('deep')]);
    const inner = writeIndex(dir, [writeImage(dir, image)]);
    const outer = writeIndex(dir, [{ ...inner, platform: undefined }]);
    writeLayout(dir, [outer]);
    const resolved = await openOciLayout(dir);
    assert.equal(resolved.manifestDigest, digestOf(image.manifest));
    assert.equal(resolved.indexDigest, inner.digest);
    const byDigest = await openOciLayout(`${dir}@${digestOf(image.manifest)}`);
    assert.equal(byDigest.reference, `oci-layout:${dir}@${digestOf(image.manifest)}`);
    assert.equal(byDigest.indexDigest, undefined);
  });

  it('chooses by platform among index.json entries that have no tags', async () => {
    const dir = newDir();
    const amd64 = await buildImage([marker('amd64')]);
    const arm = await buildImage([marker('arm')], { platform: { os: 'linux', architecture: 'arm', variant: 'v7' } });
    writeLayout(dir, [writeImage(dir, arm), writeImage(dir, amd64)]);
    assert.equal((await openOciLayout(dir, { platform: parsePlatform('linux/arm/v7') })).manifestDigest, digestOf(arm.manifest));
    await assert.rejects(openOciLayout(dir, { platform: parsePlatform('linux/arm/v6') }), /no image for platform linux\/arm\/v6/);
  });

  it('names the tags when a tag is unknown or several images need one', async () => {
    const dir = newDir();
    const a = await buildImage([marker('a')]);
    const b = await buildImage([marker('b')]);
    writeLayout(dir, [{ ...writeImage(dir, a, '1.0'), platform: undefined }, { ...writeImage(dir, b, '2.0'), platform: undefined }]);
    await assert.rejects(openOciLayout(`${dir}:3.0`), (error: Error) => error.message === `${dir}: no image tagged "3.0"; tags: 1.0, 2.0`);
    await assert.rejects(openOciLayout(dir), /holds 2 images; name one as .*:TAG .*tags: 1\.0, 2\.0/);
  });

  it('reports a directory that is not a layout, naming the missing file', async () => {
    const dir = newDir();
    const image = await buildImage([marker('x')]);
    writeLayout(dir, [writeImage(dir, image)]);
    rmSync(join(dir, 'index.json'));
    await assert.rejects(openOciLayout(dir), (error: Error) => error.message === `${dir}: not an OCI image layout (no index.json)`);
    rmSync(join(dir, 'oci-layout'));
    await assert.rejects(openOciLayout(dir), (error: Error) => error.message === `${dir}: not an OCI image layout (no oci-layout file)`);
    await assert.rejects(openOciLayout(join(temp, 'absent')), /absent: no such file or directory/);
  });

  it('reports a missing layer blob and a manifest whose bytes do not match its digest', async () => {
    const dir = newDir();
    const image = await buildImage([marker('x')]);
    writeLayout(dir, [writeImage(dir, image)]);
    const layerDigest = digestOf(image.layers[0]!);
    rmSync(join(dir, blobPath(layerDigest)));
    await assert.rejects(openOciLayout(dir), (error: Error) => error.message === `${dir}: layer blob ${layerDigest} is missing (${blobPath(layerDigest)})`);
    writeFileSync(join(dir, blobPath(digestOf(image.manifest))), '{}');
    await assert.rejects(openOciLayout(dir), /blobs\/sha256\/[0-9a-f]{64}: digest mismatch: expected sha256:/);
  });

  it('refuses Docker schema 1 manifests', async () => {
    const dir = newDir();
    const schema1 = json({ schemaVersion: 1, name: 'old', tag: 'latest', fsLayers: [], history: [] });
    const digest = writeBlob(dir, schema1);
    writeLayout(dir, [{ mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws', digest, size: schema1.length }]);
    await assert.rejects(openOciLayout(dir), /blobs\/sha256\/[0-9a-f]{64}: schema 1 manifests are not supported/);
  });
});
