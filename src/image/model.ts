/** What an image analysis yields: which image, its operating system and its packages, each traced to a layer. */
import type { InstalledPackage, OperatingSystem } from './packages/model.js';
import type { Platform } from './source/types.js';

export interface ImageIdentity {
  /** The reference as given (normalised): `docker.io/library/nginx:1.27`, `oci-layout:dir@sha256:…`, `rootfs:dir`. */
  reference: string;
  manifestDigest?: string;
  indexDigest?: string;
  platform?: Platform;
  /** Layer blob digests, bottom first (empty for a root filesystem). */
  layers: string[];
}

export interface ImageInventory {
  image: ImageIdentity;
  os?: OperatingSystem;
  packages: InstalledPackage[];
  /** Problems that did not stop the analysis: unreadable package databases, skipped tar entries, ... */
  notes: string[];
}
