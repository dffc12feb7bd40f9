import type { AppliedException } from '../model/finding.js';
import type { ResourceRef } from '../model/resource.js';
import type { AnnotationException } from './annotation.js';
import type { ExceptionSet } from './set.js';

/**
 * The exception covering one finding, or null. An active exception wins over an expired one, so a renewed entry
 * beside a stale one applies; among equals the object's own annotation comes before the file, then file order.
 */
export function findException(
  controlId: string,
  ref: ResourceRef,
  set: ExceptionSet,
  annotation: AnnotationException | undefined,
  now: Date,
): AppliedException | null {
  const candidates: AppliedException[] = [];
  if (annotation?.coversControl(controlId)) candidates.push({ ...annotation.applied });
  candidates.push(...set.matching(controlId, ref, now));
  return candidates.find((candidate) => candidate.status === 'active') ?? candidates[0] ?? null;
}
