/**
 * Where a capability or a node leads: to the service accounts it lets its holder act as, and, for pod creation where
 * privileged pods are admitted, to the node. These steps follow from what the cluster runs, not from a grant.
 *
 * Pod Security admission is unknown here (namespace labels and admission configuration are not in the view), so
 * pod creation reaches a node only where a privileged or hostPath workload already runs: proof that admission in
 * that namespace lets such pods in. Elsewhere it stops at the namespace's service accounts and Secrets.
 */
import type { WorkloadFact } from '../cluster-view.js';
import { describeSubject } from '../users.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { Edge } from './edge.js';
import { capability, describeScope, host, nodeId, serviceAccountNode, type CapabilityNode, type HostNode, type IdentityNode } from './nodes.js';

function step(to: IdentityNode | HostNode | CapabilityNode, action: string, explanation: string): Edge {
  return { to, action, explanation, grants: [], held: false };
}

/** One edge per service account, naming the first workload (or token Secret) that holds its token. */
function tokenHolders<Holder extends { namespace: string; serviceAccount: string }>(holders: Holder[], action: (holder: Holder, account: IdentityNode) => Edge): Edge[] {
  const edges = new Map<string, Edge>();
  for (const holder of holders) {
    const account = serviceAccountNode(holder.namespace, holder.serviceAccount);
    if (!edges.has(nodeId(account))) edges.set(nodeId(account), action(holder, account));
  }
  return [...edges.values()];
}

const workloadName = (workload: WorkloadFact): string => `${workload.kind} ${workload.namespace}/${workload.name}`;

export function capabilityEdges(node: CapabilityNode, facts: ClusterFacts): Edge[] {
  const scope = describeScope(node.namespace);
  switch (node.capability) {
    case 'admin':
      return [step(capability('pods', node.namespace), `can create pods in ${scope}`, `every permission in ${scope} includes creating pods`)];
    case 'pods': {
      const accounts = facts.serviceAccounts(node.namespace).map((account) =>
        step(account, `can run as ${describeSubject(account.subject)}`, `a pod in namespace ${account.subject.namespace} may name serviceAccountName ${account.subject.name} and is given its token`),
      );
      const privileged = facts.privilegedWorkload(node.namespace);
      if (!privileged) return accounts;
      const evidence = `${workloadName(privileged)} already runs privileged or with a hostPath volume, so admission there admits such pods; one placed on a node (spec.nodeName) controls that node`;
      return [...accounts, step(host(), `can run a privileged pod in namespace ${privileged.namespace}`, evidence)];
    }
    case 'exec':
      return tokenHolders(facts.workloads(node.namespace), (workload, account) =>
        step(account, `can run code as ${describeSubject(account.subject)} in ${workloadName(workload)}`, `${workloadName(workload)} runs as ${describeSubject(account.subject)}, whose token is mounted in its pods`),
      );
    case 'secrets':
      return tokenHolders(facts.tokenSecrets(node.namespace), (secret, account) =>
        step(account, `can read the token of ${describeSubject(account.subject)}`, `Secret ${secret.namespace}/${secret.name} is the service-account token of ${describeSubject(account.subject)}`),
      );
    case 'accounts':
      return facts.serviceAccounts(node.namespace).map((account) => step(account, `can act as ${describeSubject(account.subject)}`, `its rights extend to every service account of ${scope}`));
    case 'users':
    case 'groups':
      return (node.capability === 'users' ? facts.users : facts.groups).map((target) => step(target, `can act as ${describeSubject(target.subject)}`, `it may impersonate every ${node.capability === 'users' ? 'user' : 'group'}`));
  }
}

/**
 * Root on a node holds the tokens of the pods running there. A node of the attacker's choosing is the node of any
 * workload: a pod can be placed next to it by naming the node.
 */
export function hostEdges(node: HostNode, facts: ClusterFacts): Edge[] {
  const workloads = node.name === undefined ? facts.workloads(undefined) : facts.podsOn(node.name);
  const where = node.name === undefined ? 'its node' : `node ${node.name}`;
  return tokenHolders(workloads, (workload, account) =>
    step(account, `can take the token of ${describeSubject(account.subject)} from ${workloadName(workload)}`, `${workloadName(workload)} runs on ${where} as ${describeSubject(account.subject)}; its token sits in the kubelet's pod volumes`),
  );
}
