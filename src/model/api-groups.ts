/**
 * The API groups of the built-in kinds kspm reads by kind, so that a kind of the same name from another group
 * (a Knative Service, an Istio Gateway) is not taken for the built-in one.
 */
import type { K8sObject } from './k8s.js';

const GATEWAY = 'gateway.networking.k8s.io';

const kindsIn = (groups: readonly string[], ...kinds: string[]): [string, readonly string[]][] => kinds.map((kind) => [kind, groups]);

const BUILT_IN_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ...kindsIn([''], 'Node', 'Namespace', 'Pod', 'ReplicationController', 'Service', 'ServiceAccount', 'Secret'),
  ...kindsIn(['apps', 'extensions'], 'Deployment', 'DaemonSet', 'ReplicaSet'),
  ...kindsIn(['apps'], 'StatefulSet'),
  ...kindsIn(['batch'], 'Job', 'CronJob'),
  ...kindsIn(['networking.k8s.io', 'extensions'], 'Ingress'),
  ...kindsIn(['rbac.authorization.k8s.io'], 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'),
  ...kindsIn([GATEWAY], 'Gateway', 'ReferenceGrant', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'),
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
