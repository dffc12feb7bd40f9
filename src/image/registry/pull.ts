/**
 * Pulls an image from a registry: the manifest (through an index when there is one, choosing the platform), the
 * config, and layer descriptors whose blobs are downloaded once into the layer cache when first opened.
 */
import { createHash } from 'node:crypto';
import { LayerCache } from '../layers/cache.js';
import type { LayerDescriptor, LayeredImage, Platform } from '../source/types.js';
import type { Keychain } from './credentials.js';
import { dockerConfigKeychain } from './docker-config-file.js';
import { RegistryError, withContext } from './errors.js';
import { parseConfig, parseManifest, type Descriptor } from './manifest.js';
import { MANIFEST_ACCEPT } from './media-types.js';
import { DEFAULT_PLATFORM, parsePlatform, selectPlatform } from './platform.js';
import { formatReference, parseReference, type ImageReference } from './reference.js';
import { registryScheme } from './scheme.js';
import { ensureOk, RegistrySession } from './session.js';
import { createTransport, readBody, type Transport, type TransportOptions } from './transport.js';

export interface PullProgress {
  /** The layer's digest. */
  layer: string;
  downloadedBytes: number;
  totalBytes?: number;
}

export interface PullOptions extends TransportOptions {
  /** `os/arch[/variant]` to pick from a multi-platform index (default linux/amd64); single images are taken as they are. */
  platform?: string;
  /** `host[:port]` of registries spoken to over plain http (loopback registries always are). */
  insecureRegistries?: readonly string[];
  /** Where credentials come from (default: the docker config, `$DOCKER_CONFIG/config.json`). */
  keychain?: Keychain;
  cache?: LayerCache;
  onProgress?: (progress: PullProgress) => void;
}

// Registries cap manifests at 4 MiB (distribution); configs of images with long histories stay far below 64 MiB.
const MAX_MANIFEST_BYTES = 4 << 20;
const MAX_CONFIG_BYTES = 64 << 20;
const LAYER_RESTARTS = 1;

export async function pullImage(reference: string, options: PullOptions = {}): Promise<LayeredImage> {
  let name = reference;
  try {
    const parsed = parseReference(reference);
    name = formatReference(parsed);
    const wanted = options.platform === undefined ? DEFAULT_PLATFORM : parsePlatform(options.platform);
    const transport = createTransport(options);
    const session = new RegistrySession(parsed.registry, {
      scheme: registryScheme(parsed.registry, options.insecureRegistries),
      keychain: options.keychain ?? dockerConfigKeychain(),
      transport,
    });
    return await resolveImage(parsed, name, wanted, session, transport, options);
  } catch (error) {
    throw withContext(error, `image ${name}`);
  }
}

async function resolveImage(
  reference: ImageReference,
  name: string,
  wanted: Platform,
  session: RegistrySession,
  transport: Transport,
  options: PullOptions,
): Promise<LayeredImage> {
  const repository = reference.repository;
  const top = await fetchManifest(session, transport, repository, reference.digest ?? reference.tag ?? 'latest', reference.digest);
  let manifest = top.manifest;
  let manifestDigest = top.digest;
  let indexDigest: string | undefined;
  let platform: Platform | undefined;
  if (manifest.kind === 'index') {
    indexDigest = top.digest;
    const chosen = selectPlatform(manifest.manifests, wanted, `index ${top.digest}`);
    const child = await fetchManifest(session, transport, repository, chosen.digest, chosen.digest);
    if (child.manifest.kind !== 'image') {
      throw new RegistryError('unsupported-media-type', `index ${top.digest} points at another index (${chosen.digest}) for ${chosen.platform?.os}/${chosen.platform?.architecture}; nested indexes are not supported`);
    }
    manifest = child.manifest;
    manifestDigest = child.digest;
    platform = chosen.platform;
  }

  const configBytes = await fetchSmallBlob(session, transport, repository, manifest.config, MAX_CONFIG_BYTES);
  const config = parseConfig(configBytes, `config ${manifest.config.digest}`);
  platform ??= config.os && config.architecture ? { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) } : undefined;
  const diffIds = config.rootfs?.diff_ids;
  const layers: LayerDescriptor[] = manifest.layers.map((layer, index) => ({
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType,
    ...(diffIds?.length === manifest.layers.length && diffIds[index] ? { diffId: diffIds[index] } : {}),
  }));

  const cache = options.cache ?? new LayerCache();
  return {
    kind: 'layers',
    reference: name,
    manifestDigest,
    ...(indexDigest ? { indexDigest } : {}),
    ...(platform ? { platform } : {}),
    config,
    layers,
    async openLayer(layer) {
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            return await cache.fetch(layer.digest, () => downloadLayer(session, transport, repository, layer, options.onProgress));
          } catch (error) {
            // A connection lost mid-download starts the layer over, once (requests themselves were already retried
            // by the transport); anything else, a wrong digest say, is final.
            if (!(error instanceof RegistryError && error.kind === 'network') || attempt >= LAYER_RESTARTS) throw error;
          }
        }
      } catch (error) {
        throw withContext(error, `image ${name}`);
      }
    },
  };
}

