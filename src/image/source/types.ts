/**
 * Where an image comes from. Every source resolves a user's reference to either the layers of one image (registry,
 * OCI layout, `docker save` archive) or a plain root filesystem; the analysis reads both the same way.
 */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  osVersion?: string;
}

/** The parts of an OCI / Docker image configuration kspm reads. */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: { User?: string; Env?: string[]; Entrypoint?: string[]; Cmd?: string[]; Labels?: Record<string, string>; WorkingDir?: string };
  rootfs?: { type: string; diff_ids: string[] };
  history?: { created?: string; created_by?: string; empty_layer?: boolean; comment?: string }[];
}

export interface LayerDescriptor {
  /** Digest of the blob as stored (compressed or not): `sha256:<hex>`. */
  digest: string;
  size?: number;
  mediaType?: string;
  /** Digest of the uncompressed tar (the config's `rootfs.diff_ids` entry), when known. */
  diffId?: string;
}

export interface LayeredImage {
  kind: 'layers';
  /** The reference as the user gave it, normalised where the source has a normal form (`docker.io/library/nginx:1.27`). */
  reference: string;
  /** Digest of the image manifest, when the source has one. */
  manifestDigest?: string;
  /** Digest of the index / manifest list the manifest was chosen from, when there was one. */
  indexDigest?: string;
  platform?: Platform;
  config: ImageConfig;
  /** Bottom layer first. */
  layers: LayerDescriptor[];
  /** The blob's bytes as stored; the caller verifies the digest while reading (walkLayers does). */
  openLayer(layer: LayerDescriptor): Promise<AsyncIterable<Uint8Array>>;
}

export interface RootFilesystem {
  kind: 'rootfs';
  reference: string;
  /** The directory holding the root filesystem. */
  directory: string;
}

export type ResolvedImage = LayeredImage | RootFilesystem;
