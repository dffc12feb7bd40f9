/**
 * The facts of a ClusterView the escalation edges need, indexed once: which service accounts exist in each
 * namespace, which workloads run as them (and on which node), which Secrets hold their tokens, where privileged pods
 * already run, and which users, groups and roles the bindings name.
 */
import type { ClusterView, TokenSecretFact, WorkloadFact } from '../cluster-view.js';
import type { RoleKey } from '../model.js';
import { MASTERS, type Subject } from '../users.js';
import { identity, nodeId, type IdentityNode } from './nodes.js';

const DEFAULT_ACCOUNT = 'default';

/** A rule granting every verb on every resource of every group: the shape of cluster-admin. */
function holdsEverything(view: ClusterView, key: RoleKey): boolean {
  return view.model.rulesOf(key).some(({ rule }) => rule.verbs.includes('*') && rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.resourceNames.length === 0);
}

export class ClusterFacts {
  /** Namespace -> service-account names. */
  private readonly accounts = new Map<string, Set<string>>();
  /** The workloads to name for each service account: top-level ones before the pods their controllers made. */
  private readonly workloadList: WorkloadFact[];
  readonly users: IdentityNode[];
  readonly groups: IdentityNode[];
  /** Binding subjects (User, Group, ServiceAccount), then every service account: whose escalations are searched. */
  readonly startingSubjects: Subject[];
  private everything: RoleKey[] | undefined;

  constructor(private readonly view: ClusterView) {
    this.workloadList = [...view.workloads.filter((workload) => !workload.controlled), ...view.workloads.filter((workload) => workload.controlled)];
    const named = view.model.bindings().flatMap((binding) => binding.subjects).filter((subject) => ['User', 'Group', 'ServiceAccount'].includes(subject.kind) && (subject.kind !== 'ServiceAccount' || subject.namespace));
    const identities = named.map(identity);

    for (const namespace of view.namespaces) this.addAccount(namespace, DEFAULT_ACCOUNT);
    for (const account of view.serviceAccounts) this.addAccount(account.namespace, account.name);
    for (const workload of view.workloads) this.addAccount(workload.namespace, workload.serviceAccount);
    for (const secret of view.tokenSecrets) this.addAccount(secret.namespace, secret.serviceAccount);
    // A binding naming a service account is taken as evidence it exists: installers create the two together.
    for (const { subject } of identities) if (subject.kind === 'ServiceAccount') this.addAccount(subject.namespace!, subject.name);

    this.users = unique(identities.filter(({ subject }) => subject.kind === 'User'));
    this.groups = unique([identity({ kind: 'Group', name: MASTERS }), ...identities.filter(({ subject }) => subject.kind === 'Group')]);
    this.startingSubjects = unique([...identities, ...this.serviceAccounts(undefined)]).map((node) => node.subject);
  }

  private addAccount(namespace: string, name: string): void {
    const names = this.accounts.get(namespace) ?? new Set<string>([DEFAULT_ACCOUNT]);
    names.add(name);
    this.accounts.set(namespace, names);
  }

  /** Every service account known in the namespace (in every namespace when absent), `default` included. */
  serviceAccounts(namespace: string | undefined): IdentityNode[] {
    const namespaces = namespace === undefined ? [...this.accounts.keys()].sort() : [namespace];
    return namespaces.flatMap((each) => [...(this.accounts.get(each) ?? [DEFAULT_ACCOUNT])].sort().map((name) => identity({ kind: 'ServiceAccount', namespace: each, name })));
  }

  /** Workloads in the namespace (every namespace when absent). */
  workloads(namespace: string | undefined): WorkloadFact[] {
    return namespace === undefined ? this.workloadList : this.workloadList.filter((workload) => workload.namespace === namespace);
  }

  /** Pods scheduled on the node. */
  podsOn(nodeName: string): WorkloadFact[] {
    return this.workloadList.filter((workload) => workload.nodeName === nodeName);
  }

  tokenSecrets(namespace: string | undefined): TokenSecretFact[] {
    const secrets = this.view.tokenSecrets;
    return namespace === undefined ? secrets : secrets.filter((secret) => secret.namespace === namespace);
  }

  /**
   * A workload already running privileged or with a hostPath volume in the namespace (any namespace when absent):
   * proof that admission there lets such pods in.
   */
  privilegedWorkload(namespace: string | undefined): WorkloadFact | undefined {
    return this.workloads(namespace).find((workload) => workload.privileged || workload.hostPath);
  }

  /**
   * Roles that hold every permission, which binding grants whole: cluster-admin (present in every cluster, listed or
   * not), ClusterRoles of its shape and, in a namespace, Roles of its shape there.
   */
  adminRoles(namespace: string | undefined): RoleKey[] {
    this.everything ??= this.view.model
      .allRoles()
      .map((role) => role.key)
      .filter((key) => !(key.kind === 'ClusterRole' && key.name === 'cluster-admin') && holdsEverything(this.view, key))
      .sort((a, b) => a.name.localeCompare(b.name));
    const clusterRoles = this.everything.filter((key) => key.kind === 'ClusterRole');
    const roles = namespace === undefined ? [] : this.everything.filter((key) => key.kind === 'Role' && key.namespace === namespace);
    return [{ kind: 'ClusterRole', name: 'cluster-admin' }, ...clusterRoles, ...roles];
  }
}

function unique(nodes: IdentityNode[]): IdentityNode[] {
  const seen = new Map<string, IdentityNode>();
  for (const node of nodes) if (!seen.has(nodeId(node))) seen.set(nodeId(node), node);
  return [...seen.values()];
}
