import type { K8sObject } from '../../model/k8s.js';
import { defineControl, type ControlMeta, type ResourceControl } from '../types.js';
import { findDeprecation, parseMinor, type ApiDeprecation } from './deprecations.js';

/** What a lifecycle control reports about an object's apiVersion, or undefined when the target version is fine. */
export type LifecycleJudgement = (entry: ApiDeprecation, target: number, object: K8sObject) => { message: string; found: unknown } | undefined;

/** A control over the apiVersion of objects the deprecation table lists, judged against --kubernetes-version. */
export function apiLifecycleControl(meta: ControlMeta, judge: LifecycleJudgement): ResourceControl {
  return defineControl(meta, (object, options) => {
    const target = parseMinor(options.kubernetesVersion);
    const entry = findDeprecation(object.apiVersion, object.kind);
    if (target === undefined || !entry) return [];
    const judged = judge(entry, target, object);
    return judged ? [{ path: ['apiVersion'], ...judged, expected: entry.replacement }] : [];
  });
}
