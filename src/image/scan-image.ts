/**
 * One image from reference to findings: resolve it (registry, OCI layout, docker archive, root filesystem or an
 * existing SBOM), take its inventory, match the packages against the advisories and set aside what ignore rules and
 * VEX statements cover. Commands and the cluster scan call this; it prints nothing.
 */
import { readFile } from 'node:fs/promises';
import type { AdvisoryLookup } from '../vuln/advisory.js';
import { applySuppressions, type Suppressions } from '../vuln/ignore/suppress.js';
import { matchPackages } from '../vuln/match/match-packages.js';
import { isSbomError, readSbom } from '../sbom/read-sbom.js';
import { analyseImage, type AnalysisProgress } from './analyse.js';
import type { LayerCache } from './layers/cache.js';
import type { ImageInventory, ImageScanResult } from './model.js';
import { pullImage, type Keychain, type PullProgress } from './registry/index.js';
import { parsePlatform } from './registry/platform.js';
import { openDockerArchive } from './source/docker-archive.js';
import { openOciLayout } from './source/oci-layout.js';
import { openRootfs } from './source/rootfs.js';
import type { ResolvedImage } from './source/types.js';

export const IMAGE_SOURCE_KINDS = ['registry', 'oci-layout', 'docker-archive', 'rootfs', 'sbom'] as const;
export type ImageSourceKind = (typeof IMAGE_SOURCE_KINDS)[number];

export interface ImageTarget {
  kind: ImageSourceKind;
  /** A registry reference, `DIR[:TAG|@DIGEST]`, `FILE[:REPO:TAG|@ID]`, a directory or an SBOM file. */
  reference: string;
}

export interface ImageScanSettings {
  /** `os/arch[/variant]` to take from multi-platform images (default linux/amd64). */
  platform?: string;
  insecureRegistries?: readonly string[];
  /** Registry credentials (default: the docker config). */
  keychain?: Keychain;
  cache?: LayerCache;
  /** Without advisories only the inventory is taken (`kspm sbom`). */
  advisories?: AdvisoryLookup;
  suppressions?: Omit<Suppressions, 'image'>;
  onPullProgress?(progress: PullProgress): void;
  onAnalysisProgress?(progress: AnalysisProgress): void;
}

export async function resolveImage(target: ImageTarget, settings: ImageScanSettings): Promise<ResolvedImage> {
  const platform = settings.platform ? parsePlatform(settings.platform) : undefined;
  switch (target.kind) {
    case 'registry':
      return pullImage(target.reference, {
        ...(settings.platform ? { platform: settings.platform } : {}),
        ...(settings.insecureRegistries ? { insecureRegistries: settings.insecureRegistries } : {}),
        ...(settings.keychain ? { keychain: settings.keychain } : {}),
        ...(settings.cache ? { cache: settings.cache } : {}),
        ...(settings.onPullProgress ? { onProgress: settings.onPullProgress } : {}),
      });
    case 'oci-layout':
      return openOciLayout(target.reference, platform ? { platform } : {});
    case 'docker-archive':
      return openDockerArchive(target.reference, platform ? { platform } : {});
    case 'rootfs':
      return openRootfs(target.reference);
    case 'sbom':
      throw new Error(`${target.reference}: an SBOM holds an inventory, not an image`);
  }
}

/** The image's inventory: read from the image itself, or from the SBOM that describes it. */
export async function imageInventory(target: ImageTarget, settings: ImageScanSettings): Promise<ImageInventory> {
  if (target.kind === 'sbom') {
    const read = readSbom(await readFile(target.reference, 'utf8'), target.reference);
    if (isSbomError(read)) throw new Error(read.error);
    return read;
  }
  const image = await resolveImage(target, settings);
  return analyseImage(image, settings.onAnalysisProgress ? { onProgress: settings.onAnalysisProgress } : {});
}

export async function scanImage(target: ImageTarget, settings: ImageScanSettings): Promise<ImageScanResult> {
  const inventory = await imageInventory(target, settings);
  if (!settings.advisories) return { inventory, vulnerabilities: [], notes: [] };
  const matched = matchPackages(inventory.packages, inventory.os, settings.advisories);
  const identity = inventory.image;
  const suppressed = applySuppressions(matched.vulnerabilities, {
    ...settings.suppressions,
    image: { references: [identity.reference], ...(identity.manifestDigest ? { digest: identity.manifestDigest } : {}) },
  });
  return { inventory, vulnerabilities: suppressed.vulnerabilities, notes: [...matched.notes, ...suppressed.warnings] };
}
