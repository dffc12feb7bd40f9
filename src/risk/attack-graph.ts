/**
 * One graph across the engines: the internet, the entry points (Services, Ingresses, Gateways), workloads, service
 * accounts, RBAC capabilities, Secrets, cluster-admin and node root. Every edge carries the fact behind the step.
 */
import type { EscalationNode } from '../rbac/escalation/index.js';
import { describeNode } from '../rbac/escalation/index.js';
import { describeScope } from '../rbac/escalation/nodes.js';
import { describePorts, isEmpty } from '../network/ports.js';
import type { RiskContext, WorkloadContext } from './context.js';
import { describeEntry, describeObject } from './internet.js';
import type { AttackNode, AttackStep } from './model.js';
import { describeVulnerability } from './vulnerabilities.js';

export interface AttackGraph {
  nodes: Map<string, AttackNode>;
  /** Outgoing steps by node id, sorted by target id. */
  edges: Map<string, AttackStep[]>;
}

export const INTERNET = 'internet';
export const CLUSTER_ADMIN = 'cluster-admin';
export const NODE_ROOT = 'node-root';

const withFindings = (ids: readonly string[]) => (ids.length > 0 ? { findingIds: [...ids] } : {});
const workloadNode = (context: WorkloadContext) => `workload:${context.key}`;
const accountNode = (namespace: string, name: string) => `service-account:${namespace}/${name}`;
const secretsNode = (namespace: string | undefined) => `secrets:${namespace ?? '*'}`;

class GraphBuilder {
  readonly nodes = new Map<string, AttackNode>();
  readonly edges = new Map<string, AttackStep[]>();

  node(node: AttackNode): string {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node.id;
  }

  step(step: AttackStep): void {
    const from = this.edges.get(step.from);
    if (!from) this.edges.set(step.from, [step]);
    else if (!from.some((each) => each.to === step.to)) from.push(step);
  }

  build(): AttackGraph {
    for (const steps of this.edges.values()) steps.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
    return { nodes: this.nodes, edges: this.edges };
  }
}

function secrets(builder: GraphBuilder, context: RiskContext, namespace: string | undefined): string {
  return builder.node({
    id: secretsNode(namespace),
    kind: 'secrets',
    label: `can read secrets in ${describeScope(namespace)}`,
    crownJewel: namespace === undefined || context.sensitive(namespace) !== undefined,
  });
}

/** An RBAC escalation node on the attack graph: identities are service accounts, the two targets are shared. */
function rbacNode(builder: GraphBuilder, context: RiskContext, node: EscalationNode): string {
  switch (node.kind) {
    case 'cluster-admin':
      return builder.node({ id: CLUSTER_ADMIN, kind: 'cluster-admin', label: 'cluster-admin', crownJewel: true });
    case 'node':
      return builder.node({ id: NODE_ROOT, kind: 'node-root', label: 'root on a node', crownJewel: true });
    case 'identity':
      if (node.subject.kind === 'ServiceAccount') return builder.node({ id: accountNode(node.subject.namespace ?? '', node.subject.name), kind: 'service-account', label: describeNode(node), crownJewel: false });
      return builder.node({ id: `identity:${describeNode(node)}`, kind: 'permission', label: `can act as ${describeNode(node)}`, crownJewel: false });
    case 'capability':
      if (node.capability === 'secrets') return secrets(builder, context, node.namespace);
      return builder.node({ id: `permission:${node.capability}:${node.namespace ?? '*'}`, kind: 'permission', label: `can ${describeNode(node)}`, crownJewel: false });
  }
}

function addEntries(builder: GraphBuilder, workload: WorkloadContext, target: string): void {
  for (const route of workload.routes) {
    if (!route.open) continue;
    const { exposure } = route;
    if (exposure.via === 'hostNetwork' || exposure.via === 'hostPort') {
      builder.step({ from: INTERNET, to: target, kind: 'exposes', evidence: `${exposure.detail}; ${route.why}`, ...withFindings(workload.vulnerabilityFindingIds) });
      continue;
    }
    const entry = builder.node({ id: `entry:${describeObject(exposure.object)}`, kind: 'entry', label: describeEntry(exposure), crownJewel: false });
    builder.step({ from: INTERNET, to: entry, kind: 'exposes', evidence: exposure.detail });
    const through = exposure.through.length > 0 ? ` through ${exposure.through.map(describeObject).join(', ')}` : '';
    builder.step({ from: entry, to: target, kind: 'routes-to', evidence: `routes${through} to ${describeObject(workload.ref)}; ${route.why}`, ...withFindings(workload.vulnerabilityFindingIds) });
  }
}

