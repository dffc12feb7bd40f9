/**
 * What a Java archive says about itself: Maven's `META-INF/maven/<group>/<artifact>/pom.properties` (exact
 * coordinates), the JAR manifest's main section (`META-INF/MANIFEST.MF`, 72-byte lines continued by a leading space),
 * and, when both are silent, the file name (`commons-io-2.11.0.jar`).
 */

export interface MavenCoordinates {
  /** Empty when only the file name was known. */
  groupId: string;
  artifactId: string;
  version: string;
}

export const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
export const MANIFEST = 'META-INF/MANIFEST.MF';

/** Java properties: `key=value` or `key: value` lines, `#` and `!` comments. Escapes and continuations are rare in pom.properties and not read. */
export function parsePomProperties(text: string): MavenCoordinates | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const match = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(trimmed);
    if (match) fields.set(match[1]!, match[2]!.trim());
  }
  const groupId = fields.get('groupId');
  const artifactId = fields.get('artifactId');
  const version = fields.get('version');
  return groupId && artifactId && version ? { groupId, artifactId, version } : undefined;
}

function manifestMainSection(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') break;
    if (line.startsWith(' ') && last !== undefined) {
      fields.set(last, fields.get(last) + line.slice(1));
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim();
    fields.set(last, line.slice(colon + 1).trim());
  }
  return fields;
}

/**
 * Coordinates guessed from the manifest, in the order Trivy's jar parser tries the attributes. An OSGi
 * Bundle-SymbolicName (`com.fasterxml.jackson.core.jackson-databind`) gives its group as everything before the last dot.
 */
export function coordinatesFromManifest(text: string): MavenCoordinates | undefined {
  const fields = manifestMainSection(text);
  const first = (...keys: string[]) => keys.map((key) => fields.get(key)).find((value) => value !== undefined && value !== '');
  const symbolicName = fields.get('Bundle-SymbolicName')?.split(';')[0]?.trim();
  const symbolicGroup = symbolicName && symbolicName.lastIndexOf('.') > 0 ? symbolicName.slice(0, symbolicName.lastIndexOf('.')) : symbolicName;
  const groupId = first('Implementation-Vendor-Id') ?? symbolicGroup ?? first('Implementation-Vendor', 'Specification-Vendor');
  const artifactId = first('Implementation-Title', 'Specification-Title', 'Bundle-Name');
  const version = first('Implementation-Version', 'Specification-Version', 'Bundle-Version');
  return groupId && artifactId && version ? { groupId, artifactId, version } : undefined;
}

/** `name-1.2.3.jar` (the version starts at the first `-` followed by a digit). */
export function coordinatesFromFileName(fileName: string): MavenCoordinates | undefined {
  const match = /^([A-Za-z0-9._-]*?[A-Za-z0-9._])-(\d[^\s/]*?)\.(?:jar|war|ear|par)$/i.exec(fileName);
  return match ? { groupId: '', artifactId: match[1]!, version: match[2]! } : undefined;
}
