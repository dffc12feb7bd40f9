import { isRecord, list, type K8sObject } from '../model/k8s.js';

/** Kinds that create and manage pod-running objects: a Deployment its ReplicaSets, a ReplicaSet its Pods, ... */
const CONTROLLER_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);

export interface Controller {
  kind: string;
  name: string;
}

/**
 * The workload controller that manages this object, from its controlling owner reference. A live cluster holds a
 * Deployment, its ReplicaSets and their Pods, all with the same pod template: only the top one is the thing a person
 * changes, so only it is judged. Static (mirror) pods are owned by a Node and stay their own workload.
 */
export function controllerOf(object: K8sObject): Controller | undefined {
  const owners = object.metadata?.ownerReferences;
  for (const owner of list(owners)) {
    if (!isRecord(owner) || owner.controller !== true) continue;
    if (typeof owner.kind === 'string' && CONTROLLER_KINDS.has(owner.kind) && typeof owner.name === 'string') {
      return { kind: owner.kind, name: owner.name };
    }
  }
  return undefined;
}

/** The apiVersions the object was written through (field managers and kubectl's last-applied copy), besides its own. */
export function writtenWith(object: K8sObject): string[] {
  const versions = new Set<string>();
  for (const entry of list(object.metadata?.managedFields)) {
    if (isRecord(entry) && typeof entry.apiVersion === 'string') versions.add(entry.apiVersion);
  }
  const lastApplied = object.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (typeof lastApplied === 'string') {
    const match = /"apiVersion"\s*:\s*"([^"]+)"/.exec(lastApplied);
    if (match?.[1] !== undefined) versions.add(match[1]);
  }
  versions.delete(typeof object.apiVersion === 'string' ? object.apiVersion : '');
  return [...versions].sort();
}
