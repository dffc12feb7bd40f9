/** Namespaces for the tests of this folder. */
import type { K8sObject } from '../../model/k8s.js';

export function namespace(labels?: unknown): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', ...(labels === undefined ? {} : { labels: labels as Record<string, string> }) } };
}

export const NOT_A_NAMESPACE: K8sObject[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } } },
  { apiVersion: 'hnc.x-k8s.io/v1alpha2', kind: 'SubnamespaceAnchor', metadata: { name: 'x', namespace: 'shop' } },
];
