/**
 * What reachability is computed over: namespaces with their labels, the pod-running workloads (top-level ones, with
 * their pod labels and container ports) and the NetworkPolicies, read from any stream of objects.
 */
import { controllerOf } from '../inventory/ownership.js';
import { containersOf, podTemplateOf } from '../inventory/pod-spec.js';
import { isRecord, list, record, type K8sObject } from '../model/k8s.js';
import { isProtocol, type Protocol } from './ports.js';
import { readPolicy, type Policy } from './policy.js';

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

export interface Workload {
  kind: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: ContainerPort[];
  hostNetwork: boolean;
}

export interface NetworkEstate {
  /** Namespace name → labels (with kubernetes.io/metadata.name, which the API server sets on every namespace). */
  namespaces: Map<string, Record<string, string>>;
  workloads: Workload[];
  policies: Policy[];
}

export const workloadId = (workload: Pick<Workload, 'namespace' | 'name'>): string => `${workload.namespace}/${workload.name}`;

function labelsOf(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value) ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function portsOf(object: K8sObject): ContainerPort[] {
  const template = podTemplateOf(object)!;
  return containersOf(template, ['containers', 'initContainers']).flatMap(({ container }) =>
    list(container.ports).flatMap((entry) => {
      if (!isRecord(entry) || typeof entry.containerPort !== 'number') return [];
      const protocol = entry.protocol === undefined ? 'TCP' : entry.protocol;
      if (!isProtocol(protocol)) return [];
      return [{ ...(typeof entry.name === 'string' ? { name: entry.name } : {}), port: entry.containerPort, protocol }];
    }),
  );
}

export class NetworkEstateBuilder {
  private readonly namespaces = new Map<string, Record<string, string>>();
  private readonly workloads: Workload[] = [];
  private readonly policies: Policy[] = [];

  add(object: K8sObject): void {
    const name = object.metadata?.name;
    const namespace = object.metadata?.namespace;
    if (object.kind === 'Namespace' && object.apiVersion === 'v1' && typeof name === 'string') {
      this.namespaces.set(name, { ...labelsOf(object.metadata?.labels), 'kubernetes.io/metadata.name': name });
      return;
    }
    if (typeof name !== 'string' || typeof namespace !== 'string' || namespace === '') return;
    if (!this.namespaces.has(namespace)) this.namespaces.set(namespace, { 'kubernetes.io/metadata.name': namespace });
    if (object.kind === 'NetworkPolicy' && object.apiVersion === 'networking.k8s.io/v1') {
      this.policies.push(readPolicy(object, namespace, name));
      return;
    }
    const template = podTemplateOf(object);
    if (!template || object.kind === 'PodTemplate' || controllerOf(object)) return;
    this.workloads.push({
      kind: String(object.kind),
      namespace,
      name,
      labels: labelsOf(template.metadata.labels),
      ports: portsOf(object),
      hostNetwork: template.spec.hostNetwork === true,
    });
  }

  build(): NetworkEstate {
    const byId = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
    return { namespaces: this.namespaces, workloads: [...this.workloads].sort(byId), policies: [...this.policies].sort(byId) };
  }
}

export function networkEstateOf(objects: Iterable<K8sObject>): NetworkEstate {
  const builder = new NetworkEstateBuilder();
  for (const object of objects) builder.add(object);
  return builder.build();
}
