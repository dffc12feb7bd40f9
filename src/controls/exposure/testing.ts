/** Small Service objects for the tests of this folder. */
import type { K8sObject } from '../../model/k8s.js';

export function service(spec: unknown, annotations?: Record<string, unknown>): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop', ...(annotations ? { annotations: annotations as Record<string, string> } : {}) },
    spec,
  };
}

export const PORTS = [{ port: 443, targetPort: 8443, protocol: 'TCP' }];

/** Objects that look like Services to a careless check. */
export const NOT_A_SERVICE: K8sObject[] = [
  { apiVersion: 'serving.knative.dev/v1', kind: 'Route', metadata: { name: 'web' }, spec: { type: 'LoadBalancer', externalIPs: ['1.2.3.4'] } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' }, spec: { type: 'NodePort' } } as K8sObject,
];

/** Services with fields of the wrong types. */
export const MALFORMED_SERVICES: K8sObject[] = [
  service(null),
  service('LoadBalancer'),
  service({ type: 7, ports: 'all', externalIPs: 'x' }),
  service({ type: 'ExternalName', externalName: ['localhost'] }),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', annotations: 'none' as never }, spec: { type: 'ClusterIP', loadBalancerSourceRanges: {} } },
];