async function fetchManifest(
  session: RegistrySession,
  transport: Transport,
  repository: string,
  tagOrDigest: string,
  expectedDigest: string | undefined,
): Promise<{ manifest: ReturnType<typeof parseManifest>; digest: string }> {
  const what = `manifest ${repository}:${tagOrDigest}`;
  const response = await ensureOk(
    await session.request(repository, `/v2/${repository}/manifests/${tagOrDigest}`, { method: 'GET', headers: { accept: MANIFEST_ACCEPT } }, what),
    what,
  );
  const bytes = await readBounded(response, MAX_MANIFEST_BYTES, transport.timeoutMs, what);
  const digest = sha256Of(bytes);
  if (expectedDigest !== undefined && digest !== expectedDigest) {
    throw new RegistryError('digest-mismatch', `${what}: the registry sent a manifest whose digest is ${digest}`);
  }
  return { manifest: parseManifest(bytes, response.headers.get('content-type'), what), digest };
}

async function fetchSmallBlob(session: RegistrySession, transport: Transport, repository: string, descriptor: Descriptor, limit: number): Promise<Buffer> {
  const what = `blob ${descriptor.digest}`;
  if (descriptor.size > limit) throw new RegistryError('invalid-response', `${what} is ${descriptor.size} bytes, more than the ${limit} allowed`);
  const response = await ensureOk(await session.request(repository, `/v2/${repository}/blobs/${descriptor.digest}`, { method: 'GET' }, what), what);
  const bytes = await readBounded(response, descriptor.size, transport.timeoutMs, what);
  const digest = sha256Of(bytes);
  if (digest !== descriptor.digest) throw new RegistryError('digest-mismatch', `${what}: the registry sent bytes whose digest is ${digest}`);
  return bytes;
}

async function* downloadLayer(
  session: RegistrySession,
  transport: Transport,
  repository: string,
  layer: LayerDescriptor,
  onProgress: PullOptions['onProgress'],
): AsyncGenerator<Uint8Array> {
  const what = `layer ${layer.digest}`;
  const response = await ensureOk(await session.request(repository, `/v2/${repository}/blobs/${layer.digest}`, { method: 'GET' }, what), what);
  const hash = createHash('sha256');
  let downloadedBytes = 0;
  for await (const chunk of readBody(response, transport.timeoutMs, what)) {
    downloadedBytes += chunk.length;
    if (layer.size !== undefined && downloadedBytes > layer.size) {
      throw new RegistryError('digest-mismatch', `${what}: the registry sent more than the ${layer.size} bytes the manifest gives`);
    }
    hash.update(chunk);
    onProgress?.({ layer: layer.digest, downloadedBytes, ...(layer.size !== undefined ? { totalBytes: layer.size } : {}) });
    yield chunk;
  }
  const digest = `sha256:${hash.digest('hex')}`;
  if (digest !== layer.digest) throw new RegistryError('digest-mismatch', `${what}: the registry sent bytes whose digest is ${digest}`);
}

async function readBounded(response: Response, limit: number, idleMs: number, what: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of readBody(response, idleMs, what)) {
    total += chunk.length;
    if (total > limit) throw new RegistryError('invalid-response', `${what}: larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sha256Of(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
