import { record } from '../model/k8s.js';

/**
 * A copy of a string that does not share memory with the text it was sliced from: the inventory outlives the files
 * it was read from, and one kept slice would keep a whole file alive.
 */
export function own(value: string): string {
  return (' ' + value).slice(1);
}

/** The value when it is a non-empty string, copied; undefined otherwise. */
export function ownText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? own(value) : undefined;
}

/** The string entries of a label map (or selector), copied; entries of other types are left out. */
export function ownLabels(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record(value) ?? {})) {
    if (typeof entry === 'string') labels[own(key)] = own(entry);
  }
  return labels;
}

/** Strings of a list, copied; other entries are left out. */
export function ownTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((entry) => (typeof entry === 'string' && entry !== '' ? [own(entry)] : [])) : [];
}

/** The object without its undefined fields, so the inventory deep-equals its own JSON. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
