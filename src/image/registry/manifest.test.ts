import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from './errors.js';
import { parseManifest } from './manifest.js';

const digest = (char: string) => `sha256:${char.repeat(64)}`;
const image = (mediaType?: string, configType = 'application/vnd.oci.image.config.v1+json', layerType = 'application/vnd.oci.image.layer.v1.tar+gzip') =>
  Buffer.from(JSON.stringify({
    schemaVersion: 2,
    ...(mediaType ? { mediaType } : {}),
    config: { mediaType: configType, digest: digest('a'), size: 10 },
    layers: [{ mediaType: layerType, digest: digest('b'), size: 20 }],
  }));

function refused(bytes: Buffer, contentType: string | null, kind: string, problem: RegExp): void {
  assert.throws(() => parseManifest(bytes, contentType, 'manifest x'), (error: unknown) => {
    assert.ok(error instanceof RegistryError);
    assert.equal(error.kind, kind);
    assert.match(error.message, /^manifest x: /);
    assert.match(error.message, problem);
    return true;
  });
}

describe('parseManifest', () => {
  it('takes the media type from Content-Type (parameters dropped)', () => {
    const manifest = parseManifest(image(), 'application/vnd.docker.distribution.manifest.v2+json; charset=utf-8', 'm');
    assert.equal(manifest.kind, 'image');
    assert.equal(manifest.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
  });

  it('falls back to the body\'s mediaType when Content-Type is generic', () => {
    const manifest = parseManifest(image('application/vnd.oci.image.manifest.v1+json'), 'application/octet-stream', 'm');
    assert.equal(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json');
    assert.deepEqual(manifest.kind === 'image' && manifest.layers, [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digest('b'), size: 20 }]);
  });

  it('reads index entries with their platforms', () => {
    const index = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest('c'), size: 5, platform: { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.1' } }],
    }));
    const manifest = parseManifest(index, 'application/vnd.oci.image.index.v1+json', 'm');
    assert.deepEqual(manifest.kind === 'index' && manifest.manifests[0]?.platform, { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' });
  });

  it('refuses schema 1 by Content-Type or by body', () => {
    const schema1 = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'a', fsLayers: [] }));
    refused(schema1, 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'unsupported-media-type', /schema 1 manifests are not supported; re-push/);
    refused(schema1, 'application/json', 'unsupported-media-type', /schema 1/);
  });

  it('refuses artifacts (a Helm chart config, foreign layer types) and unknown types', () => {
    refused(image(undefined, 'application/vnd.cncf.helm.config.v1+json'), 'application/vnd.oci.image.manifest.v1+json', 'unsupported-media-type', /helm\.config.*not an image config/);
    refused(image(undefined, undefined, 'application/vnd.wasm.content.layer.v1+wasm'), 'application/vnd.oci.image.manifest.v1+json', 'unsupported-media-type', /wasm.*not an image layer/);
    refused(image(), 'text/html', 'unsupported-media-type', /"text\/html" is not an image manifest or index/);
  });

  it('names the broken field of a malformed manifest', () => {
    refused(Buffer.from('{"schemaVersion":2,"config":{"mediaType":"x","digest":"sha256:12","size":1},"layers":[]}'), 'application/vnd.oci.image.manifest.v1+json', 'invalid-response', /config\.digest/);
    refused(Buffer.from('not json'), 'application/vnd.oci.image.manifest.v1+json', 'invalid-response', /not valid JSON/);
  });
});
