/**
 * The reachability engine's connectivity table: for each case, the policies in force (from the catalogue of
 * reachability-fixtures.ts), a connection `source -> destination PROTOCOL port`, whether NetworkPolicies allow it,
 * and the semantic that decides it. The semantics are networking.k8s.io/v1's (the API types and defaulting, the
 * network-policies documentation); the cases follow cyclonus's conformance model and the upstream e2e classics.
 * Some cases also pin the policies that select each side and the rules that let it through.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkEstateOf, workloadId } from './estate.js';
import { parseAddress } from './ip.js';
import { contains, describePorts, isProtocol, type Protocol } from './ports.js';
import { Reachability, type Direction, type Endpoint, type SideVerdict } from './reachability.js';
import { CLUSTER, objectsOf, POLICIES, type PolicyName } from './reachability-fixtures.js';

/** The policies selecting one side, and each matching rule as `namespace/policy direction #index: ports`. */
interface Side {
  selectedBy: string[];
  matches: string[];
}

interface Case {
  policies: PolicyName[];
  /** `source -> destination PROTOCOL port`, each end `namespace/workload`, `internet` or an IP address. */
  connection: string;
  allowed: boolean;
  why: string;
  decidedBy?: Partial<Record<Direction, Side>>;
}

const ALLOWED = true;
const DENIED = false;

const row = (policies: PolicyName[], connection: string, allowed: boolean, why: string, decidedBy?: Case['decidedBy']): Case => ({
  policies,
  connection,
  allowed,
  why,
  ...(decidedBy ? { decidedBy } : {}),
});

const clusterObjects = objectsOf(CLUSTER);
const policyObjects = new Map(Object.entries(POLICIES).map(([name, yaml]) => [name, objectsOf(yaml)]));

function endpointOf(text: string, reachability: Reachability): Endpoint {
  if (text === 'internet') return { type: 'internet' };
  const workload = reachability.workloads.find((each) => workloadId(each) === text);
  if (workload) return { type: 'workload', workload };
  const block = parseAddress(text);
  assert.ok(block, `${text} is neither a workload of the fixtures nor an IP address`);
  return { type: 'address', block, text };
}

function parseConnection(connection: string): { source: string; destination: string; protocol: Protocol; port: number } {
  const match = /^(\S+) -> (\S+) (\S+) (\d+)$/.exec(connection);
  assert.ok(match && isProtocol(match[3]), `malformed connection "${connection}"`);
  return { source: match[1]!, destination: match[2]!, protocol: match[3], port: Number(match[4]) };
}

const sideOf = (verdict: SideVerdict): Side => ({
  selectedBy: verdict.selectedBy,
  matches: verdict.matches.map((match) => `${match.policy} ${match.direction} #${match.index}: ${describePorts(match.ports)}`),
});

function check(testCase: Case): void {
  const objects = [...clusterObjects, ...testCase.policies.flatMap((name) => policyObjects.get(name)!)];
  const reachability = new Reachability(networkEstateOf(objects));
  const { source, destination, protocol, port } = parseConnection(testCase.connection);
  const verdict = reachability.connection(endpointOf(source, reachability), endpointOf(destination, reachability));
  assert.equal(contains(verdict.allowed, protocol, port), testCase.allowed, `${testCase.why} (both sides allow: ${describePorts(verdict.allowed)})`);
  for (const direction of ['egress', 'ingress'] as const) {
    const expected = testCase.decidedBy?.[direction];
    if (expected) assert.deepEqual(sideOf(verdict[direction]), expected, `${direction} side: ${testCase.why}`);
  }
}

const titleOf = (testCase: Case): string =>
  `${testCase.connection} ${testCase.allowed ? 'allowed' : 'denied'} under ${testCase.policies.join(' + ') || 'no policies'}`;

const UNISOLATED: Side = { selectedBy: [], matches: [] };

