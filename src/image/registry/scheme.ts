/**
 * Which scheme a registry is spoken to over. https always, except, as docker does, registries on the loopback
 * interface and those the user listed as insecure, which are spoken to over plain http.
 */
import { isIP } from 'node:net';

export type Scheme = 'https' | 'http';

/** The host name of `host[:port]` or `[v6]:port`, without brackets and lowercased. */
export function hostnameOf(hostAndPort: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostAndPort);
  if (bracketed?.[1]) return bracketed[1].toLowerCase();
  return hostAndPort.replace(/:\d+$/, '').toLowerCase();
}

export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (isIP(hostname) === 4) return hostname.startsWith('127.');
  if (isIP(hostname) === 6) return hostname === '::1' || /^::ffff:127\./.test(hostname);
  return false;
}

export function registryScheme(registry: string, insecureRegistries: readonly string[] = []): Scheme {
  if (isLoopbackHost(hostnameOf(registry))) return 'http';
  const lowered = registry.toLowerCase();
  return insecureRegistries.some((entry) => entry.toLowerCase() === lowered) ? 'http' : 'https';
}
