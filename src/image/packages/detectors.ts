/**
 * The package detectors, registered by the files they need (as Trivy's analyzers are): a layer walker asks `wants`
 * of every path and hands the wanted files' contents to `detectPackages`, which reads the operating system first
 * (dpkg, apk and rpm packages are named after it) and then every file with its detector. Executables are offered to
 * both the Go and the Rust detector; each looks for its own marker first (Go's build-info magic, an ELF `.dep-v0`
 * section), so a binary of neither costs a byte search and a section-table walk.
 */
import { APK_INSTALLED, parseApkInstalled } from './apk.js';
import { DPKG_STATUS, DPKG_STATUS_DIR, parseDpkgStatus } from './dpkg.js';
import { goBinaryPackages, readGoBuildInfo } from './go-binary.js';
import { isJavaArchive, parseJavaArchive } from './java.js';
import type { InstalledPackage, OperatingSystem } from './model.js';
import { isInstalledNpmManifest, parseNpmManifest } from './npm.js';
import { OS_FILE_PATHS, detectOperatingSystem } from './os-release.js';
import { isPythonMetadata, parsePythonMetadata } from './python.js';
import { RPM_DATABASE_PATHS, parseRpmDatabase } from './rpm.js';
import { readCargoAuditable, rustBinaryPackages } from './rust-binary.js';

export interface FoundFile {
  /** Relative to the root, without a leading `/`. */
  path: string;
  content: Buffer;
  /** The layer digest the file came from, when read from an image. */
  layer?: string;
  /** Whether the file is executable: only executables are searched for Go build information and Rust dependency lists. */
  executable?: boolean;
}

interface Detector {
  name: string;
  /** The detector names packages after the operating system (dpkg, apk, rpm), so it must see the OS files first. */
  needsOs?: boolean;
  wants(path: string, executable: boolean): boolean;
  /** The packages found, or why the file could not be read, or both when part of it could. */
  detect(file: FoundFile, os: OperatingSystem | undefined): InstalledPackage[] | string | { packages: InstalledPackage[]; notes: string[] };
}

const text = (file: FoundFile) => file.content.toString('utf8');

const DETECTORS: readonly Detector[] = [
  { name: 'dpkg', needsOs: true, wants: (path) => path === DPKG_STATUS || path.startsWith(DPKG_STATUS_DIR), detect: (file, os) => parseDpkgStatus(text(file), file.path, os) },
  { name: 'apk', needsOs: true, wants: (path) => path === APK_INSTALLED, detect: (file, os) => parseApkInstalled(text(file), file.path, os) },
  { name: 'python', wants: isPythonMetadata, detect: (file) => parsePythonMetadata(text(file), file.path) },
  { name: 'npm', wants: isInstalledNpmManifest, detect: (file) => parseNpmManifest(text(file), file.path) },
  {
    name: 'go',
    wants: (_path, executable) => executable,
    detect: (file) => {
      const result = readGoBuildInfo(file.content);
      if (result.type === 'not-go') return [];
      if (result.type === 'unreadable') return `${file.path}: a Go binary ${result.reason}`;
      return goBinaryPackages(result.info, file.path);
    },
  },
  {
    name: 'rust',
    wants: (_path, executable) => executable,
    detect: (file) => {
      const result = readCargoAuditable(file.content);
      if (result.type === 'not-auditable') return [];
      if (result.type === 'unreadable') return `${file.path}: a Rust binary whose dependency list is unreadable: ${result.reason}`;
      return rustBinaryPackages(result.crates, file.path);
    },
  },
  { name: 'rpm', needsOs: true, wants: (path) => (RPM_DATABASE_PATHS as readonly string[]).includes(path), detect: (file, os) => parseRpmDatabase(file.content, file.path, os) },
  { name: 'java', wants: isJavaArchive, detect: (file) => parseJavaArchive(file.content, file.path) },
];

/** Whether any detector (or the OS detection) needs the file at `path`. */
export function wants(path: string, executable = false): boolean {
  return (OS_FILE_PATHS as readonly string[]).includes(path) || DETECTORS.some((detector) => detector.wants(path, executable));
}

/** Whether the file says which OS this is, or is read by a detector that needs the OS: such files are read together. */
export function needsOs(path: string): boolean {
  return (OS_FILE_PATHS as readonly string[]).includes(path) || DETECTORS.some((detector) => detector.needsOs === true && detector.wants(path, false));
}

export interface Detection {
  os?: OperatingSystem;
  packages: InstalledPackage[];
  /** Files a detector wanted but could not read, with the reason. */
  notes: string[];
}

/** The packages of one file read on its own: with the OS for the detectors that need it (see `needsOs`). */
export function detectFile(file: FoundFile, os?: OperatingSystem): Detection {
  return detect([file], os);
}

export function detectPackages(files: readonly FoundFile[]): Detection {
  const os = detectOperatingSystem((path) => {
    const file = files.find((candidate) => candidate.path === path);
    return file ? text(file) : undefined;
  });
  return detect(files, os);
}

function detect(files: readonly FoundFile[], os: OperatingSystem | undefined): Detection {
  const packages: InstalledPackage[] = [];
  const notes: string[] = [];
  for (const file of files) {
    for (const detector of DETECTORS) {
      if (!detector.wants(file.path, file.executable === true)) continue;
      const found = detector.detect(file, os);
      if (typeof found === 'string') {
        notes.push(found);
        continue;
      }
      const result = Array.isArray(found) ? { packages: found, notes: [] } : found;
      notes.push(...result.notes);
      packages.push(...result.packages.map((item) => (file.layer ? { ...item, layer: file.layer } : item)));
    }
  }
  packages.sort(byIdentity);
  return { ...(os ? { os } : {}), packages, notes };
}

export function byIdentity(a: InstalledPackage, b: InstalledPackage): number {
  return a.ecosystem.localeCompare(b.ecosystem) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.path.localeCompare(b.path);
}
