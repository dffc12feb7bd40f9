/**
 * The teams' side of the estate: a namespace per team and environment with its access rules (a developer role, a CI
 * deployer, now and then a forgotten cluster-admin binding), network isolation in most, and the applications
 * (Deployments with their Service, config, credentials, service account and ingress; now and then a database
 * StatefulSet). Postures vary from hardened to privileged, as they do in a real estate.
 */
import { deployment, service, statefulSet, type Estate, type Manager } from './estate-controllers.js';
import {
  configMap, ingress, namespaceObject, networkPolicy, pem, randomBase64, role, roleBinding, secret, serviceAccount, type PolicyRule,
} from './estate-objects.js';
import type { Posture, WorkloadSpec } from './estate-templates.js';

const TEAMS = [
  'payments', 'checkout', 'catalog', 'search', 'identity', 'orders', 'shipping', 'inventory', 'pricing', 'recommendations', 'notifications',
  'analytics', 'billing', 'fraud', 'loyalty', 'reviews', 'media', 'messaging', 'ledger', 'support', 'marketing', 'partners', 'reporting',
  'platform-tools', 'data', 'ml', 'mobile-api', 'storefront', 'ads', 'geo', 'crm',
];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const COMPONENTS = [
  'web', 'api', 'worker', 'frontend', 'gateway', 'auth', 'scheduler', 'indexer', 'consumer', 'publisher', 'sync', 'exporter', 'admin',
  'graphql', 'cron-runner', 'webhook', 'cache-warmer', 'reporter', 'session', 'router',
];
/** Components reached from outside through an ingress. */
const EXPOSED = new Set(['web', 'frontend', 'gateway', 'graphql', 'webhook']);
/** Replica counts as teams choose them: mostly small, a few large. */
const REPLICAS = [1, 1, 2, 2, 2, 3, 3, 3, 4, 5, 6, 8, 10, 12, 16, 24];

export class TeamNamespace {
  private readonly used = new Map<string, number>();
  private applications = 0;

  constructor(readonly name: string, readonly team: string, readonly environment: string, readonly isolated: boolean, private readonly firstComponent: number) {}

