/** An image reference split as the container runtime resolves it (docker.io defaults included). */
export interface ImageRef {
  /** Registry host, with port when given: `docker.io`, `ghcr.io`, `localhost:5000`. */
  registry: string;
  /** Repository path inside the registry: `library/nginx`, `org/app`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** The reference exactly as written. */
  original: string;
}

const DEFAULT_REGISTRY = 'docker.io';

/** Parses `[registry/]repository[:tag][@digest]`; returns undefined for an empty or blank reference. */
export function parseImageRef(reference: string): ImageRef | undefined {
  const original = reference;
  let rest = reference.trim();
  if (rest === '') return undefined;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const firstSlash = rest.indexOf('/');
  const firstPart = firstSlash >= 0 ? rest.slice(0, firstSlash) : '';
  // The first component is a registry host only if it looks like one (has a dot or port, or is localhost).
  const hasRegistry = firstSlash >= 0 && (firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost');
  let registry = hasRegistry ? firstPart : DEFAULT_REGISTRY;
  let repository = hasRegistry ? rest.slice(firstSlash + 1) : rest;
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DEFAULT_REGISTRY;
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = `library/${repository}`;
  const ref: ImageRef = { registry, repository, original };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** No digest, and no tag or `latest`: the reference may resolve to different content at every pull. */
export function hasFloatingTag(image: ImageRef): boolean {
  return image.digest === undefined && (image.tag === undefined || image.tag === 'latest');
}
