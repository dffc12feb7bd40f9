/**
 * Evidence values come from untrusted manifests: any shape, possibly cyclic or holding values JSON cannot carry.
 * These helpers turn them into something every format can print without throwing.
 */
import type { Json } from '../model/k8s.js';

const MAX_DEPTH = 32;

/** The value as plain JSON data: undefined and functions become null, bigints strings, cycles a marker. */
export function toJson(value: unknown): Json {
  // Most evidence is a string or a flag: no need for the cycle bookkeeping.
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  return convert(value, new Set(), 0);
}

function convert(value: unknown, ancestors: Set<object>, depth: number): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ancestors.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => convert(item, ancestors, depth + 1));
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key] = convert(item, ancestors, depth + 1);
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/** The value as one line of JSON text for people (strings quoted, so an empty string stays visible), cut at `max`. */
export function formatFound(value: unknown, max = 200): string {
  const text = JSON.stringify(toJson(value));
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
