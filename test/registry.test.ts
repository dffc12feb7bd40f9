import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LayerCache } from '../src/image/layers/cache.js';
import { gzip, tarOf, ZSTD_AVAILABLE, zstdCompress } from '../src/image/layers/layer-fixtures.js';
import { walkLayers } from '../src/image/layers/walk.js';
import { chainKeychains, credentialsFromDockerConfig, type Keychain } from '../src/image/registry/credentials.js';
import { dockerConfigKeychain } from '../src/image/registry/docker-config-file.js';
import { RegistryError } from '../src/image/registry/errors.js';
import { pullImage, type PullOptions, type PullProgress } from '../src/image/registry/pull.js';
import type { LayeredImage } from '../src/image/source/types.js';
import {
  digestOf,
  pushImage,
  pushIndex,
  registryAvailable,
  startFakeRegistry,
  startRegistry,
  type FakeRegistry,
  type TestRegistry,
} from './helpers/registry.js';

const skip = registryAvailable() ? false : 'docker-registry is not installed';
const ANONYMOUS: Keychain = chainKeychains();

let workDir: string;
before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kspm-registry-test-'));
});
after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

let cacheCount = 0;
function freshCache(): LayerCache {
  return new LayerCache(join(workDir, `cache-${cacheCount++}`));
}

function options(extra: PullOptions = {}): PullOptions {
  return { keychain: ANONYMOUS, cache: freshCache(), baseDelayMs: 1, ...extra };
}

/** Every file of the pulled image with its content, as the layer walker merges them. */
async function filesOf(image: LayeredImage): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const blobs = image.layers.map((layer) => ({ digest: layer.digest, stream: lazy(() => image.openLayer(layer)) }));
  for await (const entry of walkLayers(blobs, { maxBytes: 1 << 26, wanted: () => true, onWarning: () => undefined })) {
    if (entry.kind === 'file') files[entry.path] = entry.content?.toString('utf8') ?? '';
  }
  return files;
}

async function* lazy(open: () => Promise<AsyncIterable<Uint8Array>>): AsyncGenerator<Uint8Array> {
  yield* await open();
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the pull to fail');
}

function countingFetch(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
  };
}

const layerA = () => tarOf([{ name: 'etc/os-release', content: 'ID=kspm-test\n' }, { name: 'app/a.txt', content: 'from layer A' }]);
const layerB = () => tarOf([{ name: 'app/b.txt', content: 'from layer B' }, { name: 'app/.wh.a.txt', content: '' }]);

