/**
 * Java archives (.jar .war .ear .par), nested ones included (Spring Boot's `BOOT-INF/lib/*.jar`, a war's
 * `WEB-INF/lib`): every pom.properties inside is a package; when none names the archive itself, its manifest, or
 * else its file name, does. A nested archive's path is `outer.jar!BOOT-INF/lib/inner.jar`.
 */
import { unzipSync } from 'fflate';
import {
  MANIFEST,
  POM_PROPERTIES,
  coordinatesFromFileName,
  coordinatesFromManifest,
  parsePomProperties,
  type MavenCoordinates,
} from './java-metadata.js';
import type { InstalledPackage } from './model.js';

const ARCHIVE = /\.(?:jar|war|ear|par)$/i;
/** Decompressed bytes one archive (with everything nested in it) may take by default; more is treated as a zip bomb. */
const MAX_EXPANDED_BYTES = 512 * 1024 * 1024;
const MAX_DEPTH = 4;

export function isJavaArchive(path: string): boolean {
  return ARCHIVE.test(path);
}

interface Budget {
  limit: number;
  remaining: number;
}

function packageOf(coordinates: MavenCoordinates, path: string): InstalledPackage {
  const name = coordinates.groupId ? `${coordinates.groupId}:${coordinates.artifactId}` : coordinates.artifactId;
  const namespace = coordinates.groupId ? `${encodeURIComponent(coordinates.groupId)}/` : '';
  return { ecosystem: 'Maven', name, version: coordinates.version, path, purl: `pkg:maven/${namespace}${encodeURIComponent(coordinates.artifactId)}@${encodeURIComponent(coordinates.version)}` };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
}

/** Whether the pom.properties describes the archive it was found in (its file name starts with the artifactId). */
function namesArchive(coordinates: MavenCoordinates, fileName: string): boolean {
  const stem = fileName.replace(ARCHIVE, '');
  return stem === coordinates.artifactId || stem.startsWith(`${coordinates.artifactId}-`);
}

function walk(content: Uint8Array, path: string, depth: number, budget: Budget, out: InstalledPackage[], notes: string[]): void {
  let entries: Record<string, Uint8Array>;
  let overBudget = false;
  try {
    entries = unzipSync(content, {
      filter: (file) => {
        const wanted = file.name === MANIFEST || POM_PROPERTIES.test(file.name) || (depth < MAX_DEPTH && ARCHIVE.test(file.name));
        if (!wanted) return false;
        if (file.originalSize > budget.remaining) {
          overBudget = true;
          return false;
        }
        budget.remaining -= file.originalSize;
        return true;
      },
    });
  } catch (error) {
    notes.push(`${path}: not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  if (overBudget) notes.push(`${path}: expands past ${budget.limit} bytes; entries beyond that were not read`);
  const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  const fromPoms = Object.keys(entries).filter((name) => POM_PROPERTIES.test(name)).sort().flatMap((name) => {
    const coordinates = parsePomProperties(decode(entries[name]!));
    return coordinates ? [coordinates] : [];
  });
  out.push(...fromPoms.map((coordinates) => packageOf(coordinates, path)));
  if (!fromPoms.some((coordinates) => namesArchive(coordinates, baseName(path)))) {
    const manifest = entries[MANIFEST];
    const own = (manifest ? coordinatesFromManifest(decode(manifest)) : undefined) ?? coordinatesFromFileName(baseName(path));
    if (own) out.push(packageOf(own, path));
  }
  for (const name of Object.keys(entries).filter((entry) => ARCHIVE.test(entry)).sort()) {
    walk(entries[name]!, `${path}!${name}`, depth + 1, budget, out, notes);
  }
}

/** The Maven packages of the archive at `path` and of every archive nested in it, or why it could not be read. */
export function parseJavaArchive(content: Buffer, path: string, maxExpandedBytes = MAX_EXPANDED_BYTES): { packages: InstalledPackage[]; notes: string[] } {
  const packages: InstalledPackage[] = [];
  const notes: string[] = [];
  walk(content, path, 0, { limit: maxExpandedBytes, remaining: maxExpandedBytes }, packages, notes);
  // A fat jar often carries a dependency's pom.properties beside the dependency's own jar: list each place once.
  const unique = new Map(packages.map((item) => [`${item.purl} ${item.path}`, item]));
  return { packages: [...unique.values()], notes };
}
