/**
 * The nodes of the escalation graph: identities (whose power lies in what they can do), capabilities an identity
 * holds in one namespace or in all of them, and the two targets beyond RBAC: cluster-admin and root on a node.
 */
import { describeSubject, serviceAccountOf, type Subject } from '../users.js';
import { privilege, type Privilege, type PrivilegeLevel } from './privilege.js';

/**
 * - admin: every verb on every resource;
 * - pods: create pods or pod controllers (a pod runs as any service account of its namespace, mounts any Secret);
 * - exec: run code in pods already running (exec, attach, ephemeral containers, a new image);
 * - secrets: read Secrets (service-account token Secrets among them);
 * - accounts: obtain any service account's rights directly (TokenRequest, impersonation);
 * - users, groups: impersonate any user or any group (cluster-wide by nature: they have no namespace).
 */
export type CapabilityKind = 'admin' | 'pods' | 'exec' | 'secrets' | 'accounts' | 'users' | 'groups';

export interface IdentityNode {
  kind: 'identity';
  subject: Subject;
}

export interface CapabilityNode {
  kind: 'capability';
  capability: CapabilityKind;
  /** Absent: in every namespace. */
  namespace?: string;
}

export interface ClusterAdminNode {
  kind: 'cluster-admin';
}

export interface HostNode {
  kind: 'node';
  /** Absent: a node of the attacker's choosing (any pod can be placed on any node by naming it). */
  name?: string;
}

export type EscalationNode = IdentityNode | CapabilityNode | ClusterAdminNode | HostNode;

export const CLUSTER_ADMIN: ClusterAdminNode = { kind: 'cluster-admin' };

/**
 * The subject a binding subject authenticates as: a User whose name is a service-account user name is that service
 * account. Other kinds are kept as they are.
 */
export function identity(subject: Subject): IdentityNode {
  const serviceAccount = subject.kind === 'User' ? serviceAccountOf(subject.name) : undefined;
  if (serviceAccount) return { kind: 'identity', subject: { kind: 'ServiceAccount', ...serviceAccount } };
  return { kind: 'identity', subject: { kind: subject.kind, name: subject.name, ...(subject.namespace ? { namespace: subject.namespace } : {}) } };
}

export function serviceAccountNode(namespace: string, name: string): IdentityNode {
  return { kind: 'identity', subject: { kind: 'ServiceAccount', namespace, name } };
}

export function capability(kind: CapabilityKind, namespace: string | undefined): CapabilityNode {
  return { kind: 'capability', capability: kind, ...(namespace === undefined ? {} : { namespace }) };
}

export function host(name?: string): HostNode {
  return { kind: 'node', ...(name === undefined ? {} : { name }) };
}

export function nodeId(node: EscalationNode): string {
  switch (node.kind) {
    case 'identity':
      return `identity:${node.subject.kind}:${node.subject.namespace ?? ''}:${node.subject.name}`;
    case 'capability':
      return `capability:${node.capability}:${node.namespace ?? '*'}`;
    case 'cluster-admin':
      return 'cluster-admin';
    case 'node':
      return `node:${node.name ?? '*'}`;
  }
}

/** `namespace ci` or `every namespace`. */
export function describeScope(namespace: string | undefined): string {
  return namespace === undefined ? 'every namespace' : `namespace ${namespace}`;
}

/** Impersonating users or groups has no namespace to be limited to. */
const unscoped = (kind: CapabilityKind): boolean => kind === 'users' || kind === 'groups';

const CAPABILITY_WORDS: Record<CapabilityKind, string> = {
  admin: 'every permission in',
  pods: 'create pods in',
  exec: 'run code in the pods of',
  secrets: 'read the Secrets of',
  accounts: 'act as any service account of',
  users: 'impersonate any user',
  groups: 'impersonate any group',
};

export function describeNode(node: EscalationNode): string {
  switch (node.kind) {
    case 'identity':
      return describeSubject(node.subject);
    case 'capability':
      if (unscoped(node.capability)) return CAPABILITY_WORDS[node.capability];
      return `${CAPABILITY_WORDS[node.capability]} ${describeScope(node.namespace)}`;
    case 'cluster-admin':
      return 'cluster-admin';
    case 'node':
      return node.name === undefined ? 'root on a node of its choosing' : `root on node ${node.name}`;
  }
}

/** A capability's level in one namespace; in every namespace, any but impersonation is `every-namespace`. */
const NAMESPACE_LEVEL: Record<CapabilityKind, PrivilegeLevel> = {
  admin: 'namespace-admin',
  pods: 'namespace-secrets',
  secrets: 'namespace-secrets',
  exec: 'identities',
  accounts: 'identities',
  users: 'identities',
  groups: 'identities',
};

export function levelOf(node: EscalationNode): PrivilegeLevel {
  switch (node.kind) {
    case 'identity':
      return 'none';
    case 'capability':
      return node.namespace === undefined && !unscoped(node.capability) ? 'every-namespace' : NAMESPACE_LEVEL[node.capability];
    case 'cluster-admin':
    case 'node':
      return node.kind;
  }
}

/** What holding the node itself amounts to; an identity holds nothing by itself, only through its edges. */
export function privilegeOf(node: EscalationNode): Privilege {
  return privilege(levelOf(node), node.kind === 'identity' ? 'nothing beyond its own identity' : describeNode(node));
}
