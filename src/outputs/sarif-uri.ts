import type { ArtifactLocation } from 'sarif';
import { isStdin } from './location.js';

/** The base GitHub code scanning resolves relative artifact URIs against: the repository checkout. */
export const SOURCE_ROOT = '%SRCROOT%';

function encodePath(segments: string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

/**
 * Where a source file is, as SARIF wants it: a relative path becomes a percent-encoded relative URI with forward
 * slashes under %SRCROOT%; an absolute path becomes a file: URI. Undefined when the source names no file.
 */
export function artifactLocation(file: string): ArtifactLocation | undefined {
  if (file === '') return undefined;
  if (isStdin(file)) return { uri: 'stdin', description: { text: 'standard input' } };
  const slashed = file.replace(/\\/g, '/');
  // Empty and `.` segments carry no meaning, and a leading `//` would read as a host name.
  const segments = slashed.split('/').filter((segment) => segment !== '' && segment !== '.');
  const drive = /^[A-Za-z]:$/.test(segments[0] ?? '') ? segments.shift() : undefined;
  if (drive !== undefined) return { uri: `file:///${drive}/${encodePath(segments)}` };
  if (slashed.startsWith('/')) return { uri: `file:///${encodePath(segments)}` };
  return { uri: encodePath(segments), uriBaseId: SOURCE_ROOT };
}
