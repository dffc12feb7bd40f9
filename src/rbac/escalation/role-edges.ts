/** Edges from writing RBAC itself: binding a role that holds every permission, or escalating one's own role. */
import { describeRole, type Binding } from '../model.js';
import { subjectApplies } from '../users.js';
import { allowed, ask, edge, firstAllowed, RBAC, WRITES } from './asking.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Edge } from './edge.js';
import { capability, CLUSTER_ADMIN, describeScope, nodeId, type EscalationNode } from './nodes.js';
import type { UserPermissions } from './user-permissions.js';

/**
 * Binding a role that holds every permission: creating (or rewriting) a binding to a role needs `bind` on that role
 * unless the writer already holds all it grants.
 */
export function bindEdge(permissions: UserPermissions, facts: ClusterFacts, namespace: string | undefined, bindings: 'rolebindings' | 'clusterrolebindings', to: EscalationNode): Edge | undefined {
  const write = firstAllowed(permissions, WRITES.map((verb) => ask(verb, RBAC, bindings, { namespace })));
  if (!write) return undefined;
  const where = bindings === 'clusterrolebindings' ? 'cluster-wide' : `in ${describeScope(namespace)}`;
  for (const role of facts.adminRoles(bindings === 'rolebindings' ? namespace : undefined)) {
    const bind = allowed(permissions, ask('bind', RBAC, role.kind === 'Role' ? 'roles' : 'clusterroles', { name: role.name, namespace }));
    if (bind) return edge(to, `can bind ${describeRole(role)} ${where}`, 'a binding of its own to a role holding every permission', [write, bind]);
  }
  return undefined;
}

/** Adding every permission to a role the identity is bound to: `escalate` lifts the rule that one cannot grant more than one holds. */
export function escalateEdges(permissions: UserPermissions): Edge[] {
  const edges = new Map<string, Edge>();
  // Bindings naming the identity itself first: its own role is the one to rewrite, not one shared by a whole group.
  const own = (binding: Binding) => binding.subjects.some((subject) => subject.kind !== 'Group' && subjectApplies(subject, permissions.user));
  for (const binding of [...permissions.bindings.filter(own), ...permissions.bindings.filter((binding) => !own(binding))]) {
    const to = escalationTarget(binding);
    const key = nodeId(to);
    if (edges.has(key)) continue;
    const resource = binding.role.kind === 'Role' ? 'roles' : 'clusterroles';
    const where = { name: binding.role.name, ...(binding.role.kind === 'Role' ? { namespace: binding.role.namespace } : {}) };
    const escalate = allowed(permissions, ask('escalate', RBAC, resource, where));
    const write = escalate && firstAllowed(permissions, ['update', 'patch'].map((verb) => ask(verb, RBAC, resource, where)));
    if (escalate && write) edges.set(key, edge(to, `can escalate ${describeRole(binding.role)}, which it is bound to`, 'a rule granting every verb on every resource, added to its own role', [escalate, write]));
  }
  return [...edges.values()];
}

function escalationTarget(binding: Binding): EscalationNode {
  return binding.key.kind === 'ClusterRoleBinding' ? CLUSTER_ADMIN : capability('admin', binding.key.namespace);
}

