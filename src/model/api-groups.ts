/**
 * The API groups of the built-in kinds kspm reads by kind, so that a kind of the same name from another group
 * (a Knative Service, an Istio Gateway) is not taken for the built-in one.
 */
import type { K8sObject } from './k8s.js';

const GATEWAY = 'gateway.networking.k8s.io';

const BUILT_IN_GROUPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['Node', 'Namespace', 'Pod', 'ReplicationController', 'Service', 'ServiceAccount', 'Secret'].map((kind) => [kind, ['']] as [string, string[]]),
  ...['Deployment', 'DaemonSet', 'ReplicaSet'].map((kind) => [kind, ['apps', 'extensions']] as [string, string[]]),
  ['StatefulSet', ['apps']] as [string, string[]],
  ...['Job', 'CronJob'].map((kind) => [kind, ['batch']] as [string, string[]]),
  ['Ingress', ['networking.k8s.io', 'extensions']] as [string, string[]],
  ...['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].map((kind) => [kind, ['rbac.authorization.k8s.io']] as [string, string[]]),
  ...['Gateway', 'ReferenceGrant', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'].map((kind) => [kind, [GATEWAY]] as [string, string[]]),
]);

/** `apps` of `apps/v1`, `''` of `v1`; undefined when there is no apiVersion. */
export function groupOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || apiVersion === '') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Whether the object is one of `kinds`, from the API group that kind has in Kubernetes itself. */
export function isBuiltInKind(object: K8sObject, kinds: ReadonlySet<string>): boolean {
  const { kind } = object;
  const group = groupOf(object.apiVersion);
  if (typeof kind !== 'string' || group === undefined || !kinds.has(kind)) return false;
  return BUILT_IN_GROUPS.get(kind)?.includes(group) === true;
}
