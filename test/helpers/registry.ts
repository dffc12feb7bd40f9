/**
 * A real registry for the tests: Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with a throwaway storage
 * folder, optionally behind token auth served from this process (RS256 JWTs signed with an openssl-made key whose
 * self-signed certificate the registry trusts), plus push helpers speaking the distribution API and a bare fake
 * registry for answers a real one never gives (tampered blobs, 503s, schema 1).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, sign, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { detectCompression } from '../../src/image/layers/compression.js';

const run = promisify(execFile);

export const REGISTRY_PROGRAM = 'docker-registry';

/** Whether docker-registry is installed; when not, says so loudly (tests then skip). */
export function registryAvailable(): boolean {
  const found = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, REGISTRY_PROGRAM)));
  if (!found) process.stderr.write(`\n!!! SKIPPING: ${REGISTRY_PROGRAM} is not on PATH (apt-get install docker-registry) !!!\n\n`);
  return found;
}

export interface TokenRequest {
  method: string;
  service?: string;
  scopes: string[];
  /** The user the request authenticated as (Basic or refresh token), if any. */
  user?: string;
  grantType?: string;
}

export interface TokenAuthOptions {
  /** username → password accepted as Basic credentials; these users may pull every repository. */
  users: Record<string, string>;
  /** refresh (identity) token → username, for the OAuth2 POST flow. */
  refreshTokens?: Record<string, string>;
  /** Answer the OAuth2 POST with 404, as token servers without OAuth2 do. */
  noOauth?: boolean;
}

export interface TestRegistry {
  /** `127.0.0.1:<port>`: the registry part of image references. */
  host: string;
  /** Requests the token server received, in order (empty without token auth). */
  tokenRequests: TokenRequest[];
  /** Headers the push helpers need (a bearer token with push rights when token auth is on). */
  pushHeaders(repository: string): Record<string, string>;
  stop(): Promise<void>;
}

const SERVICE = 'kspm-test-registry';
const ISSUER = 'kspm-test-token-issuer';

