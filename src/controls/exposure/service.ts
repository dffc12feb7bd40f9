import { list, record, type K8sObject } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';

/** The spec of a Service, or undefined for other kinds and Services without a spec object. */
export function serviceSpec(object: K8sObject): Record<string, unknown> | undefined {
  return object.kind === 'Service' ? record(object.spec) : undefined;
}

/** `spec.type`, with the API default ClusterIP when it is absent. */
export function serviceType(spec: Record<string, unknown>): unknown {
  return spec.type ?? 'ClusterIP';
}

/** `80/TCP -> 30080`, as a person reads a port list. */
export function describePorts(spec: Record<string, unknown>): string[] {
  return list(spec.ports).flatMap((value) => {
    const port = record(value);
    if (!port) return [];
    const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
    const nodePort = typeof port.nodePort === 'number' ? ` -> ${port.nodePort}` : '';
    return [`${String(port.port)}/${protocol}${nodePort}`];
  });
}

/** Annotations of the cloud providers' controllers that make a LoadBalancer private to the VPC, with the value. */
const INTERNAL_ANNOTATIONS: Readonly<Record<string, (value: string) => boolean>> = {
  'service.beta.kubernetes.io/aws-load-balancer-internal': (v) => v !== '' && v !== 'false',
  'service.beta.kubernetes.io/aws-load-balancer-scheme': (v) => v === 'internal',
  'networking.gke.io/load-balancer-type': (v) => v.toLowerCase() === 'internal',
  'cloud.google.com/load-balancer-type': (v) => v.toLowerCase() === 'internal',
  'service.beta.kubernetes.io/azure-load-balancer-internal': (v) => v === 'true',
  'service.beta.kubernetes.io/oci-load-balancer-internal': (v) => v === 'true',
  'service.beta.kubernetes.io/openstack-internal-load-balancer': (v) => v === 'true',
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': (v) => v === 'private',
  'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': (v) => v === 'intranet',
};

function annotations(object: K8sObject): Record<string, unknown> {
  return record(record(object.metadata)?.annotations) ?? {};
}

/** True when a cloud annotation keeps the load balancer on private addresses. */
export function isInternalLoadBalancer(object: K8sObject): boolean {
  const all = annotations(object);
  return Object.entries(INTERNAL_ANNOTATIONS).some(([key, internal]) => typeof all[key] === 'string' && internal(all[key]));
}

export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export interface SourceRange {
  cidr: string;
  path: FieldPath;
}

/** The allowed client ranges: spec.loadBalancerSourceRanges, else the annotation cloud providers also read. */
export function sourceRanges(object: K8sObject, spec: Record<string, unknown>): SourceRange[] {
  const fromSpec: SourceRange[] = [];
  list(spec.loadBalancerSourceRanges).forEach((cidr, index) => {
    if (typeof cidr === 'string' && cidr.trim() !== '') fromSpec.push({ cidr: cidr.trim(), path: ['spec', 'loadBalancerSourceRanges', index] });
  });
  if (fromSpec.length > 0) return fromSpec;
  const annotation = annotations(object)[SOURCE_RANGES_ANNOTATION];
  if (typeof annotation !== 'string') return [];
  return annotation
    .split(',')
    .map((cidr) => cidr.trim())
    .filter((cidr) => cidr !== '')
    .map((cidr) => ({ cidr, path: ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION] }));
}

/** A range that admits every address of its family. */
export function isWorldRange(cidr: string): boolean {
  return /^(0\.0\.0\.0|::|0:0:0:0:0:0:0:0)\/0$/.test(cidr.trim());
}

/** The client ranges of a Service that gets an external (not internal) load balancer; undefined for any other. */
export function externalLoadBalancerRanges(object: K8sObject): SourceRange[] | undefined {
  const spec = serviceSpec(object);
  if (!spec || serviceType(spec) !== 'LoadBalancer' || isInternalLoadBalancer(object)) return undefined;
  return sourceRanges(object, spec);
}
