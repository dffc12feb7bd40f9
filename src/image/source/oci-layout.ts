/**
 * OCI image layouts (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), on disk or inside a tar (docker 25+ writes
 * one into `docker save` archives). The image is picked by tag (the `org.opencontainers.image.ref.name`
 * annotation), by manifest digest, or is the only one; indexes, nested or not, are resolved by platform. Manifests
 * and configs are checked against their digests here; layer blobs are checked by whoever reads them (walkLayers).
 */
import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../layers/digest.js';
import { parseConfig, parseManifest, type Descriptor } from '../registry/manifest.js';
import { checkBlob, parseLayoutIndex, platformOfConfig, REF_NAME_ANNOTATION, type LayoutDescriptor } from './oci-documents.js';
import { splitPathReference } from './path-reference.js';
import { DEFAULT_PLATFORM, selectPlatform } from '../registry/platform.js';
import type { LayerDescriptor, LayeredImage, Platform } from './types.js';

/** The files of a layout, wherever they are kept. Paths are relative to the layout root. */
export interface LayoutFiles {
  /** How messages name the layout: its directory, or `archive.tar` for a layout inside a tar. */
  where: string;
  /** The file's bytes, or undefined when it does not exist. */
  read(path: string): Promise<Buffer | undefined>;
  exists(path: string): Promise<boolean>;
  open(path: string): AsyncIterable<Uint8Array>;
}

export interface LayoutSelector {
  tag?: string;
  digest?: string;
}

export interface SourceOptions {
  /** The platform to take from a multi-platform index (default linux/amd64). */
  platform?: Platform;
}

export type ResolvedLayout = Omit<LayeredImage, 'kind' | 'reference'>;

const MAX_INDEX_DEPTH = 8;

export function blobPath(digest: string): string {
  return `blobs/sha256/${sha256Hex(digest)}`;
}

/** `--oci-layout DIR`, `DIR:TAG` or `DIR@sha256:<hex>`. */
export async function openOciLayout(reference: string, options: SourceOptions = {}): Promise<LayeredImage> {
  const { path, tag, digest } = splitPathReference(reference);
  const resolved = await resolveLayout(directoryFiles(path), { tag, digest }, options);
  const suffix = digest ? `@${digest}` : tag ? `:${tag}` : '';
  return { kind: 'layers', reference: `oci-layout:${path}${suffix}`, ...resolved };
}

