// Reading NetworkPolicy specs with the API server's defaults (networking/v1 SetDefaults_NetworkPolicy): a policy
// without policyTypes affects Ingress, and Egress too when it has egress rules.
import { isRecord, list, record, type K8sObject } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';

export type Direction = 'Ingress' | 'Egress';

const RULES_FIELD: Readonly<Record<Direction, 'ingress' | 'egress'>> = { Ingress: 'ingress', Egress: 'egress' };
const PEERS_FIELD: Readonly<Record<Direction, 'from' | 'to'>> = { Ingress: 'from', Egress: 'to' };

export interface RuleAt {
  rule: Record<string, unknown>;
  path: FieldPath;
}

export interface OpenIpBlock {
  cidr: string;
  path: FieldPath;
}

/** The spec of a NetworkPolicy, or undefined for other kinds and policies without a spec object. */
export function policySpec(object: K8sObject): Record<string, unknown> | undefined {
  return object.kind === 'NetworkPolicy' ? record(object.spec) : undefined;
}

export function affects(spec: Record<string, unknown>, direction: Direction): boolean {
  const types = list(spec.policyTypes);
  if (types.length > 0) return types.includes(direction);
  return direction === 'Ingress' || list(spec.egress).length > 0;
}

export function rulesOf(spec: Record<string, unknown>, direction: Direction): RuleAt[] {
  const field = RULES_FIELD[direction];
  const out: RuleAt[] = [];
  list(spec[field]).forEach((rule, index) => {
    if (isRecord(rule)) out.push({ rule, path: ['spec', field, index] });
  });
  return out;
}

function absentOrEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** A rule with no peers and no ports admits every source (or destination) on every port. */
export function allowsEverything(rule: Record<string, unknown>, direction: Direction): boolean {
  return absentOrEmpty(rule[PEERS_FIELD[direction]]) && absentOrEmpty(rule.ports);
}

/** A range that admits every address of its family. */
export function isWorldRange(cidr: string): boolean {
  return /^(0\.0\.0\.0|::|0:0:0:0:0:0:0:0)\/0$/.test(cidr.trim());
}

/** Peers of the rule that are ipBlocks of 0.0.0.0/0 or ::/0 without exceptions. */
export function openIpBlocks(rule: RuleAt, direction: Direction): OpenIpBlock[] {
  const field = PEERS_FIELD[direction];
  const out: OpenIpBlock[] = [];
  list(rule.rule[field]).forEach((peer, index) => {
    const block = record(isRecord(peer) ? peer.ipBlock : undefined);
    if (!block || typeof block.cidr !== 'string' || !isWorldRange(block.cidr) || list(block.except).length > 0) return;
    out.push({ cidr: block.cidr, path: [...rule.path, field, index, 'ipBlock', 'cidr'] });
  });
  return out;
}

/** An absent or empty podSelector selects every pod of the namespace. */
export function selectsAllPods(spec: Record<string, unknown>): boolean {
  if (spec.podSelector === undefined || spec.podSelector === null) return true;
  const selector = record(spec.podSelector);
  if (!selector) return false;
  const labels = record(selector.matchLabels);
  return (labels === undefined || Object.keys(labels).length === 0) && list(selector.matchExpressions).length === 0;
}

/** A policy that isolates every pod of its namespace in `direction` without opening it again to everything. */
export function deniesByDefault(spec: Record<string, unknown>, direction: Direction): boolean {
  return selectsAllPods(spec) && affects(spec, direction) && !rulesOf(spec, direction).some(({ rule }) => allowsEverything(rule, direction));
}

/** `80/TCP, 443/TCP` for a rule's ports, or `every port`. */
export function describeRulePorts(rule: Record<string, unknown>): string {
  const ports = list(rule.ports).flatMap((value) => {
    const port = record(value);
    if (!port) return [];
    const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
    const end = typeof port.endPort === 'number' ? `-${port.endPort}` : '';
    return [port.port === undefined ? `every ${protocol} port` : `${String(port.port)}${end}/${protocol}`];
  });
  return ports.length > 0 ? `port ${ports.join(', ')}` : 'every port';
}