describe('pulling from a real registry (anonymous)', { skip }, () => {
  let registry: TestRegistry;
  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    await registry?.stop();
  });

  it('pulls an OCI image by tag and by digest; its layers walk into the merged files', async () => {
    const pushed = await pushImage(registry, 'demo/app', '1.0', { layers: [gzip(await layerA()), gzip(await layerB())], mediaTypes: 'oci' });
    const image = await pullImage(`${registry.host}/demo/app:1.0`, options());
    assert.equal(image.reference, `${registry.host}/demo/app:1.0`);
    assert.equal(image.manifestDigest, pushed.manifestDigest);
    assert.equal(image.indexDigest, undefined);
    assert.deepEqual(image.platform, { os: 'linux', architecture: 'amd64' });
    assert.deepEqual(image.layers.map((layer) => layer.digest), pushed.layerDigests);
    assert.deepEqual(image.layers.map((layer) => layer.diffId), pushed.diffIds);
    assert.equal(image.layers[0]?.mediaType, 'application/vnd.oci.image.layer.v1.tar+gzip');
    assert.deepEqual(await filesOf(image), { 'etc/os-release': 'ID=kspm-test\n', 'app/b.txt': 'from layer B' });

    const byDigest = await pullImage(`${registry.host}/demo/app@${pushed.manifestDigest}`, options());
    assert.equal(byDigest.manifestDigest, pushed.manifestDigest);
    assert.deepEqual(byDigest.config.rootfs?.diff_ids, pushed.diffIds);
  });

  it('reads docker schema 2 and OCI manifests with plain, gzip and zstd layers', { skip: ZSTD_AVAILABLE ? false : 'zstd is not installed' }, async () => {
    await pushImage(registry, 'demo/docker', 'v1', { layers: [await layerA(), gzip(await layerB())], mediaTypes: 'docker' });
    const docker = await pullImage(`${registry.host}/demo/docker:v1`, options());
    assert.deepEqual(docker.layers.map((layer) => layer.mediaType), [
      'application/vnd.docker.image.rootfs.diff.tar',
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
    ]);
    assert.deepEqual(await filesOf(docker), { 'etc/os-release': 'ID=kspm-test\n', 'app/b.txt': 'from layer B' });

    await pushImage(registry, 'demo/zstd', 'v1', { layers: [zstdCompress(await layerA())], mediaTypes: 'oci' });
    const zstd = await pullImage(`${registry.host}/demo/zstd:v1`, options());
    assert.equal(zstd.layers[0]?.mediaType, 'application/vnd.oci.image.layer.v1.tar+zstd');
    assert.deepEqual(await filesOf(zstd), { 'etc/os-release': 'ID=kspm-test\n', 'app/a.txt': 'from layer A' });
  });

  for (const mediaTypes of ['oci', 'docker'] as const) {
    it(`chooses the platform from a ${mediaTypes} index: linux/amd64 by default, another when asked, an error listing them when none matches`, async () => {
      const amd64 = await pushImage(registry, `multi/${mediaTypes}`, undefined, {
        layers: [gzip(await tarOf([{ name: 'arch', content: 'amd64' }]))],
        mediaTypes,
      });
      const arm64 = await pushImage(registry, `multi/${mediaTypes}`, undefined, {
        layers: [gzip(await tarOf([{ name: 'arch', content: 'arm64' }]))],
        config: { architecture: 'arm64', variant: 'v8' },
        mediaTypes,
      });
      const indexDigest = await pushIndex(registry, `multi/${mediaTypes}`, 'latest', [
        { image: amd64, platform: { os: 'linux', architecture: 'amd64' } },
        { image: arm64, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      ], mediaTypes);
      const reference = `${registry.host}/multi/${mediaTypes}`;

      const chosenByDefault = await pullImage(reference, options());
      assert.equal(chosenByDefault.indexDigest, indexDigest);
      assert.equal(chosenByDefault.manifestDigest, amd64.manifestDigest);
      assert.deepEqual(await filesOf(chosenByDefault), { arch: 'amd64' });

      const arm = await pullImage(reference, options({ platform: 'linux/arm64' }));
      assert.equal(arm.manifestDigest, arm64.manifestDigest);
      assert.deepEqual(arm.platform, { os: 'linux', architecture: 'arm64', variant: 'v8' });
      assert.deepEqual(await filesOf(arm), { arch: 'arm64' });

      const none = await rejection(pullImage(reference, options({ platform: 'linux/s390x' })));
      assert.equal(none.kind, 'no-matching-platform');
      assert.match(none.message, /linux\/s390x/);
      assert.match(none.message, /available: linux\/amd64, linux\/arm64\/v8/);
      assert.match(none.message, new RegExp(`image ${reference}:latest`));
    });
  }

  it('downloads a layer once, reporting progress: a second pull with the same cache reads it from there', async () => {
    await pushImage(registry, 'demo/cached', 'v1', { layers: [gzip(await layerA()), gzip(await layerB())], mediaTypes: 'oci' });
    const cache = freshCache();
    const counter = countingFetch();
    const blobGets = () => counter.requests.filter((request) => request.startsWith('GET /v2/demo/cached/blobs/'));
    const progress: PullProgress[] = [];
    const first = await pullImage(`${registry.host}/demo/cached:v1`, options({ cache, fetch: counter.fetch, onProgress: (event) => progress.push(event) }));
    assert.equal(blobGets().length, 1, 'only the config before any layer is opened');
    await filesOf(first);
    assert.equal(blobGets().length, 3);
    const second = await pullImage(`${registry.host}/demo/cached:v1`, options({ cache, fetch: counter.fetch }));
    assert.deepEqual(await filesOf(second), await filesOf(first));
    assert.equal(blobGets().length, 4, 'the second pull fetched only the config');
    assert.deepEqual(progress.filter((event) => event.downloadedBytes === event.totalBytes).map((event) => event.layer), first.layers.map((layer) => layer.digest));
  });

  it('names the image and says not found for a missing tag or repository', async () => {
    const missing = await rejection(pullImage(`${registry.host}/demo/app:no-such-tag`, options()));
    assert.equal(missing.kind, 'not-found');
    assert.match(missing.message, /demo\/app:no-such-tag/);
    assert.match(missing.message, /MANIFEST_UNKNOWN/);
  });
});

