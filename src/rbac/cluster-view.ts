/**
 * What RBAC analysis needs besides the RBAC objects: the service accounts, the workloads that run as them (and on
 * which node), and the legacy token secrets that hold their credentials. Built from the same objects as the model.
 */
import { controllerOf } from '../inventory/ownership.js';
import { containersOf, podTemplateOf, serviceAccountOf as podServiceAccount } from '../inventory/pod-spec.js';
import type { K8sObject } from '../model/k8s.js';
import { RbacModel } from './model.js';

export interface ServiceAccountFact {
  namespace: string;
  name: string;
  automountServiceAccountToken?: boolean;
}

export interface WorkloadFact {
  kind: string;
  namespace: string;
  name: string;
  serviceAccount: string;
  /** For a Pod: the node it runs on. */
  nodeName?: string;
  privileged: boolean;
  hostPath: boolean;
  /** Managed by another workload (a Deployment's ReplicaSet or Pod): listed under its controller in reviews. */
  controlled: boolean;
}

/** A Secret of type kubernetes.io/service-account-token: whoever reads it holds that service account's token. */
export interface TokenSecretFact {
  namespace: string;
  name: string;
  serviceAccount: string;
}

export interface ClusterView {
  model: RbacModel;
  namespaces: string[];
  serviceAccounts: ServiceAccountFact[];
  workloads: WorkloadFact[];
  tokenSecrets: TokenSecretFact[];
}

function workloadOf(object: K8sObject): WorkloadFact | undefined {
  const template = podTemplateOf(object);
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name;
  if (!template || typeof namespace !== 'string' || typeof name !== 'string' || typeof object.kind !== 'string') return undefined;
  const containers = containersOf(template);
  const nodeName = object.kind === 'Pod' && typeof template.spec.nodeName === 'string' ? template.spec.nodeName : undefined;
  return {
    kind: object.kind,
    namespace,
    name,
    serviceAccount: podServiceAccount(template.spec),
    ...(nodeName ? { nodeName } : {}),
    privileged: containers.some((container) => container.container.securityContext?.privileged === true),
    hostPath: Array.isArray(template.spec.volumes) && template.spec.volumes.some((volume) => typeof volume === 'object' && volume !== null && 'hostPath' in volume),
    controlled: controllerOf(object) !== undefined,
  };
}

/** Collects a ClusterView from a stream of objects (files, a cluster, a snapshot). */
export class ClusterViewBuilder {
  private readonly model = new RbacModel();
  private readonly namespaces = new Set<string>();
  private readonly serviceAccounts: ServiceAccountFact[] = [];
  private readonly workloads: WorkloadFact[] = [];
  private readonly tokenSecrets: TokenSecretFact[] = [];

  add(object: K8sObject): void {
    this.model.add(object);
    const namespace = object.metadata?.namespace;
    const name = object.metadata?.name;
    if (typeof namespace === 'string' && namespace !== '') this.namespaces.add(namespace);
    if (object.kind === 'Namespace' && typeof name === 'string') this.namespaces.add(name);
    if (typeof namespace !== 'string' || typeof name !== 'string') return;
    if (object.kind === 'ServiceAccount' && object.apiVersion === 'v1') {
      const automount = object.automountServiceAccountToken;
      this.serviceAccounts.push({ namespace, name, ...(typeof automount === 'boolean' ? { automountServiceAccountToken: automount } : {}) });
      return;
    }
    // Listed as metadata only, a live secret carries no type: the service-account annotation tells token secrets apart.
    if (object.kind === 'Secret' && (object.type === undefined || object.type === 'kubernetes.io/service-account-token')) {
      const serviceAccount = object.metadata?.annotations?.['kubernetes.io/service-account.name'];
      if (typeof serviceAccount === 'string') this.tokenSecrets.push({ namespace, name, serviceAccount });
      return;
    }
    const workload = workloadOf(object);
    if (workload) this.workloads.push(workload);
  }

  build(): ClusterView {
    return {
      model: this.model,
      namespaces: [...this.namespaces].sort(),
      serviceAccounts: this.serviceAccounts,
      workloads: this.workloads,
      tokenSecrets: this.tokenSecrets,
    };
  }
}

export function clusterViewOf(objects: Iterable<K8sObject>): ClusterView {
  const builder = new ClusterViewBuilder();
  for (const object of objects) builder.add(object);
  return builder.build();
}