export async function startRegistry(options: { tokenAuth?: TokenAuthOptions } = {}): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'kspm-registry-'));
  let child: ChildProcess | undefined;
  let tokenServer: Server | undefined;
  try {
    const port = await freePort();
    const tokenRequests: TokenRequest[] = [];
    let minter: ((access: Access[]) => string) | undefined;
    let authConfig = '';
    if (options.tokenAuth) {
      const keys = await makeSigningKey(dir);
      minter = (access) => mintToken(keys, access);
      const issue = minter;
      tokenServer = await listen(createServer((request, response) => void answerToken(request, response, options.tokenAuth!, tokenRequests, issue)));
      const tokenPort = (tokenServer.address() as AddressInfo).port;
      authConfig = [
        'auth:',
        '  token:',
        `    realm: http://127.0.0.1:${tokenPort}/token`,
        `    service: ${SERVICE}`,
        `    issuer: ${ISSUER}`,
        `    rootcertbundle: ${keys.certPath}`,
      ].join('\n');
    }
    const configPath = join(dir, 'config.yml');
    await writeFile(configPath, [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'storage')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
      authConfig,
      '',
    ].join('\n'));
    const stderr: Buffer[] = [];
    const started = spawn(REGISTRY_PROGRAM, ['serve', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    started.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const host = `127.0.0.1:${port}`;
    await waitUntilAnswering(`http://${host}/v2/`, started, () => Buffer.concat(stderr).toString('utf8'));
    const server = tokenServer;
    return {
      host,
      tokenRequests,
      pushHeaders: (repository): Record<string, string> =>
        minter ? { authorization: `Bearer ${minter([{ type: 'repository', name: repository, actions: ['pull', 'push'] }])}` } : {},
      async stop() {
        await stopChild(started);
        if (server) await new Promise((resolve) => server.close(resolve));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopChild(child);
    tokenServer?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

interface SigningKey {
  certPath: string;
  keyPem: string;
  certDer: Buffer;
}

async function makeSigningKey(dir: string): Promise<SigningKey> {
  const keyPath = join(dir, 'token.key');
  const certPath = join(dir, 'token.crt');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=kspm-test-token-issuer', '-keyout', keyPath, '-out', certPath]);
  const certPem = await readFile(certPath, 'utf8');
  return { certPath, keyPem: await readFile(keyPath, 'utf8'), certDer: new X509Certificate(certPem).raw };
}

function mintToken(keys: SigningKey, access: Access[]): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', x5c: [keys.certDer.toString('base64')] };
  const claims = { iss: ISSUER, sub: 'kspm-test', aud: SERVICE, iat: now, nbf: now - 10, exp: now + 300, jti: randomBytes(8).toString('hex'), access };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), createPrivateKey(keys.keyPem));
  return `${signingInput}.${base64url(signature)}`;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Users may pull anything; nobody gets push through the token server (the push helpers mint their own). */
async function answerToken(
  request: IncomingMessage,
  response: ServerResponse,
  auth: TokenAuthOptions,
  log: TokenRequest[],
  issue: (access: Access[]) => string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://token');
  const body = await readAll(request);
  const reply = (status: number, json: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(json));
  };
  let scopes = url.searchParams.getAll('scope');
  let service = url.searchParams.get('service') ?? undefined;
  let user: string | undefined;
  let grantType: string | undefined;
  if (request.method === 'POST') {
    const form = new URLSearchParams(body.toString('utf8'));
    grantType = form.get('grant_type') ?? undefined;
    scopes = (form.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
    service = form.get('service') ?? undefined;
    const entry: TokenRequest = { method: 'POST', scopes, ...(service ? { service } : {}), ...(grantType ? { grantType } : {}) };
    log.push(entry);
    if (auth.noOauth) return reply(404, { error: 'not found' });
    user = grantType === 'refresh_token' ? auth.refreshTokens?.[form.get('refresh_token') ?? ''] : undefined;
    if (!user) return reply(401, { error: 'invalid_grant' });
    entry.user = user;
  } else {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const entry: TokenRequest = { method: 'GET', scopes, ...(service ? { service } : {}) };
    log.push(entry);
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const name = decoded.slice(0, colon);
      if (colon < 0 || auth.users[name] === undefined || auth.users[name] !== decoded.slice(colon + 1)) {
        return reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'wrong username or password' }] });
      }
      user = name;
      entry.user = user;
    }
  }
  const access = user ? scopes.flatMap((scope) => pullAccess(scope)) : [];
  const token = issue(access);
  return reply(200, { ...(request.method === 'POST' ? { access_token: token, refresh_token: 'rotated-refresh-token' } : { token }), expires_in: 300 });
}

function pullAccess(scope: string): Access[] {
  const parts = scope.split(':');
  if (parts.length < 3 || parts[0] !== 'repository') return [];
  const actions = (parts.at(-1) ?? '').split(',').filter((action) => action === 'pull');
  return actions.length > 0 ? [{ type: 'repository', name: parts.slice(1, -1).join(':'), actions }] : [];
}

export interface PushedImage {
  manifestDigest: string;
  manifestMediaType: string;
  manifestSize: number;
  configDigest: string;
  layerDigests: string[];
  diffIds: string[];
}

export interface ImageToPush {
  /** Layer blobs as stored: plain tar, gzip or zstd (told apart by content). */
  layers: Buffer[];
  /** The image config; `rootfs` is filled in from the layers when absent. */
  config?: Record<string, unknown>;
  mediaTypes: 'oci' | 'docker';
}