const TABLE: Record<string, Case[]> = {
  'no policies': [
    row([], 'y/a -> x/a TCP 80', ALLOWED, 'no policy selects either pod, so neither side is isolated', { egress: UNISOLATED, ingress: UNISOLATED }),
    row([], 'x/a -> internet TCP 443', ALLOWED, 'a pod no policy isolates for egress may reach the internet'),
    row([], 'internet -> z/c SCTP 81', ALLOWED, 'a pod no policy isolates for ingress accepts anything, on any protocol'),
  ],

  'isolation and policyTypes defaulting': [
    row(['x-deny-all-ingress'], 'y/a -> x/a TCP 80', DENIED, 'podSelector {} without policyTypes isolates every pod of x for ingress, with no rule to allow', {
      ingress: { selectedBy: ['x/deny-all-ingress'], matches: [] },
    }),
    row(['x-deny-all-ingress'], 'x/b -> x/a UDP 81', DENIED, 'deny-all ingress holds inside the namespace too'),
    row(['x-deny-all-ingress'], 'internet -> x/c TCP 80', DENIED, 'and from outside the cluster'),
    row(['x-deny-all-ingress'], 'x/a -> y/a TCP 80', ALLOWED, 'without an egress section the default policyTypes is Ingress only, so egress stays open', { egress: UNISOLATED }),
    row(['x-deny-all-ingress'], 'x/a -> internet TCP 443', ALLOWED, 'an ingress-only policy leaves egress to the internet open'),
    row(['x-deny-all-ingress'], 'y/a -> y/b TCP 80', ALLOWED, 'a policy selects pods of its own namespace only'),
    row(['x-deny-all-ingress-empty-list'], 'y/a -> x/a TCP 80', DENIED, 'ingress: [] is the same as no ingress rules: it only isolates'),
    row(['x-deny-all-ingress-empty-list'], 'x/a -> z/a TCP 80', ALLOWED, 'ingress: [] says nothing about egress'),
    row(['x-deny-all-no-pod-selector'], 'y/b -> x/c TCP 80', DENIED, 'an absent podSelector is the empty one: every pod of the namespace'),
    row(['x-deny-all-egress'], 'x/a -> y/a TCP 80', DENIED, 'policyTypes [Egress] with no egress rules denies all egress', {
      egress: { selectedBy: ['x/deny-all-egress'], matches: [] },
    }),
    row(['x-deny-all-egress'], 'x/a -> x/b TCP 80', DENIED, 'deny-all egress holds inside the namespace too'),
    row(['x-deny-all-egress'], 'x/a -> internet TCP 443', DENIED, 'and to the internet'),
    row(['x-deny-all-egress'], 'x/a -> kube-system/coredns UDP 53', DENIED, 'and to cluster DNS, which no rule exempts'),
    row(['x-deny-all-egress'], 'y/a -> x/a TCP 80', ALLOWED, 'an Egress-only policy does not isolate its pods for ingress'),
    row(['x-deny-all'], 'y/a -> x/a TCP 80', DENIED, 'policyTypes [Ingress, Egress] with no rules isolates both ways: ingress'),
    row(['x-deny-all'], 'x/a -> y/a TCP 80', DENIED, 'policyTypes [Ingress, Egress] with no rules isolates both ways: egress'),
    row(['x-deny-all'], 'x/a -> x/b TCP 80', DENIED, 'both ends in x are isolated'),
    row(['x-deny-all'], 'internet -> x/b TCP 80', DENIED, 'nothing comes in from outside'),
    row(['x-a-egress-section-implies-egress'], 'x/a -> x/b TCP 80', ALLOWED, 'an egress section without policyTypes adds Egress; b is a listed destination', {
      egress: { selectedBy: ['x/a-egress-section-implies-egress'], matches: ['x/a-egress-section-implies-egress egress #0: all ports'] },
    }),
    row(['x-a-egress-section-implies-egress'], 'x/a -> x/c TCP 80', DENIED, 'the implied Egress isolates a: c is not a listed destination'),
    row(['x-a-egress-section-implies-egress'], 'x/a -> y/b TCP 80', DENIED, 'a podSelector alone looks only in the policy\'s namespace'),
    row(['x-a-egress-section-implies-egress'], 'y/a -> x/a TCP 80', DENIED, 'Ingress is implied as well, and the policy has no ingress rules'),
    row(['x-a-egress-section-implies-egress'], 'x/b -> x/c TCP 80', ALLOWED, 'b is not selected by the policy'),
    row(['x-a-empty-egress-list-no-types'], 'x/a -> x/c TCP 80', ALLOWED, 'egress: [] is empty, so the API\'s defaulting (len(egress) != 0) does not add Egress'),
    row(['x-a-empty-egress-list-no-types'], 'x/a -> internet TCP 443', ALLOWED, 'an empty egress list without policyTypes leaves egress open'),
    row(['x-a-empty-egress-list-no-types'], 'y/a -> x/a TCP 80', DENIED, 'the policy is still an Ingress policy with no rules'),
    row(['x-a-egress-type-ignores-ingress-rules'], 'y/c -> x/a TCP 80', ALLOWED, 'explicit policyTypes [Egress]: the ingress section is ignored and a is not isolated for ingress', {
      ingress: UNISOLATED,
    }),
    row(['x-a-egress-type-ignores-ingress-rules'], 'x/a -> z/c UDP 81', ALLOWED, 'namespaceSelector {} reaches pods of every namespace'),
    row(['x-a-egress-type-ignores-ingress-rules'], 'x/a -> bare/lone TCP 80', ALLOWED, 'namespaceSelector {} includes a namespace with no labels of its own'),
    row(['x-a-egress-type-ignores-ingress-rules'], 'x/a -> internet TCP 443', DENIED, 'a namespaceSelector selects pods, never addresses outside the cluster'),
    row(['x-a-egress-type-ignores-ingress-rules'], 'x/a -> 10.0.0.5 TCP 80', DENIED, 'nor a bare address'),
    row(['x-a-ingress-type-ignores-egress-rules'], 'x/a -> internet TCP 443', ALLOWED, 'explicit policyTypes [Ingress]: the egress section is ignored'),
    row(['x-a-ingress-type-ignores-egress-rules'], 'x/a -> x/c TCP 80', ALLOWED, 'the ignored egress rule does not limit a to b'),
    row(['x-a-ingress-type-ignores-egress-rules'], 'internet -> x/a TCP 80', ALLOWED, 'its ingress rule {} allows everything'),
    row(['x-bc-deny-by-expression'], 'y/a -> x/b TCP 80', DENIED, 'matchExpressions pod In [b, c] selects b'),
    row(['x-bc-deny-by-expression'], 'y/a -> x/c TCP 80', DENIED, 'and c'),
    row(['x-bc-deny-by-expression'], 'y/a -> x/a TCP 80', ALLOWED, 'but not a'),
    row(['x-invalid-pod-selector'], 'y/a -> x/a TCP 80', ALLOWED, 'a podSelector with an unknown operator selects nothing, so it isolates nothing', { ingress: UNISOLATED }),
  ],

  'allow rules add up': [
    row(['x-allow-all-ingress'], 'internet -> x/a TCP 80', ALLOWED, 'ingress: [{}] is one rule with no from and no ports: everything'),
    row(['x-allow-all-ingress'], 'z/c -> x/b SCTP 81', ALLOWED, 'on every protocol'),
    row(['x-deny-all-ingress', 'x-allow-all-ingress'], 'y/a -> x/a TCP 80', ALLOWED, 'policies are additive: a deny-all does not override another policy\'s allow', {
      ingress: { selectedBy: ['x/allow-all-ingress', 'x/deny-all-ingress'], matches: ['x/allow-all-ingress ingress #0: all ports'] },
    }),
    row(['x-allow-empty-from-empty-ports'], '198.51.100.7 -> x/c UDP 80', ALLOWED, 'from: [] and ports: [] mean every source and every port'),
    row(['x-allow-all-egress'], 'x/a -> internet TCP 443', ALLOWED, 'egress: [{}] allows every destination'),
    row(['x-deny-all', 'x-allow-all-egress'], 'x/a -> y/a TCP 80', ALLOWED, 'an allow-all egress policy opens what deny-all closed, and y/a is not isolated'),
    row(['x-deny-all', 'x-allow-all-egress'], 'y/a -> x/a TCP 80', DENIED, 'ingress to x stays denied: allow-all-egress says nothing about ingress'),
    row(['x-allow-same-namespace'], 'x/b -> x/a TCP 80', ALLOWED, 'from podSelector {}: every pod of the policy\'s namespace'),
    row(['x-allow-same-namespace'], 'y/b -> x/a TCP 80', DENIED, 'without a namespaceSelector, podSelector {} does not reach other namespaces'),
    row(['x-allow-same-namespace'], 'internet -> x/a TCP 80', DENIED, 'nor the internet'),
    row(['x-allow-same-namespace'], 'bare/lone -> x/a TCP 80', DENIED, 'nor the unlabelled namespace'),
    row(['x-a-from-b-tcp-80', 'x-a-from-c-udp-81'], 'x/b -> x/a TCP 80', ALLOWED, 'b may use TCP 80 by the first policy'),
    row(['x-a-from-b-tcp-80', 'x-a-from-c-udp-81'], 'x/b -> x/a UDP 81', DENIED, 'a rule\'s peers and ports go together: UDP 81 is c\'s, not b\'s'),
    row(['x-a-from-b-tcp-80', 'x-a-from-c-udp-81'], 'x/c -> x/a UDP 81', ALLOWED, 'c may use UDP 81 by the second policy', {
      ingress: { selectedBy: ['x/a-from-b-tcp-80', 'x/a-from-c-udp-81'], matches: ['x/a-from-c-udp-81 ingress #0: UDP 81'] },
    }),
    row(['x-a-from-b-tcp-80', 'x-a-from-c-udp-81'], 'x/c -> x/a TCP 80', DENIED, 'and nothing else'),
  ],

  'both sides must allow': [
    row(['y-deny-all-egress', 'x-allow-all-ingress'], 'y/a -> x/a TCP 80', DENIED, 'the client\'s egress denial wins even when the server allows the traffic', {
      egress: { selectedBy: ['y/deny-all-egress'], matches: [] },
      ingress: { selectedBy: ['x/allow-all-ingress'], matches: ['x/allow-all-ingress ingress #0: all ports'] },
    }),
    row(['x-allow-all-egress', 'y-deny-all-ingress'], 'x/a -> y/a TCP 80', DENIED, 'the server\'s ingress denial wins even when the client may send'),
    row(['y-b-egress-to-x-a-only', 'x-a-from-namespace-y'], 'y/b -> x/a TCP 80', ALLOWED, 'egress allows TCP 80 to x/a and ingress allows all of y'),
    row(['y-b-egress-to-x-a-only', 'x-a-from-namespace-y'], 'y/b -> x/a TCP 81', DENIED, 'ingress would take TCP 81, egress allows only TCP 80'),
    row(['y-b-egress-to-x-a-only', 'x-a-from-namespace-y'], 'y/b -> x/b TCP 80', DENIED, 'egress reaches only pod a of namespace x'),
    row(['y-b-egress-to-x-a-only'], 'y/b -> z/a TCP 80', DENIED, 'the namespaceSelector matches x only'),
    row(['y-b-egress-to-x-a-only'], 'y/a -> z/a TCP 80', ALLOWED, 'only b is selected in y'),
  ],

  'peers: podSelector, namespaceSelector and both': [
    row(['x-a-from-namespace-y'], 'y/c -> x/a TCP 80', ALLOWED, 'a namespaceSelector alone admits every pod of the matching namespaces'),
    row(['x-a-from-namespace-y'], 'z/a -> x/a TCP 80', DENIED, 'z is not labelled ns=y'),
    row(['x-a-from-namespace-y'], 'x/b -> x/a TCP 80', DENIED, 'with a namespaceSelector the policy\'s own namespace is not implied'),
    row(['x-a-from-namespace-y'], 'y/a -> x/b TCP 80', ALLOWED, 'the policy selects only pod a'),
    row(['x-a-from-prod-namespaces'], 'x/c -> x/a TCP 80', ALLOWED, 'x is labelled env=prod'),
    row(['x-a-from-prod-namespaces'], 'y/b -> x/a TCP 80', ALLOWED, 'so is y'),
    row(['x-a-from-prod-namespaces'], 'z/b -> x/a TCP 80', DENIED, 'z is env=dev'),
    row(['x-a-from-prod-namespaces'], 'bare/lone -> x/a TCP 80', DENIED, 'a namespace with no labels matches no matchLabels'),
    row(['x-a-from-all-namespaces'], 'z/c -> x/a TCP 80', ALLOWED, 'namespaceSelector {}: every namespace'),
    row(['x-a-from-all-namespaces'], 'bare/lone -> x/a TCP 80', ALLOWED, 'including one with no labels'),
    row(['x-a-from-all-namespaces'], 'internet -> x/a TCP 80', DENIED, 'but only pods, not the internet'),
    row(['x-a-from-all-namespaces'], 'x/node-agent -> x/a TCP 80', DENIED, 'nor a host-network pod, whose traffic comes from its node rather than a pod address'),
    row(['x-a-from-b'], 'x/b -> x/a TCP 80', ALLOWED, 'podSelector pod=b in the policy\'s namespace'),
    row(['x-a-from-b'], 'y/b -> x/a TCP 80', DENIED, 'a podSelector alone does not reach other namespaces'),
    row(['x-a-from-b'], 'x/c -> x/a TCP 80', DENIED, 'c is not pod=b'),
    row(['x-a-from-b-in-y-one-peer'], 'y/b -> x/a TCP 80', ALLOWED, 'both selectors in one peer: pod b in namespace y'),
    row(['x-a-from-b-in-y-one-peer'], 'y/a -> x/a TCP 80', DENIED, 'the namespace matches but the pod does not: both must'),
    row(['x-a-from-b-in-y-one-peer'], 'x/b -> x/a TCP 80', DENIED, 'the pod matches but the namespace does not'),
    row(['x-a-from-y-or-b-two-peers'], 'y/a -> x/a TCP 80', ALLOWED, 'two peers are ORed: any pod of y by the first'),
    row(['x-a-from-y-or-b-two-peers'], 'x/b -> x/a TCP 80', ALLOWED, 'or pod b of the policy\'s namespace by the second'),
    row(['x-a-from-y-or-b-two-peers'], 'z/b -> x/a TCP 80', DENIED, 'the second peer has no namespaceSelector, so z/b is not in it'),
    row(['x-a-from-y-all-pods-explicit'], 'y/c -> x/a TCP 80', ALLOWED, 'podSelector {} beside a namespaceSelector is every pod, as an absent one is'),
    row(['x-a-from-y-all-pods-explicit'], 'z/c -> x/a TCP 80', DENIED, 'z does not match the namespaceSelector'),
    row(['x-a-from-b-anywhere'], 'z/b -> x/a TCP 80', ALLOWED, 'namespaceSelector {} with podSelector pod=b: b of any namespace'),
    row(['x-a-from-b-anywhere'], 'z/c -> x/a TCP 80', DENIED, 'c is not b'),
    row(['x-a-from-expressions'], 'z/c -> x/a TCP 80', ALLOWED, 'ns NotIn [y] holds for z and pod In [a, c] for c'),
    row(['x-a-from-expressions'], 'x/c -> x/a TCP 80', ALLOWED, 'ns NotIn [y] holds for x'),
    row(['x-a-from-expressions'], 'y/a -> x/a TCP 80', DENIED, 'y is excluded by NotIn'),
    row(['x-a-from-expressions'], 'z/b -> x/a TCP 80', DENIED, 'b is not In [a, c]'),
    row(['x-a-from-expressions'], 'bare/lone -> x/a TCP 80', ALLOWED, 'NotIn holds for a namespace without the ns label at all'),
    row(['x-a-from-unlabelled-namespaces'], 'bare/lone -> x/a TCP 80', ALLOWED, 'env DoesNotExist matches the unlabelled namespace'),
    row(['x-a-from-unlabelled-namespaces'], 'kube-system/coredns -> x/a UDP 53', ALLOWED, 'and kube-system, which has no env label'),
    row(['x-a-from-unlabelled-namespaces'], 'y/a -> x/a TCP 80', DENIED, 'y has env=prod'),
    row(['x-a-from-bare-by-name'], 'bare/lone -> x/a TCP 80', ALLOWED, 'kubernetes.io/metadata.name is set on every namespace, labelled or not'),
    row(['x-a-from-bare-by-name'], 'z/a -> x/a TCP 80', DENIED, 'and names one namespace only'),
    row(['x-a-from-invalid-peers'], 'x/b -> x/a TCP 80', DENIED, 'a bad CIDR, ipBlock with selectors, an empty peer and an invalid selector each match nothing; the policy still isolates', {
      ingress: { selectedBy: ['x/a-from-invalid-peers'], matches: [] },
    }),
    row(['x-a-from-invalid-peers'], '10.1.2.3 -> x/a TCP 80', DENIED, 'the 10.0.0.0/8 block beside a podSelector is invalid, so it admits no address'),
    row(['x-a-from-invalid-peers'], 'internet -> x/a TCP 80', DENIED, 'invalid parts never widen what is allowed'),
  ],

  ipBlock: [
    row(['x-a-from-documentation-net-except-upper-half'], '203.0.113.5 -> x/a TCP 80', ALLOWED, 'inside the cidr and outside the except'),
    row(['x-a-from-documentation-net-except-upper-half'], '203.0.113.200 -> x/a TCP 80', DENIED, 'inside the except'),
    row(['x-a-from-documentation-net-except-upper-half'], '198.51.100.1 -> x/a TCP 80', DENIED, 'outside the cidr'),
    row(['x-a-from-documentation-net-except-upper-half'], 'internet -> x/a TCP 80', ALLOWED, 'the block admits some public addresses, so some of the internet gets in'),
    row(['x-a-from-documentation-net-except-upper-half'], 'y/b -> x/a TCP 80', DENIED, 'a public block holds no pod address'),
    row(['x-a-from-private-10'], '10.2.3.4 -> x/a TCP 80', ALLOWED, 'an address inside 10.0.0.0/8'),
    row(['x-a-from-private-10'], '8.8.8.8 -> x/a TCP 80', DENIED, 'an address outside it'),
    row(['x-a-from-private-10'], 'internet -> x/a TCP 80', DENIED, '10.0.0.0/8 holds no internet address'),
    row(['x-a-from-private-10'], 'y/b -> x/a TCP 80', ALLOWED, 'pod addresses may lie in a private block, so pods may match it'),
    row(['x-a-from-private-10'], 'x/node-agent -> x/a TCP 80', ALLOWED, 'a host-network pod speaks from its node, whose address may lie in the private block too'),
    row(['x-a-to-internet-only'], 'x/a -> internet TCP 443', ALLOWED, '0.0.0.0/0 except the RFC 1918 ranges: the internet'),
    row(['x-a-to-internet-only'], 'x/a -> 8.8.8.8 UDP 53', ALLOWED, 'a public address, on any port'),
    row(['x-a-to-internet-only'], 'x/a -> 10.1.2.3 TCP 80', DENIED, 'excepted: 10.0.0.0/8'),
    row(['x-a-to-internet-only'], 'x/a -> 192.168.1.1 TCP 80', DENIED, 'excepted: 192.168.0.0/16'),
    row(['x-a-to-internet-only'], 'x/a -> 2001:db8::1 TCP 443', DENIED, 'an IPv4 block admits no IPv6 address'),
    row(['x-a-to-internet-only'], 'x/b -> 10.1.2.3 TCP 80', ALLOWED, 'only pod a is selected'),
    row(['x-a-to-ipv6-except'], 'x/a -> 2001:db8::1 TCP 443', ALLOWED, 'inside 2001:db8::/32'),
    row(['x-a-to-ipv6-except'], 'x/a -> 2001:db8:1::1 TCP 443', DENIED, 'inside the except 2001:db8:1::/48'),
    row(['x-a-to-ipv6-except'], 'x/a -> 8.8.8.8 TCP 443', DENIED, 'an IPv6 block admits no IPv4 address'),
  ],

  'ports by number, range and protocol': [
    row(['x-a-tcp-80'], 'y/a -> x/a TCP 80', ALLOWED, 'the protocol defaults to TCP', {
      ingress: { selectedBy: ['x/a-tcp-80'], matches: ['x/a-tcp-80 ingress #0: TCP 80'] },
    }),
    row(['x-a-tcp-80'], 'y/a -> x/a UDP 80', DENIED, 'the same number on UDP is another port'),
    row(['x-a-tcp-80'], 'y/a -> x/a SCTP 80', DENIED, 'and on SCTP'),
    row(['x-a-tcp-80'], 'y/a -> x/a TCP 81', DENIED, 'only 80 is listed'),
    row(['x-a-udp-81-sctp-80'], 'y/a -> x/a UDP 81', ALLOWED, 'UDP 81 is listed'),
    row(['x-a-udp-81-sctp-80'], 'y/a -> x/a SCTP 80', ALLOWED, 'SCTP 80 is listed'),
    row(['x-a-udp-81-sctp-80'], 'y/a -> x/a UDP 80', DENIED, 'a port belongs to its own protocol entry'),
    row(['x-a-udp-81-sctp-80'], 'y/a -> x/a SCTP 81', DENIED, 'SCTP 81 is not listed'),
    row(['x-a-udp-81-sctp-80'], 'y/a -> x/a TCP 81', DENIED, 'no TCP at all'),
    row(['x-a-all-udp'], 'y/a -> x/a UDP 5353', ALLOWED, 'a protocol without a port is every port of that protocol'),
    row(['x-a-all-udp'], 'y/a -> x/a TCP 80', DENIED, 'and of no other protocol'),
    row(['x-a-tcp-range'], 'y/a -> x/a TCP 32000', ALLOWED, 'port is the start of the endPort range'),
    row(['x-a-tcp-range'], 'y/a -> x/a TCP 32768', ALLOWED, 'endPort is inclusive'),
    row(['x-a-tcp-range'], 'y/a -> x/a TCP 32769', DENIED, 'past endPort'),
    row(['x-a-tcp-range'], 'y/a -> x/a TCP 31999', DENIED, 'before port'),
    row(['x-a-tcp-range'], 'y/a -> x/a UDP 32000', DENIED, 'the range is TCP only'),
    row(['x-a-sctp-range'], 'y/a -> x/a SCTP 81', ALLOWED, 'endPort works on SCTP'),
    row(['x-a-sctp-range'], 'y/a -> x/a SCTP 82', DENIED, 'past the SCTP range'),
    row(['x-a-invalid-ports'], 'y/a -> x/a TCP 80', DENIED, 'endPort below port, endPort on a named port, and unknown protocols each match no port', {
      ingress: { selectedBy: ['x/a-invalid-ports'], matches: ['x/a-invalid-ports ingress #0: no ports'] },
    }),
    row(['x-a-invalid-ports'], 'y/a -> x/a TCP 81', DENIED, 'the reversed range 81-80 is not read as 80-81'),
  ],

  'named ports resolve on the destination': [
    row(['x-serve-81-tcp-by-name'], 'y/a -> x/a TCP 81', ALLOWED, 'serve-81-tcp is container port 81/TCP of a', {
      ingress: { selectedBy: ['x/serve-81-tcp-by-name'], matches: ['x/serve-81-tcp-by-name ingress #0: TCP 81'] },
    }),
    row(['x-serve-81-tcp-by-name'], 'y/a -> x/a TCP 80', DENIED, 'the name stands for 81 only'),
    row(['x-serve-81-tcp-by-name'], 'y/a -> x/a UDP 81', DENIED, 'and on TCP only'),
    row(['x-udp-name-asked-as-tcp'], 'y/a -> x/a UDP 80', DENIED, 'serve-80-udp exists only on UDP, and the rule\'s protocol defaults to TCP'),
    row(['x-udp-name-asked-as-tcp'], 'y/a -> x/a TCP 80', DENIED, 'a TCP port by that name does not exist: nothing matches'),
    row(['x-udp-name-asked-as-udp'], 'y/a -> x/a UDP 80', ALLOWED, 'with protocol UDP the name resolves to 80/UDP'),
    row(['x-sctp-name'], 'y/a -> x/a SCTP 81', ALLOWED, 'serve-81-sctp resolves to 81/SCTP'),
    row(['x-sctp-name'], 'y/a -> x/a SCTP 80', DENIED, 'and only to 81'),
    row(['x-ingress-http-by-name'], 'y/a -> x/b TCP 8080', ALLOWED, 'http is 8080 on b'),
    row(['x-ingress-http-by-name'], 'y/a -> x/c TCP 9090', ALLOWED, 'and 9090 on c: each destination resolves the name itself'),
    row(['x-ingress-http-by-name'], 'y/a -> x/c TCP 8080', DENIED, 'b\'s number means nothing on c'),
    row(['x-ingress-http-by-name'], 'y/a -> x/a TCP 8080', DENIED, 'a names no port http, so the rule allows a nothing'),
    row(['x-ingress-http-by-name'], 'internet -> x/b TCP 8080', ALLOWED, 'ingress names resolve on the destination pod whoever the source is'),
    row(['x-egress-http-by-name'], 'x/b -> x/c TCP 9090', ALLOWED, 'an egress rule\'s named port resolves on the destination: http is 9090 on c', {
      egress: { selectedBy: ['x/egress-http-by-name'], matches: ['x/egress-http-by-name egress #0: TCP 9090'] },
    }),
    row(['x-egress-http-by-name'], 'x/b -> x/c TCP 8080', DENIED, 'the source\'s own http (8080 on b) is not what the name means'),
    row(['x-egress-http-by-name'], 'x/a -> y/b TCP 8080', ALLOWED, 'a has no http, but its destination b does'),
    row(['x-egress-http-by-name'], 'x/b -> x/a TCP 8080', DENIED, 'the destination names no port http'),
    row(['x-egress-http-by-name'], 'x/c -> internet TCP 9090', DENIED, 'a named port is undefined off the cluster'),
    row(['x-egress-http-by-name'], 'x/c -> 8.8.8.8 TCP 80', DENIED, 'and for any bare address'),
  ],

  'upstream classics: DNS-only egress': [
    row(['x-egress-dns-only'], 'x/a -> kube-system/coredns UDP 53', ALLOWED, 'kube-dns pods in kube-system, chosen by its kubernetes.io/metadata.name label'),
    row(['x-egress-dns-only'], 'x/a -> kube-system/coredns TCP 53', ALLOWED, 'DNS over TCP is listed too'),
    row(['x-egress-dns-only'], 'x/a -> kube-system/coredns TCP 80', DENIED, 'only port 53'),
    row(['x-egress-dns-only'], 'x/a -> 8.8.8.8 UDP 53', DENIED, 'an external resolver is not a kube-dns pod'),
    row(['x-egress-dns-only'], 'x/a -> y/a TCP 80', DENIED, 'nothing but DNS'),
    row(['x-egress-dns-only'], 'x/b -> x/c TCP 80', DENIED, 'not even inside the namespace'),
    row(['x-egress-udp-53-anywhere'], 'x/a -> 8.8.8.8 UDP 53', ALLOWED, 'a rule with only ports reaches every destination on them'),
    row(['x-egress-udp-53-anywhere'], 'x/a -> kube-system/coredns UDP 53', ALLOWED, 'cluster DNS included'),
    row(['x-egress-udp-53-anywhere'], 'x/a -> 8.8.8.8 TCP 53', DENIED, 'UDP only'),
    row(['x-egress-udp-53-anywhere'], 'x/a -> internet TCP 443', DENIED, 'no other port'),
  ],

  'host network is outside NetworkPolicies': [
    row(['x-deny-all'], 'y/a -> x/node-agent TCP 9100', ALLOWED, 'a host-network pod is never isolated, even by a policy whose podSelector matches it', { ingress: UNISOLATED }),
    row(['x-deny-all'], 'x/node-agent -> internet TCP 443', ALLOWED, 'nor is its egress'),
    row(['x-a-tcp-80'], 'y/a -> x/node-agent TCP 9100', ALLOWED, 'its pod=a label does not bring it under pod a\'s policy'),
    row(['y-deny-all-ingress'], 'x/node-agent -> y/a TCP 80', DENIED, 'the destination\'s own isolation still applies to traffic from it'),
    row(['x-allow-same-namespace'], 'x/node-agent -> x/b TCP 80', DENIED, 'pod selectors do not match a host-network source'),
    row(['x-allow-all-ingress'], 'x/node-agent -> x/b TCP 80', ALLOWED, 'a rule with no from admits it like any source'),
  ],
};

for (const [topic, cases] of Object.entries(TABLE)) {
  describe(`reachability: ${topic}`, () => {
    for (const testCase of cases) it(titleOf(testCase), () => check(testCase));
  });
}

describe('reachability case table', () => {
  const cases = Object.values(TABLE).flat();

  it('has at least 100 cases, allowed and denied', () => {
    assert.ok(cases.length >= 100, `${cases.length} cases`);
    assert.ok(cases.filter((each) => each.allowed).length >= 40);
    assert.ok(cases.filter((each) => !each.allowed).length >= 40);
  });

  it('uses every policy of the catalogue', () => {
    const used = new Set(cases.flatMap((each) => each.policies));
    assert.deepEqual(Object.keys(POLICIES).filter((name) => !used.has(name as PolicyName)), []);
  });
});