describe('pulling from a real registry behind token auth', { skip }, () => {
  let registry: TestRegistry;
  const users = { alice: 'alice-secret-password' };
  before(async () => {
    registry = await startRegistry({ tokenAuth: { users, refreshTokens: { 'alice-refresh-token': 'alice' } } });
    await pushImage(registry, 'private/app', 'v1', { layers: [gzip(await layerA())], mediaTypes: 'oci' });
  });
  after(async () => {
    await registry?.stop();
  });

  const config = (auth: Record<string, unknown>) => ({ auths: { [registry.host]: auth } });
  const basicAuth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

  it('gets a pull-scoped token with the configured Basic credentials', async () => {
    registry.tokenRequests.length = 0;
    const keychain = credentialsFromDockerConfig(JSON.stringify(config({ auth: basicAuth('alice', users.alice) })), 'test docker config');
    const image = await pullImage(`${registry.host}/private/app:v1`, options({ keychain }));
    assert.deepEqual(await filesOf(image), { 'etc/os-release': 'ID=kspm-test\n', 'app/a.txt': 'from layer A' });
    assert.ok(registry.tokenRequests.length >= 1);
    for (const request of registry.tokenRequests) {
      assert.equal(request.method, 'GET');
      assert.equal(request.user, 'alice');
      assert.equal(request.service, 'kspm-test-registry');
      assert.deepEqual(request.scopes, ['repository:private/app:pull']);
    }
  });

  it('reports a wrong password as unauthorized, naming the registry and where the credentials came from, never the secret', async () => {
    const keychain = credentialsFromDockerConfig(config({ username: 'alice', password: 'wrong-password' }), 'test docker config');
    const error = await rejection(pullImage(`${registry.host}/private/app:v1`, options({ keychain })));
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, new RegExp(`registry ${registry.host}`));
    assert.match(error.message, /test docker config/);
    assert.doesNotMatch(error.message, /wrong-password/);
  });

  it('refuses anonymous access as unauthorized', async () => {
    const error = await rejection(pullImage(`${registry.host}/private/app:v1`, options()));
    assert.equal(error.kind, 'unauthorized');
    assert.match(error.message, /anonymous/);
  });

  it('reads credentials from $DOCKER_CONFIG/config.json', async () => {
    const dir = join(workDir, 'docker-config-auths');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config.json'), JSON.stringify(config({ auth: basicAuth('alice', users.alice) })));
    const image = await pullImage(`${registry.host}/private/app:v1`, options({ keychain: dockerConfigKeychain({ env: { DOCKER_CONFIG: dir } }) }));
    assert.equal(image.layers.length, 1);
  });

  it('asks a credential helper named in credHelpers, giving it the registry on stdin', async () => {
    const dir = join(workDir, 'docker-config-helper');
    const bin = join(dir, 'bin');
    await mkdir(bin, { recursive: true });
    const seen = join(dir, 'helper-stdin');
    const helper = join(bin, 'docker-credential-kspmtest');
    await writeFile(helper, `#!/bin/sh\n[ "$1" = get ] || exit 2\ncat > '${seen}'\necho '{"ServerURL":"x","Username":"alice","Secret":"${users.alice}"}'\n`);
    await chmod(helper, 0o755);
    await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: {}, credHelpers: { [registry.host]: 'kspmtest' } }));
    const env = { DOCKER_CONFIG: dir, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
    const image = await pullImage(`${registry.host}/private/app:v1`, options({ keychain: dockerConfigKeychain({ env }) }));
    assert.equal(image.layers.length, 1);
    assert.equal(await readFile(seen, 'utf8'), registry.host);
  });

  it('exchanges an identity token by the OAuth2 refresh-token POST', async () => {
    registry.tokenRequests.length = 0;
    const keychain = credentialsFromDockerConfig(config({ identitytoken: 'alice-refresh-token' }), 'test docker config');
    const image = await pullImage(`${registry.host}/private/app:v1`, options({ keychain }));
    assert.deepEqual(await filesOf(image), { 'etc/os-release': 'ID=kspm-test\n', 'app/a.txt': 'from layer A' });
    assert.equal(registry.tokenRequests[0]?.method, 'POST');
    assert.equal(registry.tokenRequests[0]?.grantType, 'refresh_token');
    assert.equal(registry.tokenRequests[0]?.user, 'alice');
    assert.deepEqual(registry.tokenRequests[0]?.scopes, ['repository:private/app:pull']);
  });
});

