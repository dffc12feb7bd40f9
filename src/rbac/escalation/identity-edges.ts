/**
 * What an identity can do that leads somewhere: each edge is a question put to the authorizer (through the user's
 * indexed bindings) and, when allowed, the capability, identity or target it opens.
 */
import { describeRole } from '../model.js';
import { MASTERS } from '../users.js';
import { allowed, ask, edge } from './asking.js';
import type { ClusterFacts } from './cluster-facts.js';
import { clusterEdges } from './cluster-edges.js';
import type { Edge } from './edge.js';
import { namespaceEdges } from './namespace-edges.js';
import { CLUSTER_ADMIN } from './nodes.js';
import { escalateEdges } from './role-edges.js';
import type { UserPermissions } from './user-permissions.js';

/** Every edge out of an identity whose rights the permissions describe. */
export function identityEdges(permissions: UserPermissions, facts: ClusterFacts): Edge[] {
  if (permissions.isMaster) {
    return [{ to: CLUSTER_ADMIN, action: `is in group ${MASTERS}`, explanation: `${MASTERS} passes every authorization check; no binding grants it and none can take it away`, grants: [], held: true }];
  }
  const everything = allowed(permissions, ask('*', '*', '*'));
  if (everything) return [edge(CLUSTER_ADMIN, `is bound to ${describeRole(everything.grant.role)}`, 'every verb on every resource, cluster-wide', [everything], true)];
  const everywhere = namespaceEdges(permissions, facts, undefined, new Set());
  const heldEverywhere = new Set(everywhere.flatMap(({ to }) => (to.kind === 'capability' ? [to.capability] : [])));
  return [
    ...clusterEdges(permissions, facts),
    ...everywhere,
    ...permissions.namespaces().flatMap((namespace) => namespaceEdges(permissions, facts, namespace, heldEverywhere)),
    ...escalateEdges(permissions),
  ];
}

