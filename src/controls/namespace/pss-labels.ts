import { record, type K8sObject } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_PATH: FieldPath = ['metadata', 'labels', ENFORCE_LABEL];
export const PSS_LEVELS: readonly string[] = ['privileged', 'baseline', 'restricted'];

/** The labels of a Namespace object, or undefined for other kinds. Labels of the wrong type read as none. */
export function namespaceLabels(object: K8sObject): Record<string, unknown> | undefined {
  if (object.kind !== 'Namespace') return undefined;
  return record(record(object.metadata)?.labels) ?? {};
}

export function namespaceName(object: K8sObject): string {
  return typeof object.metadata?.name === 'string' ? object.metadata.name : '?';
}
