/**
 * Edges from an identity's rights over one namespace, or over every namespace at once: the capabilities it holds
 * there, and what rules limited by resourceNames still open (named token Secrets, named service accounts).
 */
import { describeSubject } from '../users.js';
import { allowed, allowedByName, ask, describeVerb, edge, firstAllowed } from './asking.js';
import { CAPABILITY_REQUESTS, WHY, type NamespacedCapability } from './capability-requests.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Edge } from './edge.js';
import { capability, describeScope, serviceAccountNode, type CapabilityKind } from './nodes.js';
import { bindEdge } from './role-edges.js';
import type { UserPermissions } from './user-permissions.js';

/** Edges from rights over one namespace (every namespace when absent), skipping capabilities already held everywhere. */
export function namespaceEdges(permissions: UserPermissions, facts: ClusterFacts, namespace: string | undefined, heldEverywhere: ReadonlySet<CapabilityKind>): Edge[] {
  const scope = describeScope(namespace);
  if (namespace !== undefined) {
    const admin = allowed(permissions, ask('*', '*', '*', { namespace }));
    if (admin) return [edge(capability('admin', namespace), `holds every permission in ${scope}`, WHY.admin, [admin], true)];
  }
  const edges: Edge[] = [];
  for (const kind of Object.keys(CAPABILITY_REQUESTS) as NamespacedCapability[]) {
    if (heldEverywhere.has(kind)) continue;
    const found = firstAllowed(permissions, CAPABILITY_REQUESTS[kind](namespace));
    if (found) edges.push(edge(capability(kind, namespace), `can ${describeVerb(found.request)} in ${scope}`, WHY[kind], [found], true));
    else if (kind === 'secrets') edges.push(...namedTokenSecretEdges(permissions, facts, namespace));
    else if (kind === 'accounts') edges.push(...namedAccountEdges(permissions, facts, namespace));
  }
  const binding = bindEdge(permissions, facts, namespace, 'rolebindings', capability('admin', namespace));
  if (binding) edges.push(binding);
  return edges;
}

/** Reading token Secrets one by one, when resourceNames limit which Secrets may be read. */
function namedTokenSecretEdges(permissions: UserPermissions, facts: ClusterFacts, namespace: string | undefined): Edge[] {
  const readable = allowedByName(permissions, ask('get', '', 'secrets', { namespace }));
  return facts.tokenSecrets(namespace).flatMap((secret) => {
    const found = readable.find((each) => each.request.name === secret.name);
    if (!found) return [];
    const account = serviceAccountNode(secret.namespace, secret.serviceAccount);
    return [edge(account, `can read Secret ${secret.namespace}/${secret.name}, the token of ${describeSubject(account.subject)}`, WHY.secrets, [found])];
  });
}

/** Tokens or impersonation for named service accounts only. */
function namedAccountEdges(permissions: UserPermissions, facts: ClusterFacts, namespace: string | undefined): Edge[] {
  return CAPABILITY_REQUESTS.accounts(namespace).flatMap((request) =>
    allowedByName(permissions, request).flatMap((found) =>
      facts
        .serviceAccounts(namespace)
        .filter(({ subject }) => subject.name === found.request.name)
        .map((account) => edge(account, `can ${request.verb === 'impersonate' ? 'impersonate' : 'create a token for'} ${describeSubject(account.subject)}`, WHY.accounts, [found])),
    ),
  );
}

