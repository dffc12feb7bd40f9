import { list, record, type K8sObject } from '../model/k8s.js';
import type { AssetOrigin, ServiceAsset, ServicePortAsset } from './model.js';
import { ownLabels, ownText, ownTexts, withoutUndefined } from './values.js';

export type ServiceSummary = Omit<ServiceAsset, 'workloads'>;

/** Service types that open a port on every node. */
const NODE_PORT_TYPES = new Set(['NodePort', 'LoadBalancer']);

function portNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function portsOf(spec: Record<string, unknown>): ServicePortAsset[] {
  return list(spec.ports).flatMap((value) => {
    const entry = record(value);
    const port = portNumber(entry?.port);
    if (!entry || port === undefined) return [];
    const targetPort = portNumber(entry.targetPort) ?? ownText(entry.targetPort);
    return [withoutUndefined<ServicePortAsset>({
      name: ownText(entry.name),
      port,
      protocol: ownText(entry.protocol) ?? 'TCP',
      targetPort,
      nodePort: portNumber(entry.nodePort),
    })];
  });
}

function loadBalancerAddresses(object: K8sObject): string[] {
  const ingress = list(record(record(object.status)?.loadBalancer)?.ingress);
  return ingress.flatMap((value) => {
    const entry = record(value);
    const address = ownText(entry?.ip) ?? ownText(entry?.hostname);
    return address === undefined ? [] : [address];
  });
}

/** What the inventory keeps of a Service; the workloads it selects are found once every workload has been read. */
export function summariseService(object: K8sObject, origin: AssetOrigin, namespace: string | undefined, name: string): ServiceSummary {
  const spec = record(object.spec) ?? {};
  const type = ownText(spec.type) ?? 'ClusterIP';
  const ports = portsOf(spec);
  const exposure = {
    loadBalancer: type === 'LoadBalancer' ? loadBalancerAddresses(object) : [],
    nodePorts: NODE_PORT_TYPES.has(type) ? ports.flatMap((port) => (port.nodePort === undefined ? [] : [port.nodePort])) : [],
    externalIPs: ownTexts(spec.externalIPs),
  };
  return withoutUndefined<ServiceSummary>({
    ...origin,
    namespace,
    name,
    type,
    clusterIP: ownText(spec.clusterIP),
    externalName: type === 'ExternalName' ? ownText(spec.externalName) : undefined,
    ports,
    selector: type === 'ExternalName' ? {} : ownLabels(spec.selector),
    exposed: NODE_PORT_TYPES.has(type) || exposure.externalIPs.length > 0,
    exposure,
  });
}

/** A selector picks the pods carrying every one of its labels; an empty selector picks none (the Service has no endpoints managed for it). */
export function selects(selector: Record<string, string>, podLabels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => Object.hasOwn(podLabels, key) && podLabels[key] === value);
}
