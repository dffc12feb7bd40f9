/**
 * What a node of the escalation graph holds, on a small ordered scale. A subject's privilege is the highest step
 * it reaches; an escalation is a chain that ends higher than anything the subject holds directly.
 *
 * The order follows what an attacker can do next: cluster-admin ends the game; a node gives its host, its kubelet
 * and the tokens of every pod on it; reading Secrets (or mounting them into pods) in every namespace yields most of
 * the cluster's credentials; every permission in one namespace beats its Secrets alone, which beat a foothold that
 * only lets one act as some identities (exec into a namespace's pods, mint its tokens, impersonate users or groups):
 * worth no more than what those identities hold.
 */
export type PrivilegeLevel =
  | 'none'
  | 'identities'
  | 'namespace-secrets'
  | 'namespace-admin'
  | 'every-namespace'
  | 'node'
  | 'cluster-admin';

const SCALE: readonly PrivilegeLevel[] = ['none', 'identities', 'namespace-secrets', 'namespace-admin', 'every-namespace', 'node', 'cluster-admin'];

export const HIGHEST_RANK = SCALE.length - 1;

export function rankOf(level: PrivilegeLevel): number {
  return SCALE.indexOf(level);
}

/** A level on the scale, with what the subject holds at that level in words. */
export interface Privilege {
  kind: PrivilegeLevel;
  rank: number;
  description: string;
}

export function privilege(kind: PrivilegeLevel, description: string): Privilege {
  return { kind, rank: rankOf(kind), description };
}