const MEDIA = {
  oci: {
    manifest: 'application/vnd.oci.image.manifest.v1+json',
    index: 'application/vnd.oci.image.index.v1+json',
    config: 'application/vnd.oci.image.config.v1+json',
    layer: { gzip: 'application/vnd.oci.image.layer.v1.tar+gzip', zstd: 'application/vnd.oci.image.layer.v1.tar+zstd', none: 'application/vnd.oci.image.layer.v1.tar' },
  },
  docker: {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    index: 'application/vnd.docker.distribution.manifest.list.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    // Docker has no zstd layer type; images that use zstd carry the OCI one.
    layer: { gzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip', zstd: 'application/vnd.oci.image.layer.v1.tar+zstd', none: 'application/vnd.docker.image.rootfs.diff.tar' },
  },
} as const;

/** Pushes blobs and a manifest through the distribution API; `tag` may be omitted to push by digest only. */
export async function pushImage(registry: TestRegistry, repository: string, tag: string | undefined, image: ImageToPush): Promise<PushedImage> {
  const media = MEDIA[image.mediaTypes];
  const diffIds = image.layers.map((layer) => digestOf(uncompressed(layer)));
  const config = Buffer.from(JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    ...image.config,
    rootfs: (image.config?.rootfs as unknown) ?? { type: 'layers', diff_ids: diffIds },
  }));
  for (const blob of [...image.layers, config]) await pushBlob(registry, repository, blob);
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: media.manifest,
    config: { mediaType: media.config, digest: digestOf(config), size: config.length },
    layers: image.layers.map((layer) => ({ mediaType: media.layer[detectCompression(layer)], digest: digestOf(layer), size: layer.length })),
  }));
  const manifestDigest = await pushManifest(registry, repository, tag ?? digestOf(manifest), manifest, media.manifest);
  return {
    manifestDigest,
    manifestMediaType: media.manifest,
    manifestSize: manifest.length,
    configDigest: digestOf(config),
    layerDigests: image.layers.map(digestOf),
    diffIds,
  };
}

export interface IndexEntry {
  image: PushedImage;
  platform: { os: string; architecture: string; variant?: string };
}

/** A multi-platform index (OCI) or manifest list (docker) over images already pushed. */
export async function pushIndex(registry: TestRegistry, repository: string, tag: string, entries: IndexEntry[], mediaTypes: 'oci' | 'docker'): Promise<string> {
  const media = MEDIA[mediaTypes];
  const index = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: media.index,
    manifests: entries.map(({ image, platform }) => ({ mediaType: image.manifestMediaType, digest: image.manifestDigest, size: image.manifestSize, platform })),
  }));
  return pushManifest(registry, repository, tag, index, media.index);
}

export async function pushBlob(registry: TestRegistry, repository: string, blob: Buffer): Promise<void> {
  const headers = registry.pushHeaders(repository);
  const start = await fetch(`http://${registry.host}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers });
  await start.body?.cancel();
  const location = start.headers.get('location');
  if (start.status !== 202 || !location) throw new Error(`upload start for ${repository} answered ${start.status}`);
  const upload = new URL(location, `http://${registry.host}`);
  upload.searchParams.set('digest', digestOf(blob));
  const put = await fetch(upload, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: blob });
  if (put.status !== 201) throw new Error(`blob upload for ${repository} answered ${put.status}: ${await put.text()}`);
}

export async function pushManifest(registry: TestRegistry, repository: string, reference: string, body: Buffer, mediaType: string): Promise<string> {
  const response = await fetch(`http://${registry.host}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { ...registry.pushHeaders(repository), 'content-type': mediaType },
    body,
  });
  if (response.status !== 201) throw new Error(`manifest push ${repository}:${reference} answered ${response.status}: ${await response.text()}`);
  await response.body?.cancel();
  return digestOf(body);
}

export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function uncompressed(layer: Buffer): Buffer {
  switch (detectCompression(layer)) {
    case 'gzip':
      return gunzipSync(layer);
    case 'zstd':
      return Buffer.from(zstdDecompress(layer));
    case 'none':
      return layer;
  }
}

export interface FakeRegistry {
  host: string;
  /** `METHOD path` of every request, in order. */
  requests: Array<{ method: string; path: string; authorization?: string }>;
  stop(): Promise<void>;
}

/** A bare HTTP server on 127.0.0.1 answering with `handler`, for what a real registry would never send. */
export async function startFakeRegistry(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<FakeRegistry> {
  const requests: FakeRegistry['requests'] = [];
  const server = await listen(createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) });
    handler(request, response);
  }));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${REGISTRY_PROGRAM} exited with ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${REGISTRY_PROGRAM} did not answer at ${url} within 15 s: ${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
