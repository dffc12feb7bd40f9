/** What an image analysis yields: which image, its operating system and its packages, each traced to a layer. */
import type { InstalledPackage, OperatingSystem } from './packages/model.js';
import type { Platform } from './source/types.js';
import type { Vulnerability } from '../vuln/vulnerability.js';

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

/** One image scanned: its inventory, the vulnerabilities matched to its packages, and what did not stop the scan. */
export interface ImageScanResult {
  inventory: ImageInventory;
  vulnerabilities: Vulnerability[];
  notes: string[];
}

/** The scan of an image a workload runs, or why it could not be scanned. */
export type ImageScanOutcome = { reference: string; result: ImageScanResult } | { reference: string; error: string };
