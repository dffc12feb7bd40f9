/**
 * Splits a local image reference into the path on disk and what picks the image inside it: `PATH`, `PATH:SELECTOR`
 * or `PATH@sha256:<hex>`. Paths may hold colons themselves, so the whole text is tried as a path first, then each
 * prefix before a colon, shortest first.
 */
import { existsSync } from 'node:fs';

export type PathReference = { path: string; tag?: string; digest?: string };

const DIGEST_SUFFIX = /@(sha256:[0-9a-f]{64})$/;

export function splitPathReference(reference: string, exists: (path: string) => boolean = existsSync): PathReference {
  if (reference === '') throw new Error('empty image reference');
  if (exists(reference)) return { path: reference };
  const digest = DIGEST_SUFFIX.exec(reference);
  if (digest?.[1]) {
    const path = reference.slice(0, digest.index);
    if (exists(path)) return { path, digest: digest[1] };
    throw new Error(`${path}: no such file or directory`);
  }
  for (let colon = reference.indexOf(':'); colon > 0; colon = reference.indexOf(':', colon + 1)) {
    const path = reference.slice(0, colon);
    const tag = reference.slice(colon + 1);
    if (exists(path)) return tag ? { path, tag } : { path };
  }
  throw new Error(`${reference}: no such file or directory`);
}