export function directoryFiles(dir: string): LayoutFiles {
  return {
    where: dir,
    read: async (path) => {
      try {
        return await readFile(join(dir, path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new Error(`${join(dir, path)}: ${(error as Error).message}`);
      }
    },
    exists: async (path) => access(join(dir, path)).then(
      () => true,
      () => false,
    ),
    open: (path) => createReadStream(join(dir, path)),
  };
}

export async function resolveLayout(files: LayoutFiles, selector: LayoutSelector, options: SourceOptions): Promise<ResolvedLayout> {
  const wanted = options.platform ?? DEFAULT_PLATFORM;
  await checkLayoutMarker(files);
  const indexBytes = await files.read('index.json');
  if (!indexBytes) throw new Error(`${files.where}: not an OCI image layout (no index.json)`);
  const manifests = parseLayoutIndex(indexBytes, `${files.where}/index.json`);
  const start = pickFromTopIndex(manifests, selector, wanted, files.where);
  return resolveDescriptor(files, start, wanted, undefined, 0);
}

async function checkLayoutMarker(files: LayoutFiles): Promise<void> {
  const marker = await files.read('oci-layout');
  if (!marker) throw new Error(`${files.where}: not an OCI image layout (no oci-layout file)`);
  let version: unknown;
  try {
    version = (JSON.parse(marker.toString('utf8')) as { imageLayoutVersion?: unknown }).imageLayoutVersion;
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string') throw new Error(`${files.where}/oci-layout: no imageLayoutVersion`);
}

/** The descriptor of index.json the user's selector names; with no selector, the only image or the platform's. */
function pickFromTopIndex(manifests: LayoutDescriptor[], selector: LayoutSelector, wanted: Platform, where: string): TargetDescriptor {
  if (selector.digest) {
    // Any blob may be named, not only index.json's entries: a platform's manifest inside a nested index, say.
    return manifests.find((descriptor) => descriptor.digest === selector.digest) ?? { digest: selector.digest };
  }
  if (selector.tag !== undefined) {
    const tagged = manifests.filter((descriptor) => descriptor.annotations?.[REF_NAME_ANNOTATION] === selector.tag);
    if (tagged.length === 0) throw new Error(`${where}: no image tagged "${selector.tag}"; ${describeTags(manifests)}`);
    return tagged.length === 1 ? tagged[0]! : selectPlatform(tagged, wanted, `${where}:${selector.tag}`);
  }
  if (manifests.length === 0) throw new Error(`${where}/index.json: lists no image`);
  if (manifests.length === 1) return manifests[0]!;
  if (manifests.every((descriptor) => descriptor.platform)) return selectPlatform(manifests, wanted, `${where}/index.json`);
  throw new Error(`${where}: holds ${manifests.length} images; name one as ${where}:TAG or ${where}@sha256:<digest>; ${describeTags(manifests)}`);
}

function describeTags(manifests: LayoutDescriptor[]): string {
  const tags = [...new Set(manifests.map((descriptor) => descriptor.annotations?.[REF_NAME_ANNOTATION]).filter((tag) => tag !== undefined))];
  return tags.length > 0 ? `tags: ${tags.sort().join(', ')}` : 'the layout has no tags';
}

async function readBlob(files: LayoutFiles, descriptor: { digest: string; size?: number }, what: string): Promise<Buffer> {
  const path = blobPath(descriptor.digest);
  const bytes = await files.read(path);
  if (!bytes) throw new Error(`${files.where}: ${what} blob ${descriptor.digest} is missing (${path})`);
  checkBlob(bytes, descriptor, `${files.where}/${path}`);
  return bytes;
}

/** A manifest or index to resolve: index.json's entry, or only a digest when the user named one. */
type TargetDescriptor = Pick<Descriptor, 'digest'> & Partial<Descriptor>;

async function resolveDescriptor(
  files: LayoutFiles,
  descriptor: TargetDescriptor,
  wanted: Platform,
  indexDigest: string | undefined,
  depth: number,
): Promise<ResolvedLayout> {
  const where = `${files.where}/${blobPath(descriptor.digest)}`;
  if (depth > MAX_INDEX_DEPTH) throw new Error(`${where}: indexes nested more than ${MAX_INDEX_DEPTH} deep`);
  const document = parseManifest(await readBlob(files, descriptor, 'manifest'), descriptor.mediaType ?? null, where);
  if (document.kind === 'index') {
    const manifests = document.manifests;
    if (manifests.length === 0) throw new Error(`${where}: an index that lists no image`);
    const next = manifests.length === 1 && !manifests[0]!.platform ? manifests[0]! : selectPlatform(manifests, wanted, where);
    return resolveDescriptor(files, next, wanted, descriptor.digest, depth + 1);
  }
  const config = parseConfig(await readBlob(files, document.config, 'config'), `${files.where}/${blobPath(document.config.digest)}`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers: LayerDescriptor[] = document.layers.map((layer, position) => ({
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType,
    ...(diffIds.length === document.layers.length && diffIds[position] ? { diffId: diffIds[position] } : {}),
  }));
  for (const layer of layers) {
    if (!(await files.exists(blobPath(layer.digest)))) {
      throw new Error(`${files.where}: layer blob ${layer.digest} is missing (${blobPath(layer.digest)})`);
    }
  }
  const platform = descriptor.platform ?? platformOfConfig(config);
  return {
    manifestDigest: descriptor.digest,
    ...(indexDigest ? { indexDigest } : {}),
    ...(platform ? { platform } : {}),
    config,
    layers,
    openLayer: async (layer) => files.open(blobPath(layer.digest)),
  };
}
