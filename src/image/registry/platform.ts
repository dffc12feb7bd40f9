/**
 * Platforms as `os/arch[/variant]` and the choice of one manifest from an index. A field the wanted platform leaves
 * out matches anything; arm64's variant v8 is its default, so `linux/arm64` and `linux/arm64/v8` are the same.
 */
import type { Platform } from '../source/types.js';
import { RegistryError } from './errors.js';

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || (parts.length === 3 && !variant)) {
    throw new RegistryError('bad-reference', `invalid platform "${text}": expected os/arch or os/arch/variant, like linux/arm64 or linux/arm/v7`);
  }
  return { os, architecture, ...(variant ? { variant } : {}) };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((part) => part).join('/');
}

export function platformMatches(candidate: Platform, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  if (wanted.variant !== undefined && normalVariant(candidate) !== normalVariant(wanted)) return false;
  return wanted.osVersion === undefined || candidate.osVersion === wanted.osVersion;
}

function normalVariant(platform: Platform): string | undefined {
  return platform.architecture === 'arm64' && platform.variant === 'v8' ? undefined : platform.variant;
}

/** Attestations and other non-images sit in indexes as `unknown/unknown`. */
export function isRealPlatform(platform: Platform): boolean {
  return platform.os !== 'unknown' && platform.architecture !== 'unknown';
}

export function selectPlatform<T extends { platform?: Platform }>(entries: readonly T[], wanted: Platform, what: string): T {
  const chosen = entries.find((entry) => entry.platform !== undefined && platformMatches(entry.platform, wanted));
  if (chosen) return chosen;
  const available = entries.flatMap((entry) => (entry.platform && isRealPlatform(entry.platform) ? [formatPlatform(entry.platform)] : []));
  throw new RegistryError(
    'no-matching-platform',
    `${what} has no image for platform ${formatPlatform(wanted)}; available: ${available.length > 0 ? available.join(', ') : 'none'}`,
  );
}
