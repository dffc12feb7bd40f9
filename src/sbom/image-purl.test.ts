import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imagePurl, parseRegistryReference } from './image-purl.js';

describe('image purl', () => {
  it('splits registry references and leaves other sources alone', () => {
    assert.deepEqual(parseRegistryReference('docker.io/library/nginx:1.27'), { repository: 'docker.io/library/nginx', tag: '1.27' });
    assert.deepEqual(parseRegistryReference('localhost:5000/team/app@sha256:abc'), { repository: 'localhost:5000/team/app', digest: 'sha256:abc' });
    assert.deepEqual(parseRegistryReference('registry.example.com:443/app:v1@sha256:abc'), { repository: 'registry.example.com:443/app', tag: 'v1', digest: 'sha256:abc' });
    assert.equal(parseRegistryReference('oci-layout:/tmp/layout@sha256:abc'), undefined);
    assert.equal(parseRegistryReference('rootfs:/srv/root'), undefined);
  });

  it('names the image by its repository and digest, with arch, repository and tag qualifiers', () => {
    const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    assert.equal(
      imagePurl({ reference: 'docker.io/library/nginx:1.27', manifestDigest: digest, platform: { os: 'linux', architecture: 'arm64' }, layers: [] }),
      `pkg:oci/nginx@${digest}?arch=arm64&repository_url=docker.io%2Flibrary%2Fnginx&tag=1.27`,
    );
    assert.equal(imagePurl({ reference: 'oci-layout:build/out@sha256:1', manifestDigest: digest, layers: [] }), `pkg:oci/out@${digest}`);
    assert.equal(imagePurl({ reference: 'rootfs:/srv/root', layers: [] }), undefined, 'no digest, no purl');
  });
});
