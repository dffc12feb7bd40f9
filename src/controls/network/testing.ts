/** Small objects for the tests of this folder. */
import type { K8sObject } from '../../model/k8s.js';

/** `namespace: null` leaves metadata.namespace out. */
export function policy(spec: unknown, name = 'web', namespace: string | null = 'shop'): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, ...(namespace ? { namespace } : {}) }, spec };
}

export function deployment(name: string, namespace?: string): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `${name}:1` }] } } },
  };
}

export function namespace(name: string): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export const DENY_ALL = { podSelector: {}, policyTypes: ['Ingress', 'Egress'] };

/** Policies with fields of the wrong types. */
export const MALFORMED_POLICIES: K8sObject[] = [
  policy(null),
  policy('deny'),
  policy({ podSelector: 'all', policyTypes: 'Ingress', ingress: 'everything', egress: { to: [] } }),
  policy({ ingress: [null, 3, { from: 'anywhere', ports: 'all' }], egress: [{ to: [{ ipBlock: '0.0.0.0/0' }, { ipBlock: { cidr: 0 } }, null] }], policyTypes: ['Egress', 'Ingress'] }),
];

export const NOT_A_POLICY: K8sObject[] = [
  { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'x' }, spec: { ingress: [{}], egress: [{}] } },
  { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'x' }, spec: { ingress: [{}] } },
];
