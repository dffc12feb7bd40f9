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
  if (isIP(hostname) === 6) {
    const mapped = mappedIPv4(hostname);
    return mapped === undefined ? hostname === '::1' : isLoopbackHost(mapped);
  }
  return false;
}

/** The IPv4 address inside an IPv4-mapped IPv6 one, in either spelling (`::ffff:1.2.3.4`, `::ffff:102:304`). */
export function mappedIPv4(ipv6: string): string | undefined {
  const lowered = ipv6.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lowered);
  if (dotted?.[1]) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lowered);
  if (!hex?.[1] || !hex[2]) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

export function registryScheme(registry: string, insecureRegistries: readonly string[] = []): Scheme {
  if (isLoopbackHost(hostnameOf(registry))) return 'http';
  const lowered = registry.toLowerCase();
  return insecureRegistries.some((entry) => entry.toLowerCase() === lowered) ? 'http' : 'https';
}