  /** The next application name: each component once, then numbered (`api-2`). */
  nextComponent(): string {
    const base = COMPONENTS[(this.firstComponent + this.applications++) % COMPONENTS.length]!;
    const count = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}

/** `count` team namespaces named team-environment, numbered once the combinations run out. */
export function teamNamespaces(estate: Estate, count: number): TeamNamespace[] {
  return Array.from({ length: count }, (_, index) => {
    const team = TEAMS[index % TEAMS.length]!;
    const environment = ENVIRONMENTS[Math.floor(index / TEAMS.length) % ENVIRONMENTS.length]!;
    const round = Math.floor(index / (TEAMS.length * ENVIRONMENTS.length));
    const name = `${team}-${environment}${round > 0 ? `-${round + 1}` : ''}`;
    return new TeamNamespace(name, team, environment, estate.random.chance(0.6), estate.random.int(0, COMPONENTS.length - 1));
  });
}

export function replicaCount(estate: Estate): number {
  return estate.random.pick(REPLICAS);
}

const developerRules = (environment: string): PolicyRule[] => [
  { apiGroups: [''], resources: ['pods', 'pods/log', 'services', 'endpoints', 'configmaps', 'persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['pods/portforward'], verbs: ['create'] },
  ...(environment === 'dev' ? [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }, { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }] : []),
];

/** The namespace and what every team namespace has before any application: accounts, access rules, isolation. */
export function teamFoundations(estate: Estate, namespace: TeamNamespace): void {
  const { random } = estate;
  const createdAt = random.int(86_400, 30 * 86_400);
  const { name } = namespace;
  const level = random.pick([undefined, undefined, 'baseline', 'restricted']);
  estate.add(
    namespaceObject(random, name, createdAt, { team: namespace.team, environment: namespace.environment, ...(level !== undefined ? { 'pod-security.kubernetes.io/enforce': level } : {}) }),
    serviceAccount(random, 'ci-deployer', name, createdAt),
    role(random, 'developer', name, createdAt, developerRules(namespace.environment)),
    roleBinding(random, 'developers', name, createdAt, { kind: 'Role', name: 'developer' }, [{ kind: 'Group', name: `${namespace.team}-developers` }]),
    roleBinding(random, 'ci-deployer', name, createdAt, { kind: 'ClusterRole', name: 'edit' }, [{ kind: 'ServiceAccount', name: 'ci-deployer', namespace: name }]),
    roleBinding(random, 'view-oncall', name, createdAt, { kind: 'ClusterRole', name: 'view' }, [{ kind: 'Group', name: 'oncall' }]),
  );
  if (random.chance(0.05)) {
    estate.add(roleBinding(random, 'legacy-admin', name, createdAt, { kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'ServiceAccount', name: 'default', namespace: name }]));
  }
  if (namespace.isolated) {
    estate.add(
      networkPolicy(random, 'default-deny', name, createdAt, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
      networkPolicy(random, 'allow-dns', name, createdAt, {
        podSelector: {}, policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'coredns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
      }),
      networkPolicy(random, 'allow-same-namespace', name, createdAt, { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] }),
    );
  }
}

function posture(estate: Estate): Posture {
  const draw = estate.random.next();
  return draw < 0.45 ? 'hardened' : draw < 0.97 ? 'plain' : 'host';
}

function image(estate: Estate, team: string, component: string): string {
  const { random } = estate;
  if (component.startsWith('frontend') && random.chance(0.3)) return 'docker.io/library/nginx:1.27.3';
  const tag = random.chance(0.04) ? 'latest' : `${random.int(1, 4)}.${random.int(0, 30)}.${random.int(0, 12)}`;
  return `${random.chance(0.85) ? 'registry.example.com' : 'ghcr.io/example-corp'}/${team}/${component}:${tag}`;
}

function appConfig(component: string, namespace: string): string {
  return [`server:\n  port: 8080\n  shutdownTimeout: 25s`, `database:\n  host: ${component}-db.${namespace}.svc.cluster.local\n  pool: 20`,
    'telemetry:\n  tracing: true\n  sampleRate: 0.05', `logging:\n  level: info\n  format: json\n  fields: [trace_id, span_id, ${component}]`].join('\n');
}

/** One application: its Deployment (and pods), and the Service, config, credentials, account and ingress around it. */
export function teamApplication(estate: Estate, namespace: TeamNamespace, component: string, replicas: number): void {
  const { random } = estate;
  const createdAt = random.int(30 * 86_400, 80 * 86_400);
  const name = namespace.name;
  const ownAccount = random.chance(0.6);
  const config = random.chance(0.5) ? `${component}-config` : undefined;
  const credentials = random.chance(0.4) ? `${component}-credentials` : undefined;
  const serves = random.chance(0.85);
  const spec: WorkloadSpec = {
    name: component, namespace: name,
    selector: { 'app.kubernetes.io/name': component, 'app.kubernetes.io/part-of': namespace.team },
    labels: { team: namespace.team, environment: namespace.environment },
    image: image(estate, namespace.team, component), posture: posture(estate), serviceAccount: ownAccount ? component : 'default',
    ...(serves ? { port: 8080 } : {}), ...(config ? { configMap: config } : {}), ...(credentials ? { secret: credentials } : {}),
    sidecar: random.chance(0.25), initContainer: random.chance(0.15),
  };
  const manager: Manager = random.pick(['kubectl', 'kubectl', 'helm', 'argocd', 'argocd', 'argocd']);
  const pods = deployment(estate, spec, replicas, { manager, createdAt, ...(manager === 'helm' ? { release: component } : {}) });
  if (ownAccount) estate.add(serviceAccount(random, component, name, createdAt, spec.selector));
  if (config) estate.add(configMap(random, config, name, createdAt, { 'database.host': `${component}-db.${name}.svc.cluster.local`, [`${component}.yaml`]: appConfig(component, name) }, spec.selector));
  if (credentials) estate.add(secret(random, credentials, name, createdAt, 'Opaque', { password: randomBase64(random, 24), 'api-token': randomBase64(random, 40) }, spec.selector));
  if (!serves) return;
  service(estate, component, name, spec.selector, [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 'metrics' }], pods, { createdAt });
  const base = component.replace(/-\d+$/, '');
  if (!EXPOSED.has(base) || namespace.environment === 'dev') return;
  const host = `${component}.${namespace.team}${namespace.environment === 'prod' ? '' : `.${namespace.environment}`}.example.com`;
  estate.add(
    ingress(random, component, name, createdAt, host, component, `${component}-tls`),
    secret(random, `${component}-tls`, name, createdAt, 'kubernetes.io/tls', { 'tls.crt': Buffer.from(pem(random)).toString('base64'), 'tls.key': Buffer.from(pem(random, 'PRIVATE KEY', 1200)).toString('base64') }),
  );
  if (namespace.isolated) {
    estate.add(networkPolicy(random, `allow-ingress-${component}`, name, createdAt, {
      podSelector: { matchLabels: spec.selector }, policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    }));
  }
}

export const DATABASE_REPLICAS = 3;

/** A PostgreSQL StatefulSet with its headless and client Services and credentials. */
export function teamDatabase(estate: Estate, namespace: TeamNamespace): void {
  const { random } = estate;
  const createdAt = random.int(20 * 86_400, 40 * 86_400);
  const name = 'postgres';
  const spec: WorkloadSpec = {
    name, namespace: namespace.name, selector: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': `${namespace.team}-db` },
    image: 'docker.io/bitnami/postgresql:16.4.0', posture: random.chance(0.5) ? 'hardened' : 'plain', serviceAccount: 'default', port: 5432,
    secret: 'postgres-credentials', helmRelease: `${namespace.team}-db`,
  };
  const pods = statefulSet(estate, spec, DATABASE_REPLICAS, `${name}-hl`, { manager: 'helm', createdAt, release: `${namespace.team}-db` });
  const ports = [{ name: 'tcp-postgresql', port: 5432, targetPort: 'http' }];
  service(estate, `${name}-hl`, namespace.name, spec.selector, ports, pods, { createdAt, headless: true, manager: 'helm', release: `${namespace.team}-db` });
  service(estate, name, namespace.name, spec.selector, ports, pods, { createdAt, manager: 'helm', release: `${namespace.team}-db` });
  estate.add(secret(random, 'postgres-credentials', namespace.name, createdAt, 'Opaque', { 'postgres-password': randomBase64(random, 24), password: randomBase64(random, 24) }, spec.selector));
}
