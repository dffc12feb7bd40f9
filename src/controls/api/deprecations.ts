// Built-in API versions that Kubernetes deprecated or stopped serving, from the official Deprecated API Migration
// Guide (kubernetes.io/docs/reference/using-api/deprecation-guide/). Versions are minor numbers of 1.x.

export interface ApiDeprecation {
  apiVersion: string;
  kinds: readonly string[];
  deprecatedIn: number;
  /** The first release that no longer serves it; absent while it is still served. */
  removedIn?: number;
  /** The apiVersion to migrate to, or what replaces the API when no version does. */
  replacement: string;
}

const APPS_V1 = 'apps/v1';
const NETWORKING_V1 = 'networking.k8s.io/v1';
const FLOWCONTROL_KINDS = ['FlowSchema', 'PriorityLevelConfiguration'];
const NO_PSP = 'none: PodSecurityPolicy was removed; use Pod Security Admission namespace labels';

export const API_DEPRECATIONS: readonly ApiDeprecation[] = [
  // Removed in 1.16
  { apiVersion: 'extensions/v1beta1', kinds: ['DaemonSet', 'Deployment', 'ReplicaSet'], deprecatedIn: 9, removedIn: 16, replacement: APPS_V1 },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: 9, removedIn: 16, replacement: NETWORKING_V1 },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: 11, removedIn: 16, replacement: NO_PSP },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ControllerRevision'], deprecatedIn: 9, removedIn: 16, replacement: APPS_V1 },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'],
    deprecatedIn: 9,
    removedIn: 16,
    replacement: APPS_V1,
  },
  // Removed in 1.22
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    deprecatedIn: 16,
    removedIn: 22,
    replacement: 'admissionregistration.k8s.io/v1',
  },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: 16, removedIn: 22, replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: 19, removedIn: 22, replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: 19, removedIn: 22, replacement: 'authentication.k8s.io/v1' },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
    deprecatedIn: 19,
    removedIn: 22,
    replacement: 'authorization.k8s.io/v1',
  },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: 19, removedIn: 22, replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: 19, removedIn: 22, replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: 14, removedIn: 22, replacement: NETWORKING_V1 },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], deprecatedIn: 19, removedIn: 22, replacement: NETWORKING_V1 },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    deprecatedIn: 17,
    removedIn: 22,
    replacement: 'rbac.authorization.k8s.io/v1',
  },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: 14, removedIn: 22, replacement: 'scheduling.k8s.io/v1' },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    deprecatedIn: 19,
    removedIn: 22,
    replacement: 'storage.k8s.io/v1',
  },
  // Removed in 1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: 21, removedIn: 25, replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: 21, removedIn: 25, replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: 19, removedIn: 25, replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: 22, removedIn: 25, replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: 21, removedIn: 25, replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: 21, removedIn: 25, replacement: NO_PSP },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: 20, removedIn: 25, replacement: 'node.k8s.io/v1' },
  // Removed in 1.26
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOWCONTROL_KINDS, deprecatedIn: 23, removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: 23, removedIn: 26, replacement: 'autoscaling/v2' },
  // Removed in 1.27
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: 24, removedIn: 27, replacement: 'storage.k8s.io/v1' },
  // Removed in 1.29 and 1.32
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOWCONTROL_KINDS, deprecatedIn: 26, removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOWCONTROL_KINDS, deprecatedIn: 29, removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  // Deprecated and still served
  { apiVersion: 'v1', kinds: ['ComponentStatus'], deprecatedIn: 19, replacement: 'none: query the components\' health endpoints' },
  { apiVersion: 'v1', kinds: ['Endpoints'], deprecatedIn: 33, replacement: 'discovery.k8s.io/v1 EndpointSlice' },
];

/** Every kind the table knows, for the controls' applicability. */
export const DEPRECATED_KINDS: readonly string[] = [...new Set(API_DEPRECATIONS.flatMap((entry) => entry.kinds))].sort();

export function findDeprecation(apiVersion: unknown, kind: unknown): ApiDeprecation | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  return API_DEPRECATIONS.find((entry) => entry.apiVersion === apiVersion && entry.kinds.includes(kind));
}

/** The minor number of `1.33`, `v1.33` or `1.33.2`; undefined for anything else. */
export function parseMinor(version: unknown): number | undefined {
  if (typeof version !== 'string') return undefined;
  const match = /^v?1\.(\d+)(\.\d+)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}
