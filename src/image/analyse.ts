/**
 * The image analysis pipeline: from a resolved image (layers or a root filesystem) to its inventory. Layers are
 * walked into one merged view keeping only the files a package detector wants; a root filesystem is walked on disk.
 * Every package keeps the layer its database file came from; what could not be read becomes a note, not a failure.
 */
import { byIdentity, detectFile, detectPackages, needsOs, wants, type Detection, type FoundFile } from './packages/detectors.js';
import type { InstalledPackage, OperatingSystem } from './packages/model.js';
import { walkLayers, type LayerBlob, type MergedEntry } from './layers/walk.js';
import type { ImageIdentity, ImageInventory } from './model.js';
import { listWantedFiles, readRootfsFile } from './source/rootfs.js';
import type { LayeredImage, ResolvedImage, RootFilesystem } from './source/types.js';

export type AnalysisProgress =
  | { kind: 'layer'; /** 1-based */ index: number; count: number; digest: string; size?: number }
  | { kind: 'rootfs-file'; path: string; done: number; count: number };

export interface AnalyseOptions {
  /** Bound on the decompressed bytes of all layers together (default 8 GiB). */
  maxBytes?: number;
  /** Bound on one file read from a root filesystem (default 512 MiB); larger files are noted and skipped. */
  maxFileBytes?: number;
  onProgress?(progress: AnalysisProgress): void;
}

export const DEFAULT_MAX_BYTES = 8 * 1024 ** 3;
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 ** 2;

export async function analyseImage(image: ResolvedImage, options: AnalyseOptions = {}): Promise<ImageInventory> {
  return image.kind === 'layers' ? analyseLayers(image, options) : analyseRootfs(image, options);
}

async function analyseLayers(image: LayeredImage, options: AnalyseOptions): Promise<ImageInventory> {
  const notes: string[] = [];
  async function* blobs(): AsyncGenerator<LayerBlob> {
    for (const [position, layer] of image.layers.entries()) {
      options.onProgress?.({ kind: 'layer', index: position + 1, count: image.layers.length, digest: layer.digest, ...(layer.size !== undefined ? { size: layer.size } : {}) });
      yield { digest: layer.digest, stream: await image.openLayer(layer) };
    }
  }
  // Files the OS decides how to read (package databases) are kept until the walk ends; every other wanted file
  // (binaries, archives, metadata) is searched as soon as it is read and only its packages are kept.
  const entries = new Map<string, MergedEntry<Detection>>();
  /** Every layer's copy of each OS file, bottom first, to find the layer that first installed each OS package. */
  const osFileVersions = new Map<string, FoundFile[]>();
  const walk = walkLayers<Detection>(blobs(), {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    wanted: wants,
    condense: (file) => {
      if (!needsOs(file.path)) return detectFile(file);
      const versions = osFileVersions.get(file.path) ?? [];
      versions.push({ path: file.path, content: file.content, layer: file.layer });
      osFileVersions.set(file.path, versions);
      return undefined;
    },
    onWarning: (warning) => notes.push(`layer ${warning.layer}: ${warning.path}: ${warning.message}`),
  });
  for await (const entry of walk) entries.set(entry.path, entry);
  const osFiles: FoundFile[] = [];
  const found: InstalledPackage[] = [];
  for (const entry of entries.values()) {
    if (entry.kind === 'directory') continue;
    // A symlink's package data belongs to the layer that wrote the file it leads to.
    const layer = (entry.resolvedPath !== undefined ? entries.get(entry.resolvedPath)?.layer : undefined) ?? entry.layer;
    if (entry.condensed !== undefined) {
      // A link to a file searched at its own path would list that file's packages twice.
      if (entry.kind === 'symlink' && entry.resolvedPath !== undefined && entries.has(entry.resolvedPath)) continue;
      found.push(...entry.condensed.packages.map((item) => ({ ...item, layer })));
      notes.push(...entry.condensed.notes);
      continue;
    }
    if (entry.content === undefined) {
      if (entry.kind === 'symlink' && entry.resolvedPath !== undefined && entry.size > 0) {
        notes.push(`${entry.path}: a symlink to ${entry.resolvedPath}, which no detector reads at that path; not read`);
      }
      continue;
    }
    osFiles.push({ path: entry.path, content: entry.content, layer, executable: (entry.mode & 0o111) !== 0 });
  }
  const detection = detectPackages(osFiles);
  const osPackages = creditFirstLayer(detection.packages, osFileVersions, detection.os);
  return inventory(identityOf(image), { ...detection, packages: [...osPackages, ...found].sort(byIdentity) }, notes);
}

/**
 * A package database rewritten by a later layer (every `apt-get install` rewrites dpkg's status) still lists the
 * packages of the layers below: each package is credited to the lowest layer whose copy of the database already held
 * it at the same version, as Trivy credits them, so a base image's packages stay with the base image's layer.
 */
function creditFirstLayer(packages: InstalledPackage[], versions: Map<string, FoundFile[]>, os: OperatingSystem | undefined): InstalledPackage[] {
  const firstLayer = new Map<string, string>();
  const key = (pkg: InstalledPackage) => `${pkg.path}\u0000${pkg.name}\u0000${pkg.version}`;
  for (const copies of versions.values()) {
    if (copies.length < 2) continue;
    for (const copy of copies) {
      for (const pkg of detectFile(copy, os).packages) if (!firstLayer.has(key(pkg))) firstLayer.set(key(pkg), copy.layer!);
    }
  }
  return packages.map((pkg) => {
    const layer = firstLayer.get(key(pkg));
    return layer !== undefined ? { ...pkg, layer } : pkg;
  });
}

async function analyseRootfs(image: RootFilesystem, options: AnalyseOptions): Promise<ImageInventory> {
  const notes: string[] = [];
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listed = await listWantedFiles(image.directory, wants, (note) => notes.push(note));
  // OS files and OS package databases are read together (dpkg, apk and rpm packages are named after the OS); every
  // other file (binaries, archives, metadata) is read and searched alone, so memory holds one of them at a time.
  const osFiles: FoundFile[] = [];
  const packages: InstalledPackage[] = [];
  for (const [done, file] of listed.entries()) {
    options.onProgress?.({ kind: 'rootfs-file', path: file.path, done, count: listed.length });
    const content = await readRootfsFile(file, maxFileBytes);
    if (typeof content === 'string') {
      notes.push(content);
      continue;
    }
    const found: FoundFile = { path: file.path, content, executable: file.executable };
    if (needsOs(file.path)) {
      osFiles.push(found);
      continue;
    }
    const detection = detectFile(found);
    packages.push(...detection.packages);
    notes.push(...detection.notes);
  }
  const detection = detectPackages(osFiles);
  const all: Detection = { ...detection, packages: [...detection.packages, ...packages].sort(byIdentity) };
  return inventory({ reference: image.reference, layers: [] }, all, notes);
}

function identityOf(image: LayeredImage): ImageIdentity {
  return {
    reference: image.reference,
    ...(image.manifestDigest ? { manifestDigest: image.manifestDigest } : {}),
    ...(image.indexDigest ? { indexDigest: image.indexDigest } : {}),
    ...(image.platform ? { platform: image.platform } : {}),
    layers: image.layers.map((layer) => layer.digest),
  };
}

function inventory(image: ImageIdentity, detection: Detection, notes: string[]): ImageInventory {
  return { image, ...(detection.os ? { os: detection.os } : {}), packages: detection.packages, notes: [...detection.notes, ...notes] };
}
