import { isRecord, list, record, type K8sObject } from '../model/k8s.js';
import type { AssetOrigin, NodeAsset } from './model.js';
import { own, ownText, withoutUndefined } from './values.js';

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';

function readiness(status: Record<string, unknown> | undefined): boolean | undefined {
  const ready = list(status?.conditions).find((condition) => isRecord(condition) && condition.type === 'Ready');
  return isRecord(ready) && typeof ready.status === 'string' ? ready.status === 'True' : undefined;
}

/** The facts of a Node a person asks about first; labels win where the kubelet also reports the value. */
export function nodeAsset(node: K8sObject, origin: AssetOrigin, name: string): NodeAsset {
  const labels = record(record(node.metadata)?.labels) ?? {};
  const status = record(node.status);
  const info = record(status?.nodeInfo);
  const roles = Object.keys(labels)
    .filter((label) => label.startsWith(ROLE_LABEL_PREFIX) && label.length > ROLE_LABEL_PREFIX.length)
    .map((label) => own(label.slice(ROLE_LABEL_PREFIX.length)))
    .sort();
  const facts: Omit<NodeAsset, 'name' | 'roles'> = {
    os: ownText(labels['kubernetes.io/os']) ?? ownText(info?.operatingSystem),
    osImage: ownText(info?.osImage),
    kernel: ownText(info?.kernelVersion),
    containerRuntime: ownText(info?.containerRuntimeVersion),
    kubeletVersion: ownText(info?.kubeletVersion),
    architecture: ownText(labels['kubernetes.io/arch']) ?? ownText(info?.architecture),
    instanceType: ownText(labels['node.kubernetes.io/instance-type']) ?? ownText(labels['beta.kubernetes.io/instance-type']),
    ready: readiness(status),
  };
  return { ...origin, name, roles, ...withoutUndefined(facts) };
}

