/**
 * Exposure of every top-level workload, from objects fed one at a time: what each workload needs is kept as it
 * passes (never whole objects), and Services, Ingresses and Gateway routes are joined to workloads at the end.
 */
import { selects } from '../../assets/services.js';
import { ownLabels, ownText } from '../../assets/values.js';
import { RUNNING_KINDS } from '../../assets/workloads.js';
import { isBuiltInKind } from '../../model/api-groups.js';
import type { K8sObject } from '../../model/k8s.js';
import { gatewayRecord, referenceGrantRecord, ROUTE_KINDS, routeExposures, routeRecord, type GatewayLookup, type GatewayRecord, type ReferenceGrantRecord, type RouteRecord } from './gateways.js';
import { ingressExposures, ingressRecord, type IngressRecord } from './ingresses.js';
import { workloadKey } from './lookup.js';
import type { Exposure, ExposureVia, ObjectRef, WorkloadExposure } from './model.js';
import { serviceExposures, serviceRecord, type ServiceRecord } from './services.js';
import { exposureTarget, hostExposures, type ExposureTarget } from './workloads.js';

/** The kinds read here. */
const READ_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Pod', 'ReplicationController', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job',
  'CronJob', 'Ingress', 'Gateway', 'ReferenceGrant', ...ROUTE_KINDS,
]);

const VIA_ORDER: readonly ExposureVia[] = ['LoadBalancer', 'NodePort', 'externalIPs', 'Ingress', 'Gateway', 'hostNetwork', 'hostPort'];


/** Objects of one kind are found by namespace and name; an object without a namespace is in the manifests' shared scope. */
const scoped = (namespace: string | undefined, name: string) => JSON.stringify([namespace ?? '', name]);

function compareRefs(a: ObjectRef, b: ObjectRef): number {
  return (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);
}

export class ExposureCollector {
  private readonly targets = new Map<string, ExposureTarget>();
  private readonly services = new Map<string, ServiceRecord>();
  private readonly ingresses: IngressRecord[] = [];
  private readonly gateways = new Map<string, GatewayRecord>();
  private readonly routes: RouteRecord[] = [];
  private readonly grants = new Map<string, ReferenceGrantRecord[]>();
  private readonly namespaces = new Map<string, Record<string, string>>();

  add(object: K8sObject): void {
    const name = ownText(object.metadata?.name);
    if (name === undefined || !isBuiltInKind(object, READ_KINDS)) return;
    const kind = object.kind as string;
    const namespace = ownText(object.metadata?.namespace);
    const ref: ObjectRef = namespace === undefined ? { kind, name } : { kind, namespace, name };
    if (RUNNING_KINDS.has(kind)) {
      const target = exposureTarget(object, ref);
      const key = workloadKey(ref);
      if (target && !this.targets.has(key)) this.targets.set(key, target);
    } else if (kind === 'Service') {
      const key = scoped(namespace, name);
      if (!this.services.has(key)) this.services.set(key, serviceRecord(object, ref));
    } else if (kind === 'Ingress') {
      this.ingresses.push(ingressRecord(object, ref));
    } else if (kind === 'Gateway') {
      const key = scoped(namespace, name);
      if (!this.gateways.has(key)) this.gateways.set(key, gatewayRecord(object, ref));
    } else if (ROUTE_KINDS.has(kind)) {
      this.routes.push(routeRecord(object, ref));
    } else if (kind === 'ReferenceGrant') {
      const key = namespace ?? '';
      const grant = referenceGrantRecord(object, namespace);
      const same = this.grants.get(key);
      if (same) same.push(grant);
      else this.grants.set(key, [grant]);
    } else if (kind === 'Namespace') {
      this.namespaces.set(name, ownLabels(object.metadata?.labels));
    }
  }

  /** The workloads reachable from outside the cluster, each with every way it is, sorted by namespace, kind and name. */
  result(): WorkloadExposure[] {
    const found = new Map<string, Exposure[]>();
    const record = (target: ExposureTarget, exposures: readonly Exposure[]) => {
      if (exposures.length === 0) return;
      const key = workloadKey(target.ref);
      const known = found.get(key);
      if (known) known.push(...exposures);
      else found.set(key, [...exposures]);
    };
    const lookup = this.lookup();
    for (const target of this.targets.values()) record(target, hostExposures(target));
    for (const service of this.services.values()) {
      for (const target of lookup.selected(service)) record(target, serviceExposures(service, target));
    }
    const routed = [...this.ingresses.flatMap((ingress) => ingressExposures(ingress, lookup)), ...this.routes.flatMap((route) => routeExposures(route, lookup))];
    for (const { target, exposure } of routed) record(target, [exposure]);
    return [...found].map(([key, exposures]) => ({
      workload: this.targets.get(key)!.ref,
      exposures: exposures.sort((a, b) => VIA_ORDER.indexOf(a.via) - VIA_ORDER.indexOf(b.via) || compareRefs(a.object, b.object)),
    })).sort((a, b) => compareRefs(a.workload, b.workload));
  }

  private lookup(): GatewayLookup {
    const byNamespace = new Map<string, ExposureTarget[]>();
    for (const target of this.targets.values()) {
      const key = target.ref.namespace ?? '';
      const same = byNamespace.get(key);
      if (same) same.push(target);
      else byNamespace.set(key, [target]);
    }
    const selected = new Map<ServiceRecord, ExposureTarget[]>();
    return {
      service: (namespace, name) => this.services.get(scoped(namespace, name)),
      selected: (service) => {
        let targets = selected.get(service);
        if (!targets) {
          targets = (byNamespace.get(service.ref.namespace ?? '') ?? []).filter((target) => selects(service.summary.selector, target.podLabels));
          selected.set(service, targets);
        }
        return targets;
      },
      gateway: (namespace, name) => this.gateways.get(scoped(namespace, name)),
      namespaceLabels: (namespace) => ({ ...this.namespaces.get(namespace ?? ''), 'kubernetes.io/metadata.name': namespace ?? '' }),
      referenceGrants: (namespace) => this.grants.get(namespace ?? '') ?? [],
    };
  }
}

export function exposureOf(objects: Iterable<K8sObject>): WorkloadExposure[] {
  const collector = new ExposureCollector();
  for (const object of objects) collector.add(object);
  return collector.result();
}