describe('token servers without OAuth2', { skip }, () => {
  let registry: TestRegistry;
  before(async () => {
    registry = await startRegistry({ tokenAuth: { users: { bob: 'bob-password' }, noOauth: true } });
    await pushImage(registry, 'private/app', 'v1', { layers: [gzip(await layerA())], mediaTypes: 'oci' });
  });
  after(async () => {
    await registry?.stop();
  });

  it('falls back from the POST (404) to the GET token request', async () => {
    const keychain = credentialsFromDockerConfig({ auths: { [registry.host]: { identitytoken: 'some-token' } } }, 'test docker config');
    const error = await rejection(pullImage(`${registry.host}/private/app:v1`, options({ keychain })));
    assert.equal(error.kind, 'unauthorized');
    assert.deepEqual(registry.tokenRequests.slice(0, 2).map((request) => request.method), ['POST', 'GET']);
  });
});

/** A registry in this process serving one image, with hooks to misbehave. */
interface FakeImage {
  manifest: Buffer;
  manifestType: string;
  blobs: Map<string, Buffer>;
}

async function fakeImage(layers: Buffer[]): Promise<FakeImage> {
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [] } }));
  const manifestType = 'application/vnd.oci.image.manifest.v1+json';
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: manifestType,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digestOf(config), size: config.length },
    layers: layers.map((layer) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digestOf(layer), size: layer.length })),
  }));
  return { manifest, manifestType, blobs: new Map([[digestOf(config), config], ...layers.map((layer) => [digestOf(layer), layer] as [string, Buffer])]) };
}

function serve(image: FakeImage, path: string, response: ServerResponse): void {
  if (path === '/v2/') return void response.writeHead(200).end('{}');
  if (/\/manifests\//.test(path)) return void response.writeHead(200, { 'content-type': image.manifestType }).end(image.manifest);
  const blob = image.blobs.get(path.split('/blobs/')[1] ?? '');
  if (blob) return void response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(blob);
  response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"BLOB_UNKNOWN"}]}');
}

