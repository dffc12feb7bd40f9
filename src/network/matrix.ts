/**
 * The reachability matrix: which workloads may open connections to which, on which ports, plus in from and out to
 * the internet. Workloads of one namespace with the same pod labels and container ports are judged alike, so each such
 * group is evaluated once.
 */
import { workloadId, type Workload } from './estate.js';
import { ALL_PORTS, isEmpty, PROTOCOLS, type PortSet } from './ports.js';
import type { Endpoint, Reachability } from './reachability.js';

export const INTERNET = 'internet';

export interface MatrixGroup {
  /** `shop/app=web`: the namespace and the pod labels its workloads share. */
  id: string;
  namespace: string;
  labels: Record<string, string>;
  workloads: string[];
}

export interface MatrixEdge {
  from: string;
  to: string;
  ports: PortSet;
}

export interface Matrix {
  groups: MatrixGroup[];
  /** Allowed connections between groups, and with `internet`; pairs with no port allowed are left out. */
  edges: MatrixEdge[];
}

function signature(workload: Workload): string {
  const labels = Object.entries(workload.labels).sort(([a], [b]) => a.localeCompare(b));
  const ports = workload.ports.map((port) => `${port.name ?? ''}:${port.port}/${port.protocol}`).sort();
  return JSON.stringify([workload.namespace, labels, ports, workload.hostNetwork]);
}

function groupName(workload: Workload): string {
  const labels = Object.entries(workload.labels).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`);
  return `${workload.namespace}/${labels.length > 0 ? labels.join(',') : '(no labels)'}${workload.hostNetwork ? ' [host network]' : ''}`;
}

export function isAllPorts(set: PortSet): boolean {
  return PROTOCOLS.every((protocol) => set[protocol].length === 1 && set[protocol][0]![0] === ALL_PORTS[protocol][0]![0] && set[protocol][0]![1] === ALL_PORTS[protocol][0]![1]);
}

/** Computes the matrix, for the workloads of `namespaces` (all when empty) as sources and destinations. */
export function computeMatrix(reachability: Reachability, namespaces: readonly string[] = []): Matrix {
  const wanted = reachability.workloads.filter((workload) => namespaces.length === 0 || namespaces.includes(workload.namespace));
  const bySignature = new Map<string, { group: MatrixGroup; representative: Workload }>();
  for (const workload of wanted) {
    const key = signature(workload);
    const entry = bySignature.get(key);
    if (entry) entry.group.workloads.push(workloadId(workload));
    else bySignature.set(key, { group: { id: '', namespace: workload.namespace, labels: workload.labels, workloads: [workloadId(workload)] }, representative: workload });
  }
  const entries = [...bySignature.values()];
  // Names must be unique: groups that differ only in container ports get a number.
  const seen = new Map<string, number>();
  for (const { group, representative } of entries) {
    const name = groupName(representative);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    group.id = count === 1 ? name : `${name} #${count}`;
  }
  const endpoint = (workload: Workload): Endpoint => ({ type: 'workload', workload });
  const edges: MatrixEdge[] = [];
  const add = (from: string, to: string, ports: PortSet) => {
    if (!isEmpty(ports)) edges.push({ from, to, ports });
  };
  for (const source of entries) {
    add(INTERNET, source.group.id, reachability.connection({ type: 'internet' }, endpoint(source.representative)).allowed);
    for (const destination of entries) add(source.group.id, destination.group.id, reachability.connection(endpoint(source.representative), endpoint(destination.representative)).allowed);
    add(source.group.id, INTERNET, reachability.connection(endpoint(source.representative), { type: 'internet' }).allowed);
  }
  return { groups: entries.map((entry) => entry.group).sort((a, b) => a.id.localeCompare(b.id)), edges };
}
