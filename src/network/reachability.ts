/**
 * Who can reach whom under NetworkPolicies (networking.k8s.io/v1), as the API defines it: a pod is isolated in a
 * direction only when a policy selecting it has that policy type; policies add up; a connection needs the source's
 * egress and the destination's ingress to allow it; rules match when a peer and a port match; named ports resolve on
 * the destination pod. Pods on the host network are outside every policy.
 *
 * ipBlock peers match addresses. Pod and node addresses are not known from manifests or the API's objects, so an
 * ipBlock is taken to match pods (host-network ones included) when it admits a private (RFC 1918 or shared
 * 100.64/10) address, where pod and node networks live: the answer is then what may be allowed, never less.
 */
import { selectorMatches } from '../model/label-selector.js';
import { admitsAddress, admitsInternet, admitted, parseCidr, type Block } from './ip.js';
import { ALL_PORTS, intersect, NO_PORTS, portSet, union, type PortSet } from './ports.js';
import type { Peer, Policy, PolicyPort, PolicyRule } from './policy.js';
import { workloadId, type NetworkEstate, type Workload } from './estate.js';

export type Endpoint =
  | { type: 'workload'; workload: Workload }
  /** Any address outside the cluster. */
  | { type: 'internet' }
  | { type: 'address'; block: Block; text: string };

export type Direction = 'ingress' | 'egress';

/** A rule of a policy that lets the connection through, and on which ports. */
export interface RuleMatch {
  policy: string;
  direction: Direction;
  index: number;
  ports: PortSet;
}

export interface SideVerdict {
  /** Policies that select the pod for this direction; none means the side allows everything. */
  selectedBy: string[];
  matches: RuleMatch[];
  allowed: PortSet;
  /** Why the side allows everything, when it does not check: an address outside the cluster, the host network. */
  unenforced?: string;
}

export interface Verdict {
  egress: SideVerdict;
  ingress: SideVerdict;
  /** The ports (per protocol) on which the connection is allowed: both sides must allow them. */
  allowed: PortSet;
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map((cidr) => parseCidr(cidr)!);

const policyId = (policy: Policy): string => `${policy.namespace}/${policy.name}`;

function ipBlockMatchesPods(peer: Extract<Peer, { type: 'ipBlock' }>): boolean {
  return admitted(peer.cidr, peer.except).some(([low, high]) =>
    PRIVATE.some((range) => range.family === peer.cidr.family && low <= range.interval[1] && high >= range.interval[0]));
}

export class Reachability {
  private readonly namespaceLabels: Map<string, Record<string, string>>;
  /** For each workload, the policies isolating it per direction. */
  private readonly isolating = new Map<string, Record<Direction, Policy[]>>();
  /** For each peer, the workloads it matches (computed on first use). */
  private readonly peerMatches = new Map<Peer, Set<string>>();

  constructor(private readonly estate: NetworkEstate) {
    this.namespaceLabels = estate.namespaces;
    for (const workload of estate.workloads) {
      const selecting = workload.hostNetwork
        ? []
        : estate.policies.filter((policy) => policy.namespace === workload.namespace && selectorMatches(policy.podSelector, workload.labels));
      this.isolating.set(workloadId(workload), {
        ingress: selecting.filter((policy) => policy.types.ingress),
        egress: selecting.filter((policy) => policy.types.egress),
      });
    }
  }

  get workloads(): readonly Workload[] {
    return this.estate.workloads;
  }

  /** What a connection from `source` to `destination` may use, and the policies and rules that decide it. */
  connection(source: Endpoint, destination: Endpoint): Verdict {
    const egress = this.side('egress', source, destination, destination);
    const ingress = this.side('ingress', destination, source, destination);
    return { egress, ingress, allowed: intersect(egress.allowed, ingress.allowed) };
  }

  /** One side: `self` is the pod whose policies decide, `peer` the other end, `target` the pod named ports resolve on. */
  private side(direction: Direction, self: Endpoint, peer: Endpoint, target: Endpoint): SideVerdict {
    if (self.type !== 'workload') return { selectedBy: [], matches: [], allowed: ALL_PORTS, unenforced: 'outside the cluster' };
    if (self.workload.hostNetwork) return { selectedBy: [], matches: [], allowed: ALL_PORTS, unenforced: 'on the host network, where NetworkPolicies do not apply' };
    const policies = this.isolating.get(workloadId(self.workload))?.[direction] ?? [];
    if (policies.length === 0) return { selectedBy: [], matches: [], allowed: ALL_PORTS };
    const matches: RuleMatch[] = [];
    for (const policy of policies) {
      (policy[direction] ?? []).forEach((rule, index) => {
        if (!this.ruleReaches(rule, policy, peer)) return;
        const ports = this.rulePorts(rule, target);
        matches.push({ policy: policyId(policy), direction, index, ports });
      });
    }
    return { selectedBy: policies.map(policyId), matches, allowed: matches.reduce((all, match) => union(all, match.ports), NO_PORTS) };
  }

  private ruleReaches(rule: PolicyRule, policy: Policy, peer: Endpoint): boolean {
    if (rule.peers === 'all') return true;
    return rule.peers.some((each) => this.peerReaches(each, policy, peer));
  }

  private peerReaches(peer: Peer, policy: Policy, endpoint: Endpoint): boolean {
    switch (peer.type) {
      case 'invalid':
        return false;
      case 'ipBlock':
        if (endpoint.type === 'internet') return admitsInternet(peer.cidr, peer.except);
        if (endpoint.type === 'address') return admitsAddress(peer.cidr, peer.except, endpoint.block);
        // Host-network pods speak from their node's address, which lives in private ranges too.
        return ipBlockMatchesPods(peer);
      case 'pods': {
        if (endpoint.type !== 'workload' || endpoint.workload.hostNetwork) return false;
        let matched = this.peerMatches.get(peer);
        if (!matched) {
          matched = new Set(this.estate.workloads.filter((workload) => this.podPeerMatches(peer, policy, workload)).map(workloadId));
          this.peerMatches.set(peer, matched);
        }
        return matched.has(workloadId(endpoint.workload));
      }
    }
  }

  private podPeerMatches(peer: Extract<Peer, { type: 'pods' }>, policy: Policy, workload: Workload): boolean {
    const inNamespace = peer.namespaceSelector === undefined
      ? workload.namespace === policy.namespace
      : selectorMatches(peer.namespaceSelector, this.namespaceLabels.get(workload.namespace) ?? {});
    return inNamespace && (peer.podSelector === undefined || selectorMatches(peer.podSelector, workload.labels));
  }

  private rulePorts(rule: PolicyRule, target: Endpoint): PortSet {
    if (rule.ports === 'all') return ALL_PORTS;
    return rule.ports.reduce((all, port) => union(all, portsOf(port, target)), NO_PORTS);
  }
}

function portsOf(port: PolicyPort, target: Endpoint): PortSet {
  if (port.protocol === 'invalid') return NO_PORTS;
  if (port.port === undefined) return portSet(port.protocol, [[1, 65535]]);
  if (typeof port.port === 'number') return portSet(port.protocol, [[port.port, port.endPort ?? port.port]]);
  if (target.type !== 'workload') return NO_PORTS;
  const named = target.workload.ports.filter((each) => each.name === port.port && each.protocol === port.protocol);
  return portSet(port.protocol, named.map((each) => [each.port, each.port] as const));
}
