/**
 * `docker save` archives, read in place: the tar is indexed once (name -> offset and size) and each blob is then
 * streamed from its range, nothing extracted. Both forms docker writes are read through their manifest.json (Config,
 * RepoTags, Layers): the legacy one (`<id>/layer.tar`, `<id>.json`) and the OCI layout docker 25+ writes
 * (`blobs/sha256/<hex>`, with index.json). An archive holding only an OCI layout (no manifest.json) is read as one.
 *
 * Layer digests: a blob named by its digest has it. A legacy `layer.tar` is normally an uncompressed tar, whose
 * sha256 is the config's diff_id, so that is its digest and the walker checks it like any other. A legacy layer
 * stored compressed is hashed once before the analysis, so every layer is still verified as it is read.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { detectCompression } from '../layers/compression.js';
import { blobPath, resolveLayout, type LayoutFiles, type SourceOptions } from './oci-layout.js';
import { parseConfig, parseManifest } from '../registry/manifest.js';
import { parseLayoutIndex, platformOfConfig, sha256Of } from './oci-documents.js';
import { splitPathReference } from './path-reference.js';
import { TarIndex } from './tar-index.js';
import type { LayerDescriptor, LayeredImage } from './types.js';

const archiveManifestSchema = z.array(
  z.object({
    Config: z.string(),
    RepoTags: z.array(z.string()).nullish(),
    Layers: z.array(z.string()),
  }),
);
type ArchiveImage = z.infer<typeof archiveManifestSchema>[number];

const DIGEST_NAMED = /^blobs\/sha256\/([0-9a-f]{64})$/;
const LEGACY_CONFIG_NAMED = /^([0-9a-f]{64})\.json$/;

/** `--docker-archive FILE`, `FILE:REPO:TAG` (`img.tar:nginx:1.27`) or `FILE@sha256:<image id>`. */
export async function openDockerArchive(reference: string, options: SourceOptions = {}): Promise<LayeredImage> {
  const { path, tag, digest } = splitPathReference(reference);
  let index: TarIndex;
  try {
    index = await TarIndex.build(path);
  } catch (error) {
    throw new Error(`${path}: cannot read the archive: ${(error as Error).message}`);
  }
  const files = tarFiles(index);
  const suffix = digest ? `@${digest}` : tag ? `:${tag}` : '';
  const imageReference = `docker-archive:${path}${suffix}`;
  if (!index.has('manifest.json')) {
    if (!index.has('index.json')) throw new Error(`${path}: not a docker save archive (no manifest.json, no index.json)`);
    return { kind: 'layers', reference: imageReference, ...(await resolveLayout(files, { tag, digest }, options)) };
  }
  const manifestBytes = await index.read('manifest.json');
  let images: ArchiveImage[];
  try {
    images = archiveManifestSchema.parse(JSON.parse(manifestBytes?.toString('utf8') ?? ''));
  } catch (error) {
    throw new Error(`${path}/manifest.json: not a docker save manifest (${(error as Error).message.split('\n')[0]})`);
  }
  const image = await pickImage(images, { tag, digest }, path, index);
  return { kind: 'layers', reference: imageReference, ...(await readArchiveImage(image, index, files)) };
}

function tarFiles(index: TarIndex): LayoutFiles {
  return {
    where: index.file,
    read: async (path) => index.read(path),
    exists: async (path) => index.has(path),
    open: (path) => index.stream(path),
  };
}

async function pickImage(images: ArchiveImage[], selector: { tag?: string; digest?: string }, path: string, index: TarIndex): Promise<ArchiveImage> {
  const tags = images.flatMap((image) => image.RepoTags ?? []);
  const listed = tags.length > 0 ? `tags: ${tags.join(', ')}` : 'the archive has no tags';
  if (selector.digest) {
    for (const image of images) {
      const config = await index.read(image.Config);
      if (config && sha256Of(config) === selector.digest) return image;
    }
    throw new Error(`${path}: no image with id ${selector.digest}`);
  }
  if (selector.tag !== undefined) {
    const wanted = normaliseTag(selector.tag);
    const image = images.find((candidate) => (candidate.RepoTags ?? []).some((tag) => normaliseTag(tag) === wanted));
    if (!image) throw new Error(`${path}: no image tagged "${selector.tag}"; ${listed}`);
    return image;
  }
  if (images.length === 1) return images[0]!;
  if (images.length === 0) throw new Error(`${path}/manifest.json: lists no image`);
  throw new Error(`${path}: holds ${images.length} images; name one as ${path}:REPO:TAG; ${listed}`);
}

