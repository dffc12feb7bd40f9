/**
 * The package detectors, registered by the files they need (as Trivy's analyzers are): a layer walker asks `wants`
 * of every path and hands the wanted files' contents to `detectPackages`, which reads the operating system first
 * (dpkg and apk packages are named after it) and then every file with its detector.
 */
import { APK_INSTALLED, parseApkInstalled } from './apk.js';
import { DPKG_STATUS, DPKG_STATUS_DIR, parseDpkgStatus } from './dpkg.js';
import { goBinaryPackages, readGoBuildInfo } from './go-binary.js';
import type { InstalledPackage, OperatingSystem } from './model.js';
import { isInstalledNpmManifest, parseNpmManifest } from './npm.js';
import { OS_RELEASE_PATHS, parseOsRelease } from './os-release.js';
import { isPythonMetadata, parsePythonMetadata } from './python.js';

export interface FoundFile {
  /** Relative to the root, without a leading `/`. */
  path: string;
  content: Buffer;
  /** The layer digest the file came from, when read from an image. */
  layer?: string;
  /** Whether the file is executable: only executables are searched for Go build information. */
  executable?: boolean;
}

interface Detector {
  name: string;
  wants(path: string, executable: boolean): boolean;
  detect(file: FoundFile, os: OperatingSystem | undefined): InstalledPackage[] | string;
}

const text = (file: FoundFile) => file.content.toString('utf8');

const DETECTORS: readonly Detector[] = [
  { name: 'dpkg', wants: (path) => path === DPKG_STATUS || path.startsWith(DPKG_STATUS_DIR), detect: (file, os) => parseDpkgStatus(text(file), file.path, os) },
  { name: 'apk', wants: (path) => path === APK_INSTALLED, detect: (file, os) => parseApkInstalled(text(file), file.path, os) },
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
];

/** Whether any detector (or the OS detection) needs the file at `path`. */
export function wants(path: string, executable = false): boolean {
  return (OS_RELEASE_PATHS as readonly string[]).includes(path) || DETECTORS.some((detector) => detector.wants(path, executable));
}

export interface Detection {
  os?: OperatingSystem;
  packages: InstalledPackage[];
  /** Files a detector wanted but could not read, with the reason. */
  notes: string[];
}

export function detectPackages(files: readonly FoundFile[]): Detection {
  const osFile = OS_RELEASE_PATHS.map((path) => files.find((file) => file.path === path)).find((file) => file !== undefined);
  const os = osFile ? parseOsRelease(text(osFile)) : undefined;
  const packages: InstalledPackage[] = [];
  const notes: string[] = [];
  for (const file of files) {
    for (const detector of DETECTORS) {
      if (!detector.wants(file.path, file.executable === true)) continue;
      const found = detector.detect(file, os);
      if (typeof found === 'string') notes.push(found);
      else packages.push(...found.map((item) => (file.layer ? { ...item, layer: file.layer } : item)));
    }
  }
  packages.sort((a, b) => a.ecosystem.localeCompare(b.ecosystem) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version) || a.path.localeCompare(b.path));
  return { ...(os ? { os } : {}), packages, notes };
}
