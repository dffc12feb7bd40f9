/**
 * What the service account a workload runs as can do, from the RBAC engine: what it holds (cluster-admin, reading
 * Secrets) and the escalation path to more, when there is one.
 */
import { findEscalationPaths, type EscalationPath } from '../rbac/escalation/index.js';
import type { ClusterView } from '../rbac/cluster-view.js';
import { describeBinding, describeRole, type Decision } from '../rbac/model.js';
import type { ResourceRequest } from '../rbac/request.js';
import { impersonated, serviceAccountUser } from '../rbac/users.js';

export interface SecretsRead {
  /** Absent: every namespace. */
  namespace?: string;
  evidence: string;
}

export interface AccountPower {
  namespace: string;
  name: string;
  /** Bound to every verb on every resource cluster-wide, with the grant in words. */
  clusterAdmin?: string;
  /** Reads Secrets in its namespace or in all of them. */
  secrets?: SecretsRead;
  /** A chain of RBAC steps to more than it holds (cluster-admin, a node, Secrets elsewhere). */
  escalation?: EscalationPath;
}

export const accountKey = (namespace: string, name: string): string => `${namespace}/${name}`;

function grantWords(decision: Decision): string | undefined {
  if (!decision.allowed) return undefined;
  if (!decision.grant) return 'member of system:masters';
  return `${describeRole(decision.grant.role)} through ${describeBinding(decision.grant.binding)}`;
}

const EVERYTHING: ResourceRequest = { type: 'resource', verb: '*', group: '*', resource: '*' };

function secretsRequest(verb: string, namespace?: string): ResourceRequest {
  return { type: 'resource', verb, group: '', resource: 'secrets', ...(namespace === undefined ? {} : { namespace }) };
}

/** The powers of each service account named, keyed by `namespace/name`; one escalation search for all of them. */
export function accountPowers(view: ClusterView, accounts: readonly { namespace: string; name: string }[]): Map<string, AccountPower> {
  const unique = [...new Map(accounts.map((account) => [accountKey(account.namespace, account.name), account])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const paths = findEscalationPaths(view, { subjects: unique.map(([, account]) => ({ kind: 'ServiceAccount', ...account })) });
  const escalations = new Map(paths.map((path) => [accountKey(path.start.namespace ?? '', path.start.name), path]));
  const powers = new Map<string, AccountPower>();
  for (const [key, { namespace, name }] of unique) {
    const user = impersonated(serviceAccountUser(namespace, name));
    const power: AccountPower = { namespace, name };
    const admin = grantWords(view.model.authorize(user, EVERYTHING));
    if (admin) power.clusterAdmin = admin;
    const everywhere = grantWords(view.model.authorize(user, secretsRequest('list')));
    const here = everywhere ? undefined : grantWords(view.model.authorize(user, secretsRequest('get', namespace))) ?? grantWords(view.model.authorize(user, secretsRequest('list', namespace)));
    if (everywhere) power.secrets = { evidence: `can list secrets in every namespace (${everywhere})` };
    else if (here) power.secrets = { namespace, evidence: `can read secrets in namespace ${namespace} (${here})` };
    const escalation = escalations.get(key);
    if (escalation) power.escalation = escalation;
    powers.set(key, power);
  }
  return powers;
}