/** `nginx`, `nginx:latest`, `library/nginx` and `docker.io/library/nginx:latest` are one image to docker. */
function normaliseTag(reference: string): string {
  const lastSlash = reference.lastIndexOf('/');
  const withTag = reference.slice(lastSlash + 1).includes(':') ? reference : `${reference}:latest`;
  return withTag.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

async function readArchiveImage(image: ArchiveImage, index: TarIndex, files: LayoutFiles): Promise<Omit<LayeredImage, 'kind' | 'reference'>> {
  const where = index.file;
  const configBytes = await index.read(image.Config);
  if (!configBytes) throw new Error(`${where}: config ${image.Config} is missing from the archive`);
  const configDigest = sha256Of(configBytes);
  const namedDigest = DIGEST_NAMED.exec(image.Config)?.[1] ?? LEGACY_CONFIG_NAMED.exec(image.Config)?.[1];
  if (namedDigest && configDigest !== `sha256:${namedDigest}`) {
    throw new Error(`${where}/${image.Config}: digest mismatch: expected sha256:${namedDigest}, got ${configDigest}`);
  }
  const config = parseConfig(configBytes, `${where}/${image.Config}`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layerPaths = new Map<string, string>();
  const layers: LayerDescriptor[] = [];
  for (const [position, layerPath] of image.Layers.entries()) {
    const location = index.locate(layerPath);
    if (!location) throw new Error(`${where}: layer ${layerPath} is missing from the archive`);
    const diffId = diffIds.length === image.Layers.length ? diffIds[position] : undefined;
    const digest = await layerDigest(index, layerPath, diffId);
    layerPaths.set(digest, layerPath);
    layers.push({ digest, size: location.size, ...(diffId ? { diffId } : {}) });
  }
  const manifestDigest = index.has('index.json') ? await findManifestDigest(files, configDigest) : undefined;
  const platform = platformOfConfig(config);
  return {
    ...(manifestDigest ? { manifestDigest } : {}),
    ...(platform ? { platform } : {}),
    config,
    layers,
    openLayer: async (layer) => {
      const layerPath = layerPaths.get(layer.digest);
      if (!layerPath) throw new Error(`${where}: no layer ${layer.digest} in this image`);
      return index.stream(layerPath);
    },
  };
}

async function layerDigest(index: TarIndex, layerPath: string, diffId: string | undefined): Promise<string> {
  const named = DIGEST_NAMED.exec(layerPath)?.[1];
  if (named) return `sha256:${named}`;
  const head = await firstBytes(index.stream(layerPath), 4);
  if (diffId && detectCompression(head) === 'none') return diffId;
  const hash = createHash('sha256');
  for await (const chunk of index.stream(layerPath)) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

async function firstBytes(stream: AsyncGenerator<Uint8Array>, count: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= count) break;
  }
  return Buffer.concat(chunks).subarray(0, count);
}

/** The manifest of index.json (or of an index it lists) whose config is this one, for the image's identity. */
async function findManifestDigest(files: LayoutFiles, configDigest: string): Promise<string | undefined> {
  const indexBytes = await files.read('index.json');
  if (!indexBytes) return undefined;
  const pending = parseLayoutIndex(indexBytes, `${files.where}/index.json`).map((descriptor) => ({ descriptor, depth: 0 }));
  for (let next = pending.shift(); next; next = pending.shift()) {
    const bytes = await files.read(blobPath(next.descriptor.digest));
    if (!bytes) continue;
    const document = parseManifest(bytes, next.descriptor.mediaType, `${files.where}/${blobPath(next.descriptor.digest)}`);
    if (document.kind === 'image' && document.config.digest === configDigest) return next.descriptor.digest;
    if (document.kind === 'index' && next.depth < 2) pending.push(...document.manifests.map((descriptor) => ({ descriptor, depth: next.depth + 1 })));
  }
  return undefined;
}
