/**
 * os-release (freedesktop.org): KEY=value lines, values optionally quoted with shell-style escapes. The first of
 * etc/os-release and usr/lib/os-release that exists describes the system.
 */
import type { OperatingSystem } from './model.js';

export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'] as const;

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\([$"`\\])/g, '$1') : inner;
  }
  return value;
}

export function parseOsRelease(text: string): OperatingSystem | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) continue;
    fields.set(trimmed.slice(0, equals), unquote(trimmed.slice(equals + 1)));
  }
  const id = fields.get('ID');
  if (!id) return undefined;
  const versionId = fields.get('VERSION_ID');
  const codename = fields.get('VERSION_CODENAME');
  const prettyName = fields.get('PRETTY_NAME');
  return { id, ...(versionId ? { versionId } : {}), ...(codename ? { codename } : {}), ...(prettyName ? { prettyName } : {}) };
}
