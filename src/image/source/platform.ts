/**
 * Platforms as `--platform` names them (`os/arch[/variant]`) and the rule that picks an image from an index by
 * them: every field the wanted platform sets must be equal in the candidate (as go-containerregistry's
 * `Platform.Satisfies`), so `linux/arm64` matches `linux/arm64/v8` but `linux/arm/v7` does not match `linux/arm/v6`.
 */
import type { Platform } from './types.js';

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/** `linux/amd64`, `linux/arm64/v8`, `windows/amd64`; errors name the text and the expected form. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || (parts.length === 3 && !variant)) {
    throw new Error(`platform "${text}": expected os/architecture[/variant], such as linux/amd64 or linux/arm64/v8`);
  }
  return { os, architecture, ...(variant ? { variant } : {}) };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((part) => part).join('/');
}

/** Whether `candidate` satisfies `wanted`: os and architecture equal, variant and osVersion equal when wanted sets them. */
export function platformMatches(candidate: Platform, wanted: Platform): boolean {
  return (
    candidate.os === wanted.os &&
    candidate.architecture === wanted.architecture &&
    (wanted.variant === undefined || candidate.variant === wanted.variant) &&
    (wanted.osVersion === undefined || candidate.osVersion === wanted.osVersion)
  );
}
