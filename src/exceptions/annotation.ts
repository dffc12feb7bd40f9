/**
 * Exceptions written on the object itself, for teams that own their manifests:
 *
 *   kspm.io/ignore: "image-mutable-tag, pss-*"   # control ids or globs, comma and/or space separated
 *   kspm.io/ignore-reason: "..."                 # required
 *   kspm.io/ignore-owner: "..."                  # optional
 *   kspm.io/ignore-expires: "2027-03-31"         # optional
 */
import type { AppliedException } from '../model/finding.js';
import { record, type K8sObject } from '../model/k8s.js';
import { describeRef, type InputError, type ResourceRef } from '../model/resource.js';
import { EXPIRY_FORMAT, expiryEnd, isExpired } from './expiry.js';
import { anyMatcher, type Matcher } from './glob.js';

export const IGNORE_ANNOTATION = 'kspm.io/ignore';
export const REASON_ANNOTATION = 'kspm.io/ignore-reason';
export const OWNER_ANNOTATION = 'kspm.io/ignore-owner';
export const EXPIRES_ANNOTATION = 'kspm.io/ignore-expires';

/** The parsed annotations of one object; its status is fixed when parsed, once per resource and scan. */
export interface AnnotationException {
  controls: readonly string[];
  coversControl: Matcher;
  applied: AppliedException;
}

export interface AnnotationResult {
  exception?: AnnotationException;
  error?: InputError;
}

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

/** Reads the `kspm.io/ignore*` annotations of an object; objects without `kspm.io/ignore` have no exception. */
export function annotationException(object: K8sObject, ref: ResourceRef, origin: string, now: Date): AnnotationResult {
  const annotations = record(record(object.metadata)?.annotations);
  const ignore = annotations?.[IGNORE_ANNOTATION];
  if (!annotations || ignore === undefined) return {};
  const invalid = (problem: string): AnnotationResult => ({
    error: { file: origin, code: 'invalid-exception', message: `${describeRef(ref)}: ${problem}; its findings stay open` },
  });

  if (typeof ignore !== 'string') return invalid(`${IGNORE_ANNOTATION} must be a string of control ids`);
  const controls = ignore.split(/[\s,]+/).filter((id) => id !== '');
  if (controls.length === 0) return invalid(`${IGNORE_ANNOTATION} names no control`);

  const reason = annotations[REASON_ANNOTATION];
  if (typeof reason !== 'string' || reason.trim() === '') {
    return invalid(`${IGNORE_ANNOTATION} needs a ${REASON_ANNOTATION} annotation saying why`);
  }
  const owner = annotations[OWNER_ANNOTATION];
  if (owner !== undefined && typeof owner !== 'string') return invalid(`${OWNER_ANNOTATION} must be a string`);

  const expires = annotations[EXPIRES_ANNOTATION];
  let end: Date | undefined;
  if (expires !== undefined) {
    end = typeof expires === 'string' ? expiryEnd(expires.trim()) : undefined;
    if (!end) return invalid(`${EXPIRES_ANNOTATION} ${quoted(expires)} is not ${EXPIRY_FORMAT}`);
  }

  const applied: AppliedException = {
    source: 'annotation',
    reason: reason.trim(),
    status: end && isExpired(end, now) ? 'expired' : 'active',
    origin,
  };
  if (owner !== undefined && owner.trim() !== '') applied.owner = owner.trim();
  if (typeof expires === 'string') applied.expires = expires.trim();
  return { exception: { controls, coversControl: anyMatcher(controls), applied } };
}