describe('registries that misbehave (in-process fakes)', () => {
  const fakes: FakeRegistry[] = [];
  after(async () => {
    for (const fake of fakes) await fake.stop();
  });
  async function start(handler: Parameters<typeof startFakeRegistry>[0]): Promise<FakeRegistry> {
    const fake = await startFakeRegistry(handler);
    fakes.push(fake);
    return fake;
  }

  it('refuses a tampered layer blob as a digest mismatch and caches nothing', async () => {
    const layer = gzip(await layerA());
    const image = await fakeImage([layer]);
    const tampered = Buffer.from(layer);
    tampered[tampered.length - 10] = (tampered[tampered.length - 10] ?? 0) ^ 0xff;
    const fake = await start((request, response) => {
      const path = request.url ?? '';
      if (path.endsWith(digestOf(layer))) return void response.writeHead(200).end(tampered);
      serve(image, path, response);
    });
    const cache = freshCache();
    const pulled = await pullImage(`${fake.host}/demo/tampered:v1`, options({ cache }));
    const error = await rejection(filesOf(pulled));
    assert.equal(error.kind, 'digest-mismatch');
    assert.match(error.message, new RegExp(digestOf(layer)));
    assert.equal(await cache.has(digestOf(layer)), false);
  });

  it('refuses a manifest fetched by digest whose bytes have another digest', async () => {
    const image = await fakeImage([gzip(await layerA())]);
    const fake = await start((request, response) => serve(image, request.url ?? '', response));
    const wrong = `sha256:${'0'.repeat(64)}`;
    const error = await rejection(pullImage(`${fake.host}/demo/app@${wrong}`, options()));
    assert.equal(error.kind, 'digest-mismatch');
  });

  it('retries 503 answers and goes on', async () => {
    const image = await fakeImage([gzip(await layerA())]);
    let failures = 0;
    const fake = await start((request, response) => {
      if (request.url?.includes('/manifests/') && failures < 2) {
        failures++;
        return void response.writeHead(503, { 'retry-after': '0' }).end();
      }
      serve(image, request.url ?? '', response);
    });
    const pulled = await pullImage(`${fake.host}/demo/flaky:v1`, options());
    assert.equal(pulled.manifestDigest, digestOf(image.manifest));
    assert.equal(fake.requests.filter((request) => request.path.includes('/manifests/')).length, 3);
  });

  it('starts a layer over when the connection drops midway', async () => {
    const layer = gzip(await tarOf([{ name: 'big', content: 'x'.repeat(200_000) + 'end' }]));
    const image = await fakeImage([layer]);
    let cut = false;
    const fake = await start((request, response) => {
      if (request.url?.endsWith(digestOf(layer)) && !cut) {
        cut = true;
        response.writeHead(200, { 'content-length': String(layer.length) });
        response.write(layer.subarray(0, layer.length >> 1));
        setImmediate(() => response.destroy());
        return;
      }
      serve(image, request.url ?? '', response);
    });
    const files = await filesOf(await pullImage(`${fake.host}/demo/cut:v1`, options()));
    assert.ok(files.big?.endsWith('end'));
    assert.equal(fake.requests.filter((request) => request.path.endsWith(digestOf(layer))).length, 2);
  });

  it('gives up after the retries with a network error naming the registry', async () => {
    const fake = await start((_, response) => void response.writeHead(503).end());
    const error = await rejection(pullImage(`${fake.host}/demo/down:v1`, options({ retries: 2 })));
    assert.equal(error.kind, 'network');
    assert.equal(fake.requests.length, 3);
    assert.match(error.message, new RegExp(fake.host));
  });

  it('does not retry a 404', async () => {
    const fake = await start((request, response) => {
      if (request.url === '/v2/') return void response.writeHead(200).end('{}');
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"NAME_UNKNOWN"}]}');
    });
    const error = await rejection(pullImage(`${fake.host}/demo/missing:v1`, options()));
    assert.equal(error.kind, 'not-found');
    assert.equal(fake.requests.filter((request) => request.path.includes('/manifests/')).length, 1);
  });

  it('refuses schema 1 manifests with advice to re-push', async () => {
    const fake = await start((request, response) => {
      if (request.url === '/v2/') return void response.writeHead(200).end('{}');
      response.writeHead(200, { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws' });
      response.end(JSON.stringify({ schemaVersion: 1, name: 'demo/old', tag: 'v1', fsLayers: [], history: [] }));
    });
    const error = await rejection(pullImage(`${fake.host}/demo/old:v1`, options()));
    assert.equal(error.kind, 'unsupported-media-type');
    assert.match(error.message, /schema 1 manifests are not supported; re-push the image with a current docker\/buildx/);
  });

  /** A registry whose own /token endpoint issues tokens naming their scopes; `needed` scopes gate every request. */
  async function tokenGuarded(image: FakeImage, needed: string[], expiresIn: number) {
    const tokenScopes: string[][] = [];
    const fake = await start((request, response) => {
      const url = new URL(request.url ?? '/', 'http://fake');
      if (url.pathname === '/token') {
        tokenScopes.push(url.searchParams.getAll('scope'));
        const token = Buffer.from(JSON.stringify(url.searchParams.getAll('scope'))).toString('base64url');
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, expires_in: expiresIn }));
      }
      const granted: string[] = (() => {
        const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        return token ? (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as string[]) : [];
      })();
      const missing = needed.filter((scope) => !granted.includes(scope));
      if (url.pathname === '/v2/' ? granted.length === 0 : missing.length > 0) {
        const scope = url.pathname === '/v2/' ? '' : `,scope="${missing.join(' ')}"`;
        return void response.writeHead(401, { 'www-authenticate': `Bearer realm="http://${fake.host}/token",service="fake"${scope}` }).end();
      }
      serve(image, url.pathname, response);
    });
    return { fake, tokenScopes };
  }

  it('adds the scopes a later challenge asks for, first, and asks for a new token', async () => {
    const image = await fakeImage([gzip(await layerA())]);
    const { fake, tokenScopes } = await tokenGuarded(image, ['repository:demo/app:pull', 'repository:extra/base:pull'], 300);
    const pulled = await pullImage(`${fake.host}/demo/app:v1`, options());
    assert.equal(pulled.manifestDigest, digestOf(image.manifest));
    assert.deepEqual(tokenScopes, [['repository:demo/app:pull'], ['repository:extra/base:pull', 'repository:demo/app:pull']]);
  });

  it('reuses a token until it is about to expire, then asks again', async () => {
    const image = await fakeImage([gzip(await layerA())]);
    const lasting = await tokenGuarded(image, ['repository:demo/app:pull'], 300);
    await filesOf(await pullImage(`${lasting.fake.host}/demo/app:v1`, options()));
    assert.equal(lasting.tokenScopes.length, 1);
    const shortLived = await tokenGuarded(image, ['repository:demo/app:pull'], 1);
    await filesOf(await pullImage(`${shortLived.fake.host}/demo/app:v1`, options()));
    const registryRequests = shortLived.fake.requests.filter((request) => request.path.startsWith('/v2/demo/')).length;
    assert.equal(registryRequests, 3);
    assert.equal(shortLived.tokenScopes.length, registryRequests);
  });

  it('follows a blob redirect to another host without sending the registry credentials there', async () => {
    const layer = gzip(await layerA());
    const image = await fakeImage([layer]);
    const cdn = await start((request, response) => serve(image, request.url ?? '', response));
    const fake = await start((request, response) => {
      if (!request.headers.authorization) {
        return void response.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
      }
      if (request.url?.endsWith(digestOf(layer))) {
        return void response.writeHead(307, { location: `http://${cdn.host}/v2/demo/app/blobs/${digestOf(layer)}` }).end();
      }
      serve(image, request.url ?? '', response);
    });
    const keychain = credentialsFromDockerConfig({ auths: { [fake.host]: { username: 'carol', password: 'carol-password' } } }, 'test config');
    const pulled = await pullImage(`${fake.host}/demo/app:v1`, options({ keychain }));
    assert.deepEqual(await filesOf(pulled), { 'etc/os-release': 'ID=kspm-test\n', 'app/a.txt': 'from layer A' });
    assert.ok(fake.requests.some((request) => request.authorization?.startsWith('Basic ')));
    assert.equal(cdn.requests.length, 1);
    assert.equal(cdn.requests[0]?.authorization, undefined);
  });
});
