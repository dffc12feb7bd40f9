/**
 * The estate's plain objects, as the API server stores them: namespaces, service accounts, config maps, secrets,
 * RBAC roles and bindings, network policies and ingresses.
 */
import { managedFieldsEntry, type Manifest } from './estate-managed-fields.js';
import { timestamp } from './estate-pods.js';
import type { SeededRandom } from './seeded-random.js';

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: 'ServiceAccount' | 'Group' | 'User';
  name: string;
  namespace?: string;
}

/** What `kubectl create`/`apply` or a Helm release leaves on a simple object: who wrote it, and when. */
function written(random: SeededRandom, apiVersion: string, kind: string, name: string, namespace: string | undefined, createdAt: number,
  body: Manifest, meta: Manifest = {}, manager = 'kubectl-create'): Manifest {
  const time = timestamp(createdAt);
  return {
    apiVersion, kind,
    metadata: {
      name, ...(namespace !== undefined ? { namespace } : {}), uid: random.uuid(), creationTimestamp: time, ...meta,
      managedFields: [managedFieldsEntry({ manager, operation: 'Update', apiVersion, time, wrote: { metadata: { labels: meta.labels, annotations: meta.annotations }, ...body } })],
    },
    ...body,
  };
}

export function namespaceObject(random: SeededRandom, name: string, createdAt: number, labels: Record<string, string> = {}): Manifest {
  return {
    ...written(random, 'v1', 'Namespace', name, undefined, createdAt, { spec: { finalizers: ['kubernetes'] } }, { labels: { 'kubernetes.io/metadata.name': name, ...labels } }),
    status: { phase: 'Active' },
  };
}

export function serviceAccount(random: SeededRandom, name: string, namespace: string, createdAt: number, labels?: Record<string, string>): Manifest {
  return written(random, 'v1', 'ServiceAccount', name, namespace, createdAt, {}, labels ? { labels } : {}, name === 'default' ? 'kube-controller-manager' : 'kubectl-create');
}

export function configMap(random: SeededRandom, name: string, namespace: string, createdAt: number, data: Record<string, string>, labels?: Record<string, string>): Manifest {
  return written(random, 'v1', 'ConfigMap', name, namespace, createdAt, { data }, labels ? { labels } : {}, name === 'kube-root-ca.crt' ? 'kube-controller-manager' : 'kubectl-create');
}

export function secret(random: SeededRandom, name: string, namespace: string, createdAt: number, type: string, data: Record<string, string>, labels?: Record<string, string>): Manifest {
  return written(random, 'v1', 'Secret', name, namespace, createdAt, { type, data }, labels ? { labels } : {}, type === 'helm.sh/release.v1' ? 'helm' : 'kubectl-create');
}

/** Random bytes, base64-encoded, as secret values and certificates carry them. */
export function randomBase64(random: SeededRandom, bytes: number): string {
  return Buffer.from(random.hex(bytes * 2), 'hex').toString('base64');
}

/** A PEM block of random content, the size of a real certificate. */
export function pem(random: SeededRandom, label = 'CERTIFICATE', bytes = 800): string {
  const body = randomBase64(random, bytes).replace(/(.{64})/g, '$1\n').trimEnd();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

const RBAC = 'rbac.authorization.k8s.io/v1';

export function clusterRole(random: SeededRandom, name: string, createdAt: number, rules: PolicyRule[], labels?: Record<string, string>): Manifest {
  return written(random, RBAC, 'ClusterRole', name, undefined, createdAt, { rules }, labels ? { labels } : {}, 'helm');
}

export function role(random: SeededRandom, name: string, namespace: string, createdAt: number, rules: PolicyRule[]): Manifest {
  return written(random, RBAC, 'Role', name, namespace, createdAt, { rules });
}

function subjectsOf(subjects: Subject[]): Manifest[] {
  return subjects.map((subject) => (subject.kind === 'ServiceAccount'
    ? { kind: subject.kind, name: subject.name, namespace: subject.namespace }
    : { apiGroup: 'rbac.authorization.k8s.io', kind: subject.kind, name: subject.name }));
}

export function clusterRoleBinding(random: SeededRandom, name: string, createdAt: number, roleName: string, subjects: Subject[]): Manifest {
  return written(random, RBAC, 'ClusterRoleBinding', name, undefined, createdAt, {
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName }, subjects: subjectsOf(subjects),
  }, {}, 'helm');
}

export function roleBinding(random: SeededRandom, name: string, namespace: string, createdAt: number, roleRef: { kind: 'Role' | 'ClusterRole'; name: string }, subjects: Subject[]): Manifest {
  return written(random, RBAC, 'RoleBinding', name, namespace, createdAt, {
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef }, subjects: subjectsOf(subjects),
  });
}

export function networkPolicy(random: SeededRandom, name: string, namespace: string, createdAt: number, spec: Manifest): Manifest {
  return written(random, 'networking.k8s.io/v1', 'NetworkPolicy', name, namespace, createdAt, { spec }, {}, 'argocd-controller');
}

export function ingress(random: SeededRandom, name: string, namespace: string, createdAt: number, host: string, serviceName: string, tlsSecret: string): Manifest {
  return {
    ...written(random, 'networking.k8s.io/v1', 'Ingress', name, namespace, createdAt, {
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: serviceName, port: { name: 'http' } } } }] } }],
        tls: [{ hosts: [host], secretName: tlsSecret }],
      },
    }, { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod', 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' } }),
    status: { loadBalancer: { ingress: [{ hostname: 'ingress.eu-west-1.elb.amazonaws.com' }] } },
  };
}
