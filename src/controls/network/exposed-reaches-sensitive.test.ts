import control from './exposed-reaches-sensitive.js';
import { testControl } from '../testing.js';
import { policy } from './testing.js';

const workload = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'shop' },
  spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `${name}:1`, ports: [{ name: 'http', containerPort: 8080 }] }], ...spec } } },
});
const web = workload('web');
const withSecret = workload('db', { volumes: [{ name: 'creds', secret: { secretName: 'db' } }] });
const runsAsOperator = workload('operator', { serviceAccountName: 'operator' });
const plain = workload('cache');
const loadBalancer = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 'http' }] } };
const internalLoadBalancer = {
  ...loadBalancer,
  metadata: { ...loadBalancer.metadata, annotations: { 'networking.gke.io/load-balancer-type': 'Internal' } },
  spec: { ...loadBalancer.spec, allocateLoadBalancerNodePorts: false },
};
const secretReader = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'reader', namespace: 'shop' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'operator-reads', namespace: 'shop' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'operator', namespace: 'shop' }] },
];
const webEgressOnlyToCache = policy({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'cache' } } }] }] }, 'web-out');

testControl(control, {
  valid: [
    { name: 'nothing exposed', objects: [web, withSecret] },
    { name: 'exposed, but nothing sensitive to reach', objects: [web, plain, loadBalancer] },
    { name: 'exposed through an internal load balancer only (no node ports)', objects: [web, withSecret, internalLoadBalancer] },
    { name: 'egress limited to non-sensitive workloads', objects: [web, withSecret, plain, loadBalancer, webEgressOnlyToCache] },
  ],
  invalid: [
    {
      name: 'an exposed workload reaches one holding Secrets',
      objects: [web, withSecret, plain, loadBalancer],
      violations: [{ path: 'metadata', subject: 'Deployment shop/web', message: 'is reachable from the internet and can connect to Deployment shop/db (holds Secrets)' }],
    },
    {
      name: 'an exposed workload reaches one whose service account reads Secrets',
      objects: [web, runsAsOperator, loadBalancer, ...secretReader],
      violations: [{ path: 'metadata', subject: 'Deployment shop/web', message: 'Deployment shop/operator (runs as service account operator, which may get secrets)' }],
    },
  ],
});
