/** Ingress rules (and the default backend) to their Service, to the workloads it selects; TLS decided host by host. */
import { ANY_HOST, summariseIngress, type IngressSummary } from '../../assets/ingresses.js';
import type { K8sObject } from '../../model/k8s.js';
import type { ExposedPort, ObjectRef } from './model.js';
import { backendPorts, landing, type ServiceRecord } from './services.js';
import type { ExposureTarget, Reached } from './workloads.js';

export interface IngressRecord {
  ref: ObjectRef;
  summary: IngressSummary;
}

export function ingressRecord(object: K8sObject, ref: ObjectRef): IngressRecord {
  return { ref, summary: summariseIngress(object, {}, ref.namespace, ref.name) };
}

export interface ServiceLookup {
  service(namespace: string | undefined, name: string): ServiceRecord | undefined;
  selected(service: ServiceRecord): readonly ExposureTarget[];
}

interface Reach {
  target: ExposureTarget;
  tls: boolean;
  hosts: Set<string>;
  services: Map<string, ObjectRef>;
  ports: Map<string, ExposedPort>;
}

/** One exposure per workload and TLS state: the hosts served with a certificate apart from those served in clear. */
export function ingressExposures(ingress: IngressRecord, lookup: ServiceLookup): Reached[] {
  const { summary } = ingress;
  const tlsOf = new Map(summary.hosts.map(({ host, tls }) => [host, tls]));
  const reaches = new Map<string, Reach>();
  for (const rule of summary.rules) {
    const service = rule.service === undefined ? undefined : lookup.service(ingress.ref.namespace, rule.service);
    if (!service) continue;
    const host = rule.host ?? ANY_HOST;
    const tls = tlsOf.get(host) === true;
    for (const target of lookup.selected(service)) {
      const key = JSON.stringify([target.ref.kind, target.ref.name, tls]);
      let reach = reaches.get(key);
      if (!reach) reaches.set(key, (reach = { target, tls, hosts: new Set(), services: new Map(), ports: new Map() }));
      reach.hosts.add(host);
      reach.services.set(service.ref.name, service.ref);
      for (const port of backendPorts(service, rule.port)) {
        const exposed: ExposedPort = { servicePort: port.port, ...landing(target, port) };
        reach.ports.set(JSON.stringify(exposed), exposed);
      }
    }
  }
  return [...reaches.values()].map(({ target, tls, hosts, services, ports }): Reached => ({ target, exposure: {
    via: 'Ingress',
    object: ingress.ref,
    through: [...services.values()],
    ports: [...ports.values()],
    tls,
    internal: false,
    hosts: [...hosts].sort(),
    ...(summary.addresses.length > 0 ? { addresses: summary.addresses } : {}),
    detail: `Ingress ${ingress.ref.name}${summary.class === undefined ? '' : ` (class ${summary.class})`} routes ${[...hosts].sort().join(', ')} ` +
      `${tls ? 'over TLS' : 'without TLS'} to ${[...services.keys()].map((name) => `Service ${name}`).join(', ')}`,
  } }));
}
