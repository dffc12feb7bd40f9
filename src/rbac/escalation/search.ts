/**
 * Escalation paths: for each starting subject, the shortest chain of steps to the highest privilege it can reach,
 * reported when that is more than it holds directly.
 *
 * Rather than one breadth-first search per subject, the search runs backwards, once per rank from the highest down:
 * a breadth-first search from every node holding that rank, over the reversed edges, reaches exactly the nodes that
 * can get there, each by a shortest chain. A node reached at a higher rank is skipped at lower ones (whatever it
 * leads to, it does better), so every node and edge is visited once in all, cycles included.
 */
import type { ClusterView } from '../cluster-view.js';
import type { Grant } from '../model.js';
import { describeSubject, type Subject } from '../users.js';
import { ClusterFacts } from './cluster-facts.js';
import type { Edge } from './edge.js';
import { exploreGraph, type EscalationGraph } from './graph.js';
import { identity, levelOf, nodeId, privilegeOf, type EscalationNode, type IdentityNode } from './nodes.js';
import { HIGHEST_RANK, rankOf, type Privilege } from './privilege.js';

export interface EscalationStep {
  from: EscalationNode;
  to: EscalationNode;
  /** `can create pods in namespace ci`. */
  action: string;
  explanation: string;
  /** The bindings and roles that allow the step; none for steps that follow from what the cluster runs. */
  grants: Grant[];
}

export interface EscalationPath {
  start: Subject;
  /** The most the subject holds in one step. */
  holds: Privilege;
  steps: EscalationStep[];
  reaches: Privilege;
}

export interface EscalationOptions {
  /** Search from these subjects only (default: every subject named in a binding, and every service account). */
  subjects?: Subject[];
}

interface Reach {
  rank: number;
  /** The first step of a shortest chain to that rank; absent for a node holding it itself. */
  next?: Edge;
}

function rankedReach(graph: EscalationGraph): Map<string, Reach> {
  const reversed = new Map<string, { from: string; edge: Edge }[]>();
  for (const [from, edges] of graph.edges) {
    for (const edge of edges) {
      const to = nodeId(edge.to);
      const incoming = reversed.get(to) ?? [];
      incoming.push({ from, edge });
      reversed.set(to, incoming);
    }
  }
  const reach = new Map<string, Reach>();
  for (let rank = HIGHEST_RANK; rank > 0; rank--) {
    const queue = [...graph.nodes].filter(([id, node]) => !reach.has(id) && rankOf(levelOf(node)) === rank).map(([id]) => id);
    for (const id of queue) reach.set(id, { rank });
    for (let next = 0; next < queue.length; next++) {
      for (const { from, edge } of reversed.get(queue[next]!) ?? []) {
        if (reach.has(from)) continue;
        reach.set(from, { rank, next: edge });
        queue.push(from);
      }
    }
  }
  return reach;
}

/** The most an identity holds by its grants alone: itself (nothing) or the best capability or target it holds. */
function heldBy(start: IdentityNode, edges: readonly Edge[]): Privilege {
  return edges.filter((edge) => edge.held).map(({ to }) => privilegeOf(to)).reduce((best, each) => (each.rank > best.rank ? each : best), privilegeOf(start));
}

function pathFrom(start: IdentityNode, graph: EscalationGraph, reach: Map<string, Reach>): EscalationPath | undefined {
  const found = reach.get(nodeId(start));
  const holds = heldBy(start, graph.edges.get(nodeId(start)) ?? []);
  if (!found || found.rank <= holds.rank) return undefined;
  const steps: EscalationStep[] = [];
  let at: EscalationNode = start;
  for (let edge = found.next; edge; edge = reach.get(nodeId(edge.to))?.next) {
    steps.push({ from: at, to: edge.to, action: edge.action, explanation: edge.explanation, grants: edge.grants });
    at = edge.to;
  }
  return { start: start.subject, holds, steps, reaches: privilegeOf(at) };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Escalation paths, most severe first: highest privilege reached, then shortest chain, then subject. */
export function findEscalationPaths(view: ClusterView, options: EscalationOptions = {}): EscalationPath[] {
  const facts = new ClusterFacts(view);
  const starts = new Map((options.subjects ?? facts.startingSubjects).map((subject) => identity(subject)).map((node) => [nodeId(node), node]));
  const ordered = [...starts.values()].sort((a, b) => compare(describeSubject(a.subject), describeSubject(b.subject)));
  const graph = exploreGraph(view, facts, ordered);
  const reach = rankedReach(graph);
  return ordered
    .flatMap((start) => pathFrom(start, graph, reach) ?? [])
    .sort((a, b) => b.reaches.rank - a.reaches.rank || a.steps.length - b.steps.length || compare(describeSubject(a.start), describeSubject(b.start)));
}

/** `ServiceAccount ci/builder can create pods in namespace ci -> can run as ServiceAccount ci/deployer -> is bound to ClusterRole cluster-admin`. */
export function describePath(path: EscalationPath): string {
  return `${describeSubject(path.start)} ${path.steps.map((step) => step.action).join(' -> ')}`;
}
