import type { ImageRef } from '../../model/image.js';

/** `host[:port]` (IPv6 hosts in brackets) into lower-case host and optional port. */
function splitHost(hostAndPort: string): { host: string; port?: string } {
  const colon = hostAndPort.lastIndexOf(':');
  if (colon < 0 || hostAndPort.endsWith(']')) return { host: hostAndPort.toLowerCase() };
  return { host: hostAndPort.slice(0, colon).toLowerCase(), port: hostAndPort.slice(colon + 1) };
}

/** An entry without a port allows the host on any port; one with a port allows that port only. */
function hostMatches(registry: string, pattern: string): boolean {
  const actual = splitHost(registry);
  const wanted = splitHost(pattern);
  if (wanted.port !== undefined && wanted.port !== actual.port) return false;
  if (wanted.host.startsWith('*.')) return actual.host.endsWith(wanted.host.slice(1));
  return actual.host === (wanted.host === 'index.docker.io' ? 'docker.io' : wanted.host);
}

/**
 * Whether one allowedRegistries entry admits the image. Entries are a host (`ghcr.io`, `localhost:5000`), a
 * wildcard host (`*.example.com`: subdomains only) or a host/path prefix matched on whole path segments
 * (`ghcr.io/acme` admits `ghcr.io/acme/app`, not `ghcr.io/acme-evil/app`). Docker Hub images are `docker.io/...`.
 */
export function registryEntryAllows(entry: string, image: ImageRef): boolean {
  const trimmed = entry.trim().replace(/\/+$/, '');
  if (trimmed === '') return false;
  const slash = trimmed.indexOf('/');
  const host = slash < 0 ? trimmed : trimmed.slice(0, slash);
  if (!hostMatches(image.registry, host)) return false;
  if (slash < 0) return true;
  const prefix = trimmed.slice(slash + 1);
  return image.repository === prefix || image.repository.startsWith(`${prefix}/`);
}

export function registryAllowed(allowed: readonly string[], image: ImageRef): boolean {
  return allowed.some((entry) => typeof entry === 'string' && registryEntryAllows(entry, image));
}
