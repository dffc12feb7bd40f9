import type { K8sObject } from '../model/k8s.js';
import type { LoadedResource, ResourceRef, SourceLocation } from '../model/resource.js';
import type { ClusterFacts } from '../model/cluster.js';
import { writtenWith, type Controller } from './ownership.js';
import { replicasOf } from './replicas.js';
import { mountsSecrets, outlineOf } from './outline.js';
import type { FieldPath } from '../model/path.js';
import type { ImageScanOutcome } from '../image/model.js';
import { containersOf, podTemplateOf, serviceAccountOf, type PodTemplate } from './pod-spec.js';

/**
 * Kinds whose whole object the inventory keeps for cluster-wide controls. They are few in any estate; workloads,
 * which are many, are kept as summaries so a scan of tens of thousands of objects stays small in memory.
 */
const KEPT_KINDS = new Set([
  'Namespace',
  'NetworkPolicy',
  'ServiceAccount',
  'Service',
  'Ingress',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'Gateway',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
  'ReferenceGrant',
]);

export interface WorkloadSummary {
  podLabels: Record<string, string>;
  serviceAccount: string;
  automountServiceAccountToken?: boolean;
  /** The pods share the node's network namespace, where NetworkPolicies do not reach. */
  hostNetwork?: boolean;
  /** The pods receive a Secret (volume or environment). */
  mountsSecrets?: boolean;
  /** The object reduced to identity, pod labels, ports and service account, for exposure analysis. */
  outline: K8sObject;
  /** The images its containers run (init and ephemeral ones included), with where each is named. */
  images: WorkloadImage[];
  /** The pod's imagePullSecrets, by name; the service account's come on top. */
  imagePullSecrets?: string[];
  /** How many pods it runs, when the object says (see replicasOf). */
  replicas?: number;
}

export interface WorkloadImage {
  container: string;
  image: string;
  path: FieldPath;
}

export interface InventoryEntry {
  ref: ResourceRef;
  source: SourceLocation;
  /** The whole object, for kinds in KEPT_KINDS. */
  object?: K8sObject;
  /** For workloads: what cluster-wide controls need of the pod template. */
  workload?: WorkloadSummary;
  /** The workload controller managing this object (a ReplicaSet's Deployment, a Pod's ReplicaSet); set for cluster reads. */
  controller?: Controller;
  /** Other apiVersions the object was written through (managedFields, last-applied); absent when none. */
  writtenWith?: string[];
}

/** A copy of a string that does not share memory with the text it was sliced from. */
function ownString(text: string): string {
  return (' ' + text).slice(1);
}

function ownRef(ref: ResourceRef): ResourceRef {
  const copy: ResourceRef = { apiVersion: ownString(ref.apiVersion), kind: ownString(ref.kind), name: ownString(ref.name) };
  if (ref.namespace !== undefined) copy.namespace = ownString(ref.namespace);
  return copy;
}

function imagesOf(template: PodTemplate): WorkloadImage[] {
  return containersOf(template).flatMap(({ container, path }) =>
    typeof container.image === 'string' && container.image !== ''
      ? [{ container: ownString(String(container.name ?? '')), image: ownString(container.image), path: [...path, 'image'] }]
      : [],
  );
}

function pullSecretsOf(template: PodTemplate): string[] {
  const secrets = template.spec.imagePullSecrets;
  if (!Array.isArray(secrets)) return [];
  return secrets.flatMap((secret: unknown) => {
    const name = secret && typeof secret === 'object' ? (secret as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name !== '' ? [ownString(name)] : [];
  });
}

/** What one scan saw, built once while resources stream past, then queried by inventory controls. */
export class Inventory {
  private readonly entries: InventoryEntry[] = [];
  private readonly kinds = new Map<string, InventoryEntry[]>();

  /** The live cluster (or snapshot) the resources come from, once it has been read; absent for manifests. */
  cluster: ClusterFacts | undefined;

  /** The scans of the workloads' images by reference, when the scan was asked to scan images. */
  images: ReadonlyMap<string, ImageScanOutcome> | undefined;

  /**
   * Records a resource. What is kept is copied: parsers hand out strings sliced from the file's text, and keeping one
   * of them would keep the whole file in memory until the scan ends.
   */
  add(resource: LoadedResource, controller?: Controller): InventoryEntry {
    const { object, source } = resource;
    const ref = ownRef(resource.ref);
    const entry: InventoryEntry = { ref, source };
    if (KEPT_KINDS.has(ref.kind)) entry.object = structuredClone(object);
    if (controller) entry.controller = { kind: ownString(controller.kind), name: ownString(controller.name) };
    const versions = writtenWith(object);
    if (versions.length > 0) entry.writtenWith = versions.map(ownString);
    const template = podTemplateOf(object);
    if (template) {
      const labels = template.metadata.labels;
      entry.workload = {
        podLabels: labels && typeof labels === 'object' ? structuredClone(labels) : {},
        serviceAccount: ownString(serviceAccountOf(template.spec)),
        outline: outlineOf(object)!,
        images: imagesOf(template),
      };
      const replicas = replicasOf(object);
      if (replicas !== undefined) entry.workload.replicas = replicas;
      const pullSecrets = pullSecretsOf(template);
      if (pullSecrets.length > 0) entry.workload.imagePullSecrets = pullSecrets;
      if (mountsSecrets(object)) entry.workload.mountsSecrets = true;
      if (template.spec.hostNetwork === true) entry.workload.hostNetwork = true;
      if (typeof template.spec.automountServiceAccountToken === 'boolean') {
        entry.workload.automountServiceAccountToken = template.spec.automountServiceAccountToken;
      }
    }
    this.entries.push(entry);
    const sameKind = this.kinds.get(ref.kind);
    if (sameKind) sameKind.push(entry);
    else this.kinds.set(ref.kind, [entry]);
    return entry;
  }

  all(): readonly InventoryEntry[] {
    return this.entries;
  }

  ofKind(kind: string): readonly InventoryEntry[] {
    return this.kinds.get(kind) ?? [];
  }

  /** Workloads a person manages: those a controller manages (a Deployment's ReplicaSets and Pods) are left out. */
  workloads(): InventoryEntry[] {
    return this.entries.filter((entry) => entry.workload !== undefined && entry.controller === undefined);
  }

  /** The cluster itself as a subject of cluster-level controls (its version, its served APIs). */
  clusterEntry(): InventoryEntry | undefined {
    if (!this.cluster) return undefined;
    this.clusterSubject ??= {
      ref: { apiVersion: '', kind: 'Cluster', name: this.cluster.context },
      source: { cluster: this.cluster.context, apiPath: '/version' },
    };
    return this.clusterSubject;
  }

  private clusterSubject: InventoryEntry | undefined;

  /** Namespaces that hold at least one namespaced resource or are declared by a Namespace object. */
  namespaces(): string[] {
    const names = new Set<string>();
    for (const entry of this.entries) if (entry.ref.namespace) names.add(entry.ref.namespace);
    for (const entry of this.ofKind('Namespace')) if (entry.ref.name) names.add(entry.ref.name);
    return [...names].sort();
  }

  /** The Namespace object declared for `name`, when the scan saw one. */
  namespaceEntry(name: string): InventoryEntry | undefined {
    return this.ofKind('Namespace').find((entry) => entry.ref.name === name);
  }
}
