import type { K8sObject } from '../model/k8s.js';
import { record } from '../model/k8s.js';
import { containersOf, podTemplateOf, serviceAccountOf, WORKLOAD_KINDS, type ContainerList } from '../inventory/pod-spec.js';
import type { AssetOrigin, ContainerAsset, ContainerKind, WorkloadRef } from './model.js';
import { own, ownLabels } from './values.js';

/** Kinds that run pods; a PodTemplate only describes one. */
export const RUNNING_KINDS: ReadonlySet<string> = new Set(WORKLOAD_KINDS.filter((kind) => kind !== 'PodTemplate'));

/** Kinds whose spec.replicas says how many pods they want (the API's default is 1). */
const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

const CONTAINER_KIND: Readonly<Record<ContainerList, ContainerKind>> = { initContainers: 'init', containers: 'app', ephemeralContainers: 'ephemeral' };

/** What the inventory keeps of a workload: never the object itself. */
export interface WorkloadSummary {
  origin: AssetOrigin;
  ref: WorkloadRef;
  replicas?: number;
  serviceAccount: string;
  containers: ContainerAsset[];
  /** The pod template's labels, which Services select on. */
  podLabels: Record<string, string>;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function replicasOf(object: K8sObject, kind: string): number | undefined {
  if (REPLICATED_KINDS.has(kind)) return count(record(object.spec)?.replicas) ?? 1;
  if (kind === 'DaemonSet') return count(record(object.status)?.desiredNumberScheduled);
  return undefined;
}

/** The summary of a pod-running object, or undefined for other kinds and workloads without a pod spec. */
export function summariseWorkload(object: K8sObject, origin: AssetOrigin, ref: WorkloadRef): WorkloadSummary | undefined {
  if (!RUNNING_KINDS.has(ref.kind)) return undefined;
  const template = podTemplateOf(object);
  if (!template) return undefined;
  const containers = containersOf(template).map(({ container, list }): ContainerAsset => ({
    name: typeof container.name === 'string' ? own(container.name) : '',
    image: typeof container.image === 'string' ? own(container.image) : '',
    kind: CONTAINER_KIND[list],
    privileged: record(container.securityContext)?.privileged === true,
  }));
  const summary: WorkloadSummary = {
    origin,
    ref,
    serviceAccount: own(serviceAccountOf(template.spec)),
    containers,
    podLabels: ownLabels(template.metadata.labels),
  };
  const replicas = replicasOf(object, ref.kind);
  if (replicas !== undefined) summary.replicas = replicas;
  return summary;
}
