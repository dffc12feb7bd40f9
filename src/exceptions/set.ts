import type { AppliedException } from '../model/finding.js';
import type { ResourceRef } from '../model/resource.js';
import { isExpired } from './expiry.js';
import { anyMatcher, globMatcher, type Matcher } from './glob.js';

/** Which resources an exceptions-file entry covers; every given field must match. */
export interface ResourceSelector {
  kind?: string;
  /** `""` or absent: any namespace, including none (cluster-scoped resources). */
  namespace?: string;
  name?: string;
}

/** One valid entry of an exceptions file. */
export interface FileException {
  controls: readonly string[];
  /** Absent: every resource. */
  resources?: readonly ResourceSelector[];
  reason: string;
  owner: string;
  expires?: string;
  /** The first instant the entry no longer applies. */
  end?: Date;
  origin: string;
  line?: number;
}

export interface UnusedException {
  origin: string;
  line?: number;
  controls: readonly string[];
}

type RefMatcher = (ref: ResourceRef) => boolean;

function selectorMatcher(selector: ResourceSelector): RefMatcher {
  const kind = selector.kind === undefined ? undefined : globMatcher(selector.kind);
  const namespace = selector.namespace ? globMatcher(selector.namespace) : undefined;
  const name = selector.name === undefined ? undefined : globMatcher(selector.name);
  return (ref) => (!kind || kind(ref.kind)) && (!namespace || namespace(ref.namespace ?? '')) && (!name || name(ref.name));
}

interface CompiledEntry {
  entry: FileException;
  coversControl: Matcher;
  coversResource: RefMatcher;
}

function compile(entry: FileException): CompiledEntry {
  const selectors = entry.resources?.map(selectorMatcher);
  return {
    entry,
    coversControl: anyMatcher(entry.controls),
    coversResource: selectors ? (ref) => selectors.some((matches) => matches(ref)) : () => true,
  };
}

function applied(entry: FileException, now: Date): AppliedException {
  const result: AppliedException = {
    source: 'file',
    reason: entry.reason,
    owner: entry.owner,
    status: entry.end && isExpired(entry.end, now) ? 'expired' : 'active',
    origin: entry.origin,
  };
  if (entry.expires !== undefined) result.expires = entry.expires;
  return result;
}

/** The entries of an exceptions file, remembering which of them matched a finding during the scan. */
export class ExceptionSet {
  readonly #entries: CompiledEntry[];
  readonly #used = new Set<CompiledEntry>();

  constructor(entries: readonly FileException[]) {
    this.#entries = entries.map(compile);
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Every entry covering the control on the resource, in file order; each counts as used from now on. */
  matching(controlId: string, ref: ResourceRef, now: Date): AppliedException[] {
    const matched = this.#entries.filter((compiled) => compiled.coversControl(controlId) && compiled.coversResource(ref));
    for (const compiled of matched) this.#used.add(compiled);
    return matched.map((compiled) => applied(compiled.entry, now));
  }

  /** Entries that matched no finding so far: stale ones, or ones with a typo in a control id or name. */
  unused(): UnusedException[] {
    return this.#entries
      .filter((compiled) => !this.#used.has(compiled))
      .map(({ entry }) => ({ origin: entry.origin, ...(entry.line !== undefined ? { line: entry.line } : {}), controls: entry.controls }));
  }
}

export function emptyExceptions(): ExceptionSet {
  return new ExceptionSet([]);
}
