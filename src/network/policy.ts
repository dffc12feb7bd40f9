/**
 * NetworkPolicies (networking.k8s.io/v1) read with the API server's defaults: policyTypes, when absent, is Ingress
 * plus Egress if the policy has a non-empty egress list; a port's protocol defaults to TCP. An invalid part (an ipBlock
 * with a bad CIDR, an unknown protocol) matches nothing, so it never widens what is allowed.
 */
import { isRecord, list, record, type K8sObject } from '../model/k8s.js';
import { parseCidr, type Block } from './ip.js';
import { isProtocol, type Protocol } from './ports.js';

export type Peer =
  | { type: 'pods'; podSelector?: unknown; namespaceSelector?: unknown }
  | { type: 'ipBlock'; cidr: Block; except: Block[]; text: string }
  | { type: 'invalid'; reason: string };

export interface PolicyPort {
  protocol: Protocol | 'invalid';
  /** A number, a named container port, or absent for every port of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface PolicyRule {
  /** Absent or empty: every source (ingress) or destination (egress). */
  peers: Peer[] | 'all';
  /** Absent or empty: every port. */
  ports: PolicyPort[] | 'all';
}

export interface Policy {
  namespace: string;
  name: string;
  podSelector: unknown;
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
  types: { ingress: boolean; egress: boolean };
}

function readPeer(value: unknown): Peer {
  if (!isRecord(value)) return { type: 'invalid', reason: 'not an object' };
  const ipBlock = record(value.ipBlock);
  if (ipBlock) {
    if (value.podSelector !== undefined || value.namespaceSelector !== undefined) return { type: 'invalid', reason: 'ipBlock with selectors' };
    const text = typeof ipBlock.cidr === 'string' ? ipBlock.cidr : '';
    const cidr = parseCidr(text);
    if (!cidr) return { type: 'invalid', reason: `invalid cidr "${text}"` };
    const except = list(ipBlock.except).map((entry) => (typeof entry === 'string' ? parseCidr(entry) : undefined));
    if (except.some((entry) => entry === undefined)) return { type: 'invalid', reason: 'invalid except' };
    return { type: 'ipBlock', cidr, except: except as Block[], text };
  }
  if (value.podSelector === undefined && value.namespaceSelector === undefined) return { type: 'invalid', reason: 'empty peer' };
  return {
    type: 'pods',
    ...(value.podSelector !== undefined && value.podSelector !== null ? { podSelector: value.podSelector } : {}),
    ...(value.namespaceSelector !== undefined && value.namespaceSelector !== null ? { namespaceSelector: value.namespaceSelector } : {}),
  };
}

function readPort(value: unknown): PolicyPort {
  if (!isRecord(value)) return { protocol: 'invalid' };
  const protocol = value.protocol === undefined || value.protocol === null ? 'TCP' : value.protocol;
  const port = typeof value.port === 'number' || (typeof value.port === 'string' && value.port !== '') ? value.port : undefined;
  const endPort = typeof value.endPort === 'number' ? value.endPort : undefined;
  if (!isProtocol(protocol)) return { protocol: 'invalid' };
  // endPort needs a numeric port below it; the API server rejects anything else.
  if (endPort !== undefined && (typeof port !== 'number' || endPort < port)) return { protocol: 'invalid' };
  return { protocol, ...(port !== undefined ? { port } : {}), ...(endPort !== undefined ? { endPort } : {}) };
}

function readRules(value: unknown, peerField: 'from' | 'to'): PolicyRule[] {
  return list(value).map((rule) => {
    const fields = record(rule) ?? {};
    const peers = list(fields[peerField]);
    const ports = list(fields.ports);
    return { peers: peers.length === 0 ? 'all' : peers.map(readPeer), ports: ports.length === 0 ? 'all' : ports.map(readPort) };
  });
}

export function readPolicy(object: K8sObject, namespace: string, name: string): Policy {
  const spec = record(object.spec) ?? {};
  const listed = list(spec.policyTypes).filter((type): type is string => typeof type === 'string');
  // The API server adds Egress only for a non-empty egress list (len(spec.Egress) != 0): `egress: []` leaves it out.
  const hasEgress = list(spec.egress).length > 0;
  const types = listed.length > 0 ? { ingress: listed.includes('Ingress'), egress: listed.includes('Egress') } : { ingress: true, egress: hasEgress };
  return {
    namespace,
    name,
    // An absent podSelector is the empty selector: every pod of the namespace.
    podSelector: spec.podSelector === undefined || spec.podSelector === null ? {} : spec.podSelector,
    ...(types.ingress ? { ingress: readRules(spec.ingress, 'from') } : {}),
    ...(types.egress ? { egress: readRules(spec.egress, 'to') } : {}),
    types,
  };
}
