/**
 * A token realm is a URL the registry tells us to send credentials to, so it is checked as go-containerregistry
 * does: no plain http realm for a registry spoken to over https, and no loopback, private or link-local realm (a
 * cloud metadata endpoint, say) unless it is on the registry's own host.
 */
import { isIP } from 'node:net';
import { RegistryError } from './errors.js';
import { isLoopbackHost, mappedIPv4, type Scheme } from './scheme.js';

export function checkRealm(realm: string, registryHostname: string, registryScheme: Scheme): URL {
  const refuse = (problem: string) =>
    new RegistryError('invalid-response', `registry ${registryHostname} named token realm "${realm}", which is refused: ${problem}`);
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw refuse('it is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('only http and https realms are allowed');
  if (url.protocol === 'http:' && registryScheme === 'https') throw refuse('a registry spoken to over https may not send credentials over plain http');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === registryHostname.toLowerCase()) return url;
  if (isLoopbackHost(host) || isPrivateAddress(host)) throw refuse('it points at a loopback, private or link-local address other than the registry');
  return url;
}

export function isPrivateAddress(host: string): boolean {
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(host) === 6) {
    const lowered = host.toLowerCase();
    const mapped = mappedIPv4(lowered);
    if (mapped !== undefined) return isPrivateAddress(mapped) || isLoopbackHost(mapped);
    return lowered === '::' || /^f[cd]/.test(lowered) || /^fe[89ab]/.test(lowered);
  }
  return false;
}
