/**
 * A large, seeded RBAC estate for the RBAC benchmark: namespaces with service accounts and the workloads that run as
 * them, users and groups, Roles and ClusterRoles drawn from the shapes real clusters hold (read-only, editors, secret
 * readers, debuggers with exec, operators with wildcards, aggregated roles), and bindings that tie them together.
 */
import type { K8sObject } from '../src/model/k8s.js';
import { SeededRandom } from './seeded-random.js';

export interface RbacEstateOptions {
  subjects: number;
  roles: number;
  bindings: number;
  namespaces?: number;
  seed?: number;
}

const RBAC = 'rbac.authorization.k8s.io/v1';

const RULE_SHAPES: readonly Record<string, unknown>[] = [
  { apiGroups: [''], resources: ['pods', 'services', 'configmaps', 'endpoints'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['create', 'delete', 'get', 'list'] },
  { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
  { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['registry-credentials'] },
  { apiGroups: [''], resources: ['pods/exec', 'pods/attach'], verbs: ['create'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: ['get', 'list', 'watch', 'update'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
  { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create', 'bind'] },
  { nonResourceURLs: ['/metrics'], verbs: ['get'] },
];

const CLUSTER_ONLY_SHAPES: readonly Record<string, unknown>[] = [
  { apiGroups: [''], resources: ['nodes', 'nodes/proxy'], verbs: ['get', 'list'] },
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { apiGroups: [''], resources: ['users', 'groups', 'serviceaccounts'], verbs: ['impersonate'] },
  { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'], verbs: ['get', 'list', 'update'] },
];

export interface RbacEstate {
  objects: K8sObject[];
  counts: { subjects: number; roles: number; bindings: number; namespaces: number; workloads: number };
}

export function generateRbacEstate(options: RbacEstateOptions): RbacEstate {
  const random = new SeededRandom(options.seed ?? 1);
  const namespaceCount = options.namespaces ?? 100;
  const namespaces = Array.from({ length: namespaceCount }, (_, index) => `team-${String(index).padStart(3, '0')}`);
  const objects: K8sObject[] = namespaces.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));

  // Subjects: 60% service accounts (spread over namespaces), 30% users, 10% groups.
  const serviceAccounts = Math.round(options.subjects * 0.6);
  const users = Math.round(options.subjects * 0.3);
  const groups = options.subjects - serviceAccounts - users;
  type SubjectSpec = { kind: string; name: string; namespace?: string };
  const subjects: SubjectSpec[] = [];
  for (let index = 0; index < serviceAccounts; index++) {
    const namespace = namespaces[index % namespaceCount]!;
    const name = `app-${Math.floor(index / namespaceCount)}`;
    subjects.push({ kind: 'ServiceAccount', name, namespace });
    objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
    objects.push({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace },
      spec: { replicas: 2, template: { metadata: { labels: { app: name } }, spec: { serviceAccountName: name, containers: [{ name: 'app', image: `registry.example.com/${name}:1.0` }] } } },
    });
  }
  for (let index = 0; index < users; index++) subjects.push({ kind: 'User', name: `user-${index}@example.com` });
  for (let index = 0; index < groups; index++) subjects.push({ kind: 'Group', name: `group-${index}` });

  // Roles: a fifth cluster-wide (some aggregated), the rest in namespaces.
  const clusterRoleCount = Math.round(options.roles / 5);
  type RoleSpec = { kind: 'Role' | 'ClusterRole'; name: string; namespace?: string };
  const roles: RoleSpec[] = [];
  const rulesFor = (clusterWide: boolean) => {
    const shapes = clusterWide ? [...RULE_SHAPES, ...CLUSTER_ONLY_SHAPES] : RULE_SHAPES.filter((shape) => !('nonResourceURLs' in shape));
    return Array.from({ length: random.int(2, 8) }, () => structuredClone(random.pick(shapes)));
  };
  for (let index = 0; index < clusterRoleCount; index++) {
    const name = `cluster-role-${index}`;
    roles.push({ kind: 'ClusterRole', name });
    const aggregated = index % 25 === 0;
    objects.push({
      apiVersion: RBAC, kind: 'ClusterRole',
      metadata: { name, labels: { [`example.com/aggregate-to-${index % 4}`]: 'true' } },
      ...(aggregated ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`example.com/aggregate-to-${(index + 1) % 4}`]: 'true' } }] }, rules: [] } : { rules: rulesFor(true) }),
    });
  }
  for (let index = 0; index < options.roles - clusterRoleCount; index++) {
    const namespace = namespaces[index % namespaceCount]!;
    const name = `role-${Math.floor(index / namespaceCount)}`;
    roles.push({ kind: 'Role', name, namespace });
    objects.push({ apiVersion: RBAC, kind: 'Role', metadata: { name, namespace }, rules: rulesFor(false) });
  }

  // Bindings: 85% RoleBindings (to a Role of their namespace or a ClusterRole), 15% ClusterRoleBindings; every
  // subject is bound at least once while bindings last.
  const clusterBindings = Math.round(options.bindings * 0.15);
  let next = 0;
  const subjectsOfBinding = () => Array.from({ length: random.int(1, 3) }, () => subjects[next++ % subjects.length]!);
  const clusterRoles = roles.filter((role) => role.kind === 'ClusterRole');
  const rolesByNamespace = new Map<string, RoleSpec[]>();
  for (const role of roles) if (role.namespace) rolesByNamespace.set(role.namespace, [...(rolesByNamespace.get(role.namespace) ?? []), role]);
  for (let index = 0; index < options.bindings; index++) {
    const chosen = subjectsOfBinding().map((subject) => ({ ...(subject.kind === 'ServiceAccount' ? {} : { apiGroup: 'rbac.authorization.k8s.io' }), ...subject }));
    if (index < clusterBindings) {
      const role = random.pick(clusterRoles);
      objects.push({ apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name: `cluster-binding-${index}` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role.name }, subjects: chosen });
      continue;
    }
    const namespace = namespaces[index % namespaceCount]!;
    const local = rolesByNamespace.get(namespace) ?? [];
    const role = random.chance(0.7) && local.length > 0 ? random.pick(local) : random.pick(clusterRoles);
    objects.push({ apiVersion: RBAC, kind: 'RoleBinding', metadata: { name: `binding-${index}`, namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role.kind, name: role.name }, subjects: chosen });
  }
  return { objects, counts: { subjects: subjects.length, roles: roles.length, bindings: options.bindings, namespaces: namespaceCount, workloads: serviceAccounts } };
}