function addAccount(builder: GraphBuilder, context: RiskContext, workload: WorkloadContext, from: string): void {
  const { account } = workload;
  const power = account.power;
  if (!power || !account.tokenMounted || !(power.clusterAdmin || power.secrets || power.escalation)) return;
  const id = builder.node({ id: accountNode(account.namespace, account.name), kind: 'service-account', label: `ServiceAccount ${account.namespace}/${account.name}`, crownJewel: false });
  builder.step({ from, to: id, kind: 'runs-as', evidence: `its pods hold the token of ServiceAccount ${account.namespace}/${account.name}` });
  if (power.clusterAdmin) builder.step({ from: id, to: rbacNode(builder, context, { kind: 'cluster-admin' }), kind: 'rbac', evidence: `holds every permission: ${power.clusterAdmin}` });
  if (power.secrets) builder.step({ from: id, to: secrets(builder, context, power.secrets.namespace), kind: 'reads-secrets', evidence: power.secrets.evidence });
  let at = id;
  for (const step of power.escalation?.steps ?? []) {
    const to = rbacNode(builder, context, step.to);
    builder.step({ from: at, to, kind: 'rbac', evidence: `${step.action}: ${step.explanation}` });
    at = to;
  }
}

/** Workloads worth reaching sideways: their own steps lead to a crown jewel (checked after the graph is built). */
function addLateral(builder: GraphBuilder, context: RiskContext, workloads: readonly WorkloadContext[], leadsToJewel: (id: string) => boolean): void {
  const targets = workloads.filter((workload) => workload.network && leadsToJewel(workloadNode(workload)));
  for (const source of workloads) {
    if (!source.network) continue;
    for (const target of targets) {
      if (target === source || !target.network) continue;
      const verdict = context.reachability.connection({ type: 'workload', workload: source.network }, { type: 'workload', workload: target.network });
      if (isEmpty(verdict.allowed)) continue;
      const why = verdict.ingress.selectedBy.length === 0 ? 'no NetworkPolicy isolates the destination for ingress' : `NetworkPolicy ${[...new Set(verdict.ingress.matches.map((match) => match.policy))].join(', ')} admits it`;
      builder.step({ from: workloadNode(source), to: workloadNode(target), kind: 'network', evidence: `can connect on ${describePorts(verdict.allowed)}: ${why}` });
    }
  }
}

/** The nodes from which some path ends at a crown jewel: a breadth-first search backwards from the jewels. */
function jewelReach(builder: GraphBuilder): (id: string) => boolean {
  const incoming = new Map<string, string[]>();
  for (const [from, steps] of builder.edges) for (const { to } of steps) incoming.set(to, [...(incoming.get(to) ?? []), from]);
  const reached = new Set([...builder.nodes.values()].filter((node) => node.crownJewel).map((node) => node.id));
  const queue = [...reached];
  for (let next = 0; next < queue.length; next++) {
    for (const from of incoming.get(queue[next]!) ?? []) {
      if (reached.has(from)) continue;
      reached.add(from);
      queue.push(from);
    }
  }
  return (id) => reached.has(id);
}

export function attackGraphOf(context: RiskContext): AttackGraph {
  const builder = new GraphBuilder();
  builder.node({ id: INTERNET, kind: 'internet', label: 'internet', crownJewel: false });
  const workloads = [...context.workloads.values()];
  for (const workload of workloads) {
    const foothold = workload.vulnerabilities.knownExploited[0] ?? workload.vulnerabilities.fixable[0];
    const id = builder.node({ id: workloadNode(workload), kind: 'workload', label: describeObject(workload.ref), ...(foothold ? { note: describeVulnerability(foothold).replace(/ \(fixed in .*\)$/, '') } : {}), crownJewel: false });
    addEntries(builder, workload, id);
    addAccount(builder, context, workload, id);
    if (workload.host?.level === 'escape') {
      builder.step({ from: id, to: rbacNode(builder, context, { kind: 'node' }), kind: 'escapes-to-node', evidence: `its pods can take over their node: ${workload.host.reasons.join(', ')}`, ...withFindings(workload.host.findingIds) });
    }
  }
  addLateral(builder, context, workloads, jewelReach(builder));
  return builder.build();
}
