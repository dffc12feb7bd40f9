/**
 * Builds real images for the tests: layer tars (tar-stream), configs with diff_ids, manifests and indexes written as
 * an OCI layout on disk, and `docker save` archives in the legacy and the docker 25+ (OCI layout inside) forms.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf, gzip, tarOf, type FixtureEntry } from '../layers/layer-fixtures.js';
import { OCI_CONFIG, OCI_INDEX, OCI_MANIFEST } from '../registry/media-types.js';
import type { Platform } from './types.js';

export interface FixtureImage {
  platform: Platform;
  /** Blobs as stored (gzip-compressed unless built uncompressed), bottom first. */
  layers: Buffer[];
  diffIds: string[];
  config: Buffer;
  manifest: Buffer;
}

export interface FixtureDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: { os: string; architecture: string; variant?: string };
}

export async function buildImage(
  layers: FixtureEntry[][],
  options: { platform?: Platform; compressed?: boolean } = {},
): Promise<FixtureImage> {
  const platform = options.platform ?? { os: 'linux', architecture: 'amd64' };
  const tars = await Promise.all(layers.map((entries) => tarOf(entries)));
  const blobs = options.compressed === false ? tars : tars.map(gzip);
  const diffIds = tars.map(digestOf);
  const config = json({
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: { Env: ['PATH=/usr/bin'] },
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
  const layerType = options.compressed === false ? 'application/vnd.oci.image.layer.v1.tar' : 'application/vnd.oci.image.layer.v1.tar+gzip';
  const manifest = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: digestOf(config), size: config.length },
    layers: blobs.map((blob) => ({ mediaType: layerType, digest: digestOf(blob), size: blob.length })),
  });
  return { platform, layers: blobs, diffIds, config, manifest };
}

export function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

export function writeBlob(layoutDir: string, bytes: Buffer): string {
  const digest = digestOf(bytes);
  mkdirSync(join(layoutDir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
  return digest;
}

/** Writes the image's blobs; its manifest's descriptor, with the platform and tag given. */
export function writeImage(layoutDir: string, image: FixtureImage, tag?: string): FixtureDescriptor {
  for (const blob of [...image.layers, image.config, image.manifest]) writeBlob(layoutDir, blob);
  return {
    mediaType: OCI_MANIFEST,
    digest: digestOf(image.manifest),
    size: image.manifest.length,
    platform: { os: image.platform.os, architecture: image.platform.architecture, ...(image.platform.variant ? { variant: image.platform.variant } : {}) },
    ...(tag ? { annotations: { 'org.opencontainers.image.ref.name': tag } } : {}),
  };
}

export function indexOf(manifests: FixtureDescriptor[]): Buffer {
  return json({ schemaVersion: 2, mediaType: OCI_INDEX, manifests });
}

/** Writes an index blob listing the manifests; its descriptor, tagged when a tag is given. */
export function writeIndex(layoutDir: string, manifests: FixtureDescriptor[], tag?: string): FixtureDescriptor {
  const bytes = indexOf(manifests);
  return {
    mediaType: OCI_INDEX,
    digest: writeBlob(layoutDir, bytes),
    size: bytes.length,
    ...(tag ? { annotations: { 'org.opencontainers.image.ref.name': tag } } : {}),
  };
}

export function writeLayout(layoutDir: string, manifests: FixtureDescriptor[]): void {
  mkdirSync(layoutDir, { recursive: true });
  writeFileSync(join(layoutDir, 'oci-layout'), json({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(layoutDir, 'index.json'), indexOf(manifests));
}

/** A `docker save` archive as docker before 25 wrote it: `<id>/layer.tar` (uncompressed), `<image id>.json`. */
export async function legacyDockerArchive(images: { repoTags: string[]; image: FixtureImage }[]): Promise<Buffer> {
  const entries: FixtureEntry[] = [];
  const written = new Map<string, string>();
  const manifest = images.map(({ repoTags, image }) => {
    const configName = `${digestOf(image.config).slice('sha256:'.length)}.json`;
    entries.push({ name: configName, content: image.config });
    const layerNames = image.layers.map((blob, position) => {
      // Like docker's v1 layer ids, unique per image even for a layer that images share.
      const id = digestOf(Buffer.from(`${digestOf(image.config)} ${position}`)).slice('sha256:'.length);
      const name = `${id}/layer.tar`;
      const first = written.get(image.diffIds[position]!);
      // Docker writes a layer shared with an earlier image once, and links to it.
      if (first) entries.push({ name, type: 'symlink', linkname: `../${first}` });
      else {
        entries.push({ name: `${id}/`, type: 'directory', mode: 0o755 }, { name, content: blob });
        written.set(image.diffIds[position]!, name);
      }
      return name;
    });
    return { Config: configName, RepoTags: repoTags, Layers: layerNames };
  });
  entries.push({ name: 'manifest.json', content: json(manifest) });
  return tarOf(entries);
}

/** A `docker save` archive as docker 25+ writes it: an OCI layout plus manifest.json naming blobs by path. */
export async function ociDockerArchive(images: { repoTags: string[]; image: FixtureImage }[], withManifestJson = true): Promise<Buffer> {
  const blobs = new Map<string, Buffer>();
  const add = (bytes: Buffer) => {
    const digest = digestOf(bytes);
    blobs.set(digest, bytes);
    return `blobs/sha256/${digest.slice('sha256:'.length)}`;
  };
  const manifest = images.map(({ repoTags, image }) => ({
    Config: add(image.config),
    RepoTags: repoTags,
    Layers: image.layers.map(add),
  }));
  const descriptors: FixtureDescriptor[] = images.map(({ repoTags, image }) => {
    add(image.manifest);
    const tag = repoTags[0]?.split(':').pop();
    return {
      mediaType: OCI_MANIFEST,
      digest: digestOf(image.manifest),
      size: image.manifest.length,
      annotations: { 'io.containerd.image.name': repoTags[0] ?? '', ...(tag ? { 'org.opencontainers.image.ref.name': tag } : {}) },
    };
  });
  const entries: FixtureEntry[] = [
    { name: 'blobs/', type: 'directory', mode: 0o755 },
    { name: 'blobs/sha256/', type: 'directory', mode: 0o755 },
    ...[...blobs].map(([digest, content]) => ({ name: `blobs/sha256/${digest.slice('sha256:'.length)}`, content })),
    { name: 'index.json', content: indexOf(descriptors) },
    { name: 'oci-layout', content: json({ imageLayoutVersion: '1.0.0' }) },
    ...(withManifestJson ? [{ name: 'manifest.json', content: json(manifest) }] : []),
  ];
  return tarOf(entries);
}
