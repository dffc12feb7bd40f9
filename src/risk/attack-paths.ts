/**
 * Attack paths: breadth-first search over the attack graph from the internet (and, for lateral movement, from every
 * workload at once) to the crown jewels. A path never visits a node twice (cycles are cut), a node is passed through
 * by at most `routesPerNode` paths (so one busy node cannot multiply paths without end), and the search stops at
 * `maxPaths` paths or `maxDepth` steps. Breadth-first order finds short paths first; the result is ranked.
 */
import { INTERNET, type AttackGraph } from './attack-graph.js';
import type { AttackNode, AttackPath, AttackStep } from './model.js';

export interface AttackPathOptions {
  /** Also search from every workload, for paths with at least one network step (default true). */
  lateral?: boolean;
  /** Default 50. */
  maxPaths?: number;
  /** Default 8 steps. */
  maxDepth?: number;
  /** Default 3. */
  routesPerNode?: number;
}

/**
 * Worse targets first: taking the cluster ends the game, a node gives every pod on it, every namespace's Secrets
 * give most credentials, one sensitive namespace's Secrets fewer.
 */
const TARGET_RANK: Record<string, number> = { 'cluster-admin': 0, 'node-root': 1, 'secrets:*': 2 };

interface Route {
  at: string;
  visited: Set<string>;
  steps: AttackStep[];
}

function label(node: AttackNode): string {
  return node.note ? `${node.label} (${node.note})` : node.label;
}

export function describeAttackPath(graph: AttackGraph, steps: readonly AttackStep[]): string {
  const names = [steps[0]!.from, ...steps.map((step) => step.to)].map((id) => label(graph.nodes.get(id)!));
  return names.join(' -> ');
}

function search(graph: AttackGraph, starts: string[], origin: AttackPath['origin'], options: Required<AttackPathOptions>): AttackPath[] {
  const found: AttackPath[] = [];
  const passes = new Map<string, number>();
  const queue: Route[] = starts.map((at) => ({ at, visited: new Set([at]), steps: [] }));
  for (let next = 0; next < queue.length && found.length < options.maxPaths; next++) {
    const path = queue[next]!;
    const node = graph.nodes.get(path.at)!;
    if (node.crownJewel && path.steps.length > 0) {
      if (origin === 'internet' || path.steps.some((step) => step.kind === 'network')) {
        found.push({ origin, steps: path.steps, target: path.at, text: describeAttackPath(graph, path.steps) });
      }
      continue;
    }
    if (path.steps.length >= options.maxDepth) continue;
    const count = (passes.get(path.at) ?? 0) + 1;
    passes.set(path.at, count);
    if (count > options.routesPerNode) continue;
    for (const step of graph.edges.get(path.at) ?? []) {
      if (path.visited.has(step.to)) continue;
      queue.push({ at: step.to, visited: new Set([...path.visited, step.to]), steps: [...path.steps, step] });
    }
  }
  return found;
}

function compare(graph: AttackGraph) {
  const rank = (path: AttackPath) => TARGET_RANK[path.target] ?? 3;
  const footholds = (path: AttackPath) => path.steps.filter((step) => graph.nodes.get(step.to)!.note !== undefined).length;
  return (a: AttackPath, b: AttackPath) =>
    Number(a.origin !== 'internet') - Number(b.origin !== 'internet')
    || rank(a) - rank(b)
    || a.steps.length - b.steps.length
    || footholds(b) - footholds(a)
    || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/** Paths to crown jewels: from the internet first, then lateral ones; each group by target, length, footholds. */
export function findAttackPaths(graph: AttackGraph, options: AttackPathOptions = {}): AttackPath[] {
  const settings: Required<AttackPathOptions> = { lateral: true, maxPaths: 50, maxDepth: 8, routesPerNode: 3, ...options };
  const paths = search(graph, [INTERNET], 'internet', settings);
  if (settings.lateral && paths.length < settings.maxPaths) {
    const workloads = [...graph.nodes.values()].filter((node) => node.kind === 'workload').map((node) => node.id).sort();
    paths.push(...search(graph, workloads, 'workload', { ...settings, maxPaths: settings.maxPaths - paths.length }));
  }
  return paths.sort(compare(graph));
}
