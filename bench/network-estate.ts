/**
 * A seeded estate for the network benchmark: namespaces with team labels, pods as Deployments leave them (replicas
 * sharing their pod labels, named container ports), and NetworkPolicies of the shapes clusters hold: default-deny,
 * allow from the same namespace, from labelled namespaces, from a frontend to a backend on a named port, egress to DNS
 * only, egress to the internet except private ranges, port ranges.
 */
import type { K8sObject } from '../src/model/k8s.js';
import { SeededRandom } from './seeded-random.js';

export interface NetworkEstateOptions {
  pods: number;
  namespaces: number;
  policies: number;
  /** Pods per app: replicas share their labels. */
  replicas?: number;
  seed?: number;
}

const TIERS = ['frontend', 'backend', 'db', 'cache', 'worker'] as const;
const PORTS: Record<(typeof TIERS)[number], { name: string; port: number; protocol?: string }[]> = {
  frontend: [{ name: 'http', port: 8080 }],
  backend: [{ name: 'grpc', port: 9090 }, { name: 'metrics', port: 9100 }],
  db: [{ name: 'pg', port: 5432 }],
  cache: [{ name: 'redis', port: 6379 }],
  worker: [{ name: 'metrics', port: 9100 }, { name: 'statsd', port: 8125, protocol: 'UDP' }],
};

export function generateNetworkEstate(options: NetworkEstateOptions): { objects: K8sObject[]; pods: number; policies: number } {
  const random = new SeededRandom(options.seed ?? 1);
  const replicas = options.replicas ?? 5;
  const namespaces = Array.from({ length: options.namespaces }, (_, index) => `team-${String(index).padStart(3, '0')}`);
  const objects: K8sObject[] = namespaces.map((name, index) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team: `t${index % 10}`, env: index % 3 === 0 ? 'prod' : 'dev' } } }));
  for (let index = 0; index < options.pods; index++) {
    const app = Math.floor(index / replicas);
    const namespace = namespaces[app % namespaces.length]!;
    const tier = TIERS[app % TIERS.length]!;
    objects.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `app-${app}-${index % replicas}`, namespace, labels: { app: `app-${app}`, tier } },
      spec: { containers: [{ name: 'main', image: `registry.example.com/app-${app}:1`, ports: PORTS[tier].map((port) => ({ name: port.name, containerPort: port.port, ...(port.protocol ? { protocol: port.protocol } : {}) })) }] },
    });
  }
  const shapes = [
    () => ({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    () => ({ podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }),
    () => ({ podSelector: { matchLabels: { tier: 'backend' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'frontend' } } }], ports: [{ port: 'grpc' }] }] }),
    () => ({ podSelector: { matchLabels: { tier: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'backend' } } }], ports: [{ port: 'pg' }] }] }),
    () => ({ podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `t${random.int(0, 9)}` } } }] }] }),
    () => ({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] }),
    () => ({ podSelector: { matchLabels: { tier: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ port: 443 }] }] }),
    () => ({ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['worker', 'cache'] }] }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchLabels: { tier: 'backend' } } }], ports: [{ port: 6000, endPort: 6999 }, { port: 'redis' }] }] }),
  ];
  for (let index = 0; index < options.policies; index++) {
    const namespace = namespaces[index % namespaces.length]!;
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `policy-${index}`, namespace }, spec: random.pick(shapes)() });
  }
  return { objects, pods: options.pods, policies: options.policies };
}
