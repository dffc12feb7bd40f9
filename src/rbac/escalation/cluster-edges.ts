/** Edges from cluster-scoped rights: impersonating users and groups, the kubelet API, certificates, volumes. */
import { describeSubject, MASTERS } from '../users.js';
import { allowed, allowedByName, allowedForSomeName, ask, describeVerb, edge, firstAllowed } from './asking.js';
import { CAPABILITY_REQUESTS } from './capability-requests.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Edge } from './edge.js';
import { capability, CLUSTER_ADMIN, describeScope, host, identity } from './nodes.js';
import { bindEdge } from './role-edges.js';
import type { UserPermissions } from './user-permissions.js';

const CERTIFICATES = 'certificates.k8s.io';

/** Edges from cluster-scoped rights: impersonating users and groups, the kubelet API, certificates, volumes, bindings. */
export function clusterEdges(permissions: UserPermissions, facts: ClusterFacts): Edge[] {
  return [
    ...impersonationEdges(permissions, 'users'),
    ...impersonationEdges(permissions, 'groups'),
    ...nodeProxyEdges(permissions),
    ...[certificateEdge(permissions), volumeEdge(permissions), bindEdge(permissions, facts, undefined, 'clusterrolebindings', CLUSTER_ADMIN)].filter((each) => each !== undefined),
  ];
}

function impersonationEdges(permissions: UserPermissions, resource: 'users' | 'groups'): Edge[] {
  const why = 'requests sent with Impersonate headers carry the rights of whom they name';
  const request = ask('impersonate', '', resource);
  const any = allowed(permissions, request);
  if (any) return [edge(capability(resource, undefined), `can ${describeVerb(request)}`, why, [any], true)];
  return allowedByName(permissions, request).map((found) => {
    const target = identity({ kind: resource === 'users' ? 'User' : 'Group', name: found.request.name! });
    return edge(target, `can impersonate ${describeSubject(target.subject)}`, why, [found]);
  });
}

function nodeProxyEdges(permissions: UserPermissions): Edge[] {
  const why = "the kubelet API behind nodes/proxy runs commands in every pod of the node, past admission and audit";
  for (const verb of ['get', 'create']) {
    const request = ask(verb, '', 'nodes', { subresource: 'proxy' });
    const any = allowed(permissions, request);
    if (any) return [edge(host(), `can ${describeVerb(request)} on every node`, why, [any])];
    const named = allowedByName(permissions, request);
    if (named.length > 0) return named.map((found) => edge(host(found.request.name), `can ${describeVerb(request)} on node ${found.request.name}`, why, [found]));
  }
  return [];
}

/** Approving a CSR for the kube-apiserver-client signer, which signs whatever subject it asks, system:masters included. */
function certificateEdge(permissions: UserPermissions): Edge | undefined {
  const create = allowed(permissions, ask('create', CERTIFICATES, 'certificatesigningrequests'));
  const approve = create && allowedForSomeName(permissions, ['update', 'patch'].map((verb) => ask(verb, CERTIFICATES, 'certificatesigningrequests', { subresource: 'approval' })));
  const read = approve && allowedForSomeName(permissions, ['get', 'list', 'watch'].map((verb) => ask(verb, CERTIFICATES, 'certificatesigningrequests')));
  const signer = read && firstAllowed(permissions, ['kubernetes.io/kube-apiserver-client', 'kubernetes.io/*'].map((name) => ask('approve', CERTIFICATES, 'signers', { name })));
  if (!create || !approve || !read || !signer) return undefined;
  return edge(CLUSTER_ADMIN, `can create and approve a client certificate in group ${MASTERS}`, 'the kube-apiserver-client signer issues an approved CSR for any subject', [create, approve, read, signer]);
}

/** A hostPath PersistentVolume, claimed by a pod it can create: admission checks the pod, not the volume it claims. */
function volumeEdge(permissions: UserPermissions): Edge | undefined {
  const volume = allowed(permissions, ask('create', '', 'persistentvolumes'));
  if (!volume) return undefined;
  for (const namespace of [undefined, ...permissions.namespaces()]) {
    const claim = allowed(permissions, ask('create', '', 'persistentvolumeclaims', { namespace }));
    const pod = claim && firstAllowed(permissions, CAPABILITY_REQUESTS.pods(namespace));
    if (claim && pod) return edge(host(), `can mount a hostPath PersistentVolume in a pod in ${describeScope(namespace)}`, "the volume exposes the node's filesystem to the pod", [volume, claim, pod]);
  }
  return undefined;
}
