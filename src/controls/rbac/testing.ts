/** Small RBAC objects for the tests of this folder. */
import type { K8sObject } from '../../model/k8s.js';

export function role(rules: unknown, kind: 'Role' | 'ClusterRole' = 'Role', metadata: Record<string, unknown> = {}): K8sObject {
  const namespace = kind === 'Role' ? { namespace: 'shop' } : {};
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: 'app', ...namespace, ...metadata }, rules };
}

export function rule(verbs: unknown, resources: unknown, apiGroups: unknown = [''], resourceNames?: unknown): Record<string, unknown> {
  return resourceNames === undefined ? { verbs, apiGroups, resources } : { verbs, apiGroups, resources, resourceNames };
}

export function binding(roleRef: { kind: string; name: string }, subjects: unknown, kind: 'RoleBinding' | 'ClusterRoleBinding' = 'RoleBinding', name = 'app'): K8sObject {
  const namespace = kind === 'RoleBinding' ? { namespace: 'shop' } : {};
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name, ...namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  };
}

export const DEFAULT_LABELS = { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } };

export const AGGREGATED: K8sObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name: 'monitoring' },
  aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }] },
  rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
};

/** Objects no RBAC role control looks at. */
export const NOT_A_ROLE: K8sObject[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }] },
  { apiVersion: 'example.com/v1', kind: 'Policy', metadata: { name: 'x' }, rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }] },
];

/** Roles with fields of the wrong types, which must not crash a control. */
export const MALFORMED_ROLES: K8sObject[] = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'a' }, rules: 'everything' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'b' }, rules: [null, 3, { verbs: 'get', resources: { secrets: true } }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: null as never, rules: [{ verbs: [null], apiGroups: 7, resources: [['*']] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
];
