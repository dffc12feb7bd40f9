/** What a Service opens to the outside (load balancer, node ports, external IPs), and the ports its backends land on. */
import type { ServicePortAsset } from '../../assets/model.js';
import { summariseService, type ServiceSummary } from '../../assets/services.js';
import { ownText } from '../../assets/values.js';
import { isInternalLoadBalancer, sourceRanges } from '../../controls/exposure/service.js';
import { record, type K8sObject } from '../../model/k8s.js';
import type { Exposure, ExposedPort, ObjectRef } from './model.js';
import { containerPortFor, type ExposureTarget } from './workloads.js';

export interface ServiceRecord {
  ref: ObjectRef;
  summary: ServiceSummary;
  internal: boolean;
  /** LoadBalancer Services get node ports too, unless spec.allocateLoadBalancerNodePorts is false. */
  nodePorts: boolean;
  sourceRanges: string[];
  loadBalancerIP?: string;
}

export function serviceRecord(object: K8sObject, ref: ObjectRef): ServiceRecord {
  const spec = record(object.spec) ?? {};
  const summary = summariseService(object, {}, ref.namespace, ref.name);
  const loadBalancer = summary.type === 'LoadBalancer';
  const service: ServiceRecord = {
    ref,
    summary,
    internal: loadBalancer && isInternalLoadBalancer(object),
    nodePorts: summary.type === 'NodePort' || (loadBalancer && spec.allocateLoadBalancerNodePorts !== false),
    sourceRanges: loadBalancer ? sourceRanges(object, spec).map(({ cidr }) => cidr) : [],
  };
  const loadBalancerIP = loadBalancer ? ownText(spec.loadBalancerIP) : undefined;
  if (loadBalancerIP !== undefined) service.loadBalancerIP = loadBalancerIP;
  return service;
}

/** The Service port as it reaches one workload: `port` is left to the caller, which knows what the client dials. */
export function landing(target: ExposureTarget, port: ServicePortAsset): Omit<ExposedPort, 'port'> {
  const landed: Omit<ExposedPort, 'port'> = { protocol: port.protocol };
  if (port.targetPort !== undefined) landed.targetPort = port.targetPort;
  const containerPort = containerPortFor(target, port.targetPort, port.port, port.protocol);
  if (containerPort !== undefined) landed.containerPort = containerPort;
  return landed;
}

/** The Service ports a backend names: by number or by name, or every port when it names none. */
export function backendPorts(service: ServiceRecord, port: number | string | undefined): ServicePortAsset[] {
  if (port === undefined) return service.summary.ports;
  return service.summary.ports.filter((candidate) => (typeof port === 'number' ? candidate.port === port : candidate.name === port));
}

function describe(ref: ObjectRef): string {
  return `Service ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
}

/** The ways a Service selecting this workload opens it to clients outside the cluster. */
export function serviceExposures(service: ServiceRecord, target: ExposureTarget): Exposure[] {
  const { summary } = service;
  const exposures: Exposure[] = [];
  const base = { object: service.ref, through: [], tls: undefined };
  if (summary.type === 'LoadBalancer') {
    const addresses = [...new Set([...(service.loadBalancerIP === undefined ? [] : [service.loadBalancerIP]), ...summary.exposure.loadBalancer])];
    exposures.push({
      ...base,
      via: 'LoadBalancer',
      internal: service.internal,
      ports: summary.ports.map((port) => ({ port: port.port, ...landing(target, port) })),
      ...(addresses.length > 0 ? { addresses } : {}),
      ...(service.sourceRanges.length > 0 ? { sourceRanges: service.sourceRanges } : {}),
      detail: `${describe(service.ref)} gets ${service.internal ? 'an internal' : 'an external'} load balancer` +
        (service.sourceRanges.length > 0 ? ` admitting ${service.sourceRanges.join(', ')}` : service.internal ? '' : ' open to any address'),
    });
  }
  if (service.nodePorts) {
    const unassigned = summary.ports.some((port) => port.nodePort === undefined);
    exposures.push({
      ...base,
      via: 'NodePort',
      internal: false,
      ports: summary.ports.map((port) => ({ ...(port.nodePort === undefined ? {} : { port: port.nodePort }), ...landing(target, port) })),
      detail: `${describe(service.ref)} (${summary.type}) opens ${unassigned ? 'node ports (chosen by the cluster where not written)' : 'node ports'} on every node`,
    });
  }
  if (summary.exposure.externalIPs.length > 0) {
    exposures.push({
      ...base,
      via: 'externalIPs',
      internal: false,
      ports: summary.ports.map((port) => ({ port: port.port, ...landing(target, port) })),
      addresses: summary.exposure.externalIPs,
      detail: `${describe(service.ref)} answers on external IPs ${summary.exposure.externalIPs.join(', ')}`,
    });
  }
  return exposures;
}
