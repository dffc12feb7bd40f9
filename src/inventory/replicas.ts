/** How many pods a workload runs, read from the whole object as it streams past; the risk engine weighs it. */
import type { K8sObject } from '../model/k8s.js';

const SCALED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

/** The replica count (1 when a scalable workload leaves it unset, as the API defaults it); undefined when not known. */
export function replicasOf(object: K8sObject): number | undefined {
  const spec = object.spec as { replicas?: unknown } | undefined;
  const status = object.status as { desiredNumberScheduled?: unknown } | undefined;
  if (typeof object.kind !== 'string') return undefined;
  if (SCALED_KINDS.has(object.kind)) return typeof spec?.replicas === 'number' && spec.replicas >= 0 ? spec.replicas : 1;
  if (object.kind === 'DaemonSet') return typeof status?.desiredNumberScheduled === 'number' ? status.desiredNumberScheduled : undefined;
  if (object.kind === 'Pod') return 1;
  return undefined;
}
