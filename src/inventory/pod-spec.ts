import { isRecord, list, type Container, type K8sObject, type ObjectMeta, type PodSpec } from '../model/k8s.js';
import type { FieldPath } from '../model/path.js';

/** The pod template inside a workload, with the paths of its parts in the enclosing object. */
export interface PodTemplate {
  metadata: ObjectMeta;
  spec: PodSpec;
  metadataPath: FieldPath;
  specPath: FieldPath;
}

/** Where each workload kind keeps its pod template (metadata and spec share the parent). */
const TEMPLATE_PARENT: Readonly<Record<string, FieldPath>> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(TEMPLATE_PARENT);

function at(object: unknown, path: FieldPath): unknown {
  let node = object;
  for (const key of path) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

// Every workload control asks for the same template and containers; objects are never modified after parsing, so
// each is worked out once per object.
const templates = new WeakMap<K8sObject, PodTemplate | undefined>();
const containerLists = new WeakMap<PodTemplate, ContainerRef[]>();

/** The pod template of a workload, or undefined for other kinds and for workloads without a spec. */
export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  if (templates.has(object)) return templates.get(object);
  const template = findPodTemplate(object);
  templates.set(object, template);
  return template;
}

function findPodTemplate(object: K8sObject): PodTemplate | undefined {
  const parent = typeof object.kind === 'string' ? TEMPLATE_PARENT[object.kind] : undefined;
  if (!parent) return undefined;
  const spec = at(object, [...parent, 'spec']);
  if (!isRecord(spec)) return undefined;
  const metadata = at(object, [...parent, 'metadata']);
  return {
    metadata: isRecord(metadata) ? (metadata as ObjectMeta) : {},
    spec: spec as PodSpec,
    metadataPath: [...parent, 'metadata'],
    specPath: [...parent, 'spec'],
  };
}

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

const ALL_CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface ContainerRef {
  container: Container;
  list: ContainerList;
  path: FieldPath;
}

/** Every container of the pod, init and ephemeral ones included, as Pod Security Admission visits them. */
export function containersOf(template: PodTemplate, lists: readonly ContainerList[] = ALL_CONTAINER_LISTS): readonly ContainerRef[] {
  if (lists !== ALL_CONTAINER_LISTS) return listContainers(template, lists);
  let all = containerLists.get(template);
  if (!all) containerLists.set(template, (all = listContainers(template, lists)));
  return all;
}

function listContainers(template: PodTemplate, lists: readonly ContainerList[]): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const name of lists) {
    list(template.spec[name]).forEach((container, index) => {
      if (isRecord(container)) out.push({ container: container as Container, list: name, path: [...template.specPath, name, index] });
    });
  }
  return out;
}

/** The service account a pod runs as: `default` when none is named. */
export function serviceAccountOf(spec: PodSpec): string {
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') return spec.serviceAccountName;
  if (typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '') return spec.serviceAccount;
  return 'default';
}
