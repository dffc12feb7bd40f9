/** Why a connection is allowed or denied, in the words of the policies and rules that decide it. */
import { contains, describePorts, isEmpty, type Protocol } from './ports.js';
import type { Direction, Endpoint, Reachability, SideVerdict } from './reachability.js';

export interface Explanation {
  allowed: boolean;
  /** The ports the connection may use (all of them when no port was asked about). */
  ports: string;
  reasons: string[];
}

export function describeEndpoint(endpoint: Endpoint): string {
  if (endpoint.type === 'internet') return 'the internet';
  if (endpoint.type === 'address') return endpoint.text;
  return `${endpoint.workload.kind} ${endpoint.workload.namespace}/${endpoint.workload.name}`;
}

function sideReasons(direction: Direction, side: SideVerdict, self: Endpoint): string[] {
  const who = describeEndpoint(self);
  if (side.unenforced) return [`${direction}: ${who} is ${side.unenforced}, so no policy limits its ${direction}`];
  if (side.selectedBy.length === 0) return [`${direction}: no NetworkPolicy selects ${who} for ${direction}, so all ${direction} is allowed`];
  const isolated = `${direction}: ${who} is isolated for ${direction} by ${side.selectedBy.map((name) => `NetworkPolicy ${name}`).join(', ')}`;
  if (side.matches.length === 0) return [`${isolated}; none of their ${direction} rules matches the ${direction === 'ingress' ? 'source' : 'destination'}`];
  return [
    isolated,
    ...side.matches.map((match) => `${direction}: NetworkPolicy ${match.policy} ${direction} rule ${match.index} allows ${describePorts(match.ports)}`),
  ];
}

/** Explains a connection, on one port and protocol or on any. */
export function explainConnection(reachability: Reachability, source: Endpoint, destination: Endpoint, port?: { port: number; protocol: Protocol }): Explanation {
  const verdict = reachability.connection(source, destination);
  const wanted = port ? `${port.protocol} ${port.port}` : '';
  const allowed = port ? contains(verdict.allowed, port.protocol, port.port) : !isEmpty(verdict.allowed);
  const reasons = [...sideReasons('egress', verdict.egress, source), ...sideReasons('ingress', verdict.ingress, destination)];
  const both = describePorts(verdict.allowed);
  reasons.push(
    port
      ? `${allowed ? 'allowed' : 'denied'}: both sides together allow ${both}${allowed ? `, which includes ${wanted}` : `, which does not include ${wanted}`}`
      : `${allowed ? 'allowed' : 'denied'}: both sides together allow ${both}`,
  );
  return { allowed, ports: both, reasons };
}
