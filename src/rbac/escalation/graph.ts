/** The part of the escalation graph reachable from the starting identities, each node's edges computed once. */
import type { ClusterView } from '../cluster-view.js';
import { userOf } from '../users.js';
import { ClusterFacts } from './cluster-facts.js';
import type { Edge } from './edge.js';
import { identityEdges } from './identity-edges.js';
import { nodeId, type EscalationNode, type IdentityNode } from './nodes.js';
import { capabilityEdges, hostEdges } from './reach-edges.js';
import { BindingIndex } from './user-permissions.js';

export interface EscalationGraph {
  /** In the order they were reached, starts first. */
  nodes: Map<string, EscalationNode>;
  edges: Map<string, Edge[]>;
}

export function exploreGraph(view: ClusterView, facts: ClusterFacts, starts: IdentityNode[]): EscalationGraph {
  const index = new BindingIndex(view.model);
  const edgesOf = (node: EscalationNode): Edge[] => {
    switch (node.kind) {
      case 'identity':
        return identityEdges(index.permissionsOf(userOf(node.subject)), facts);
      case 'capability':
        return capabilityEdges(node, facts);
      case 'node':
        return hostEdges(node, facts);
      case 'cluster-admin':
        return [];
    }
  };
  const graph: EscalationGraph = { nodes: new Map(), edges: new Map() };
  const pending: EscalationNode[] = [];
  const reach = (node: EscalationNode) => {
    const id = nodeId(node);
    if (graph.nodes.has(id)) return;
    graph.nodes.set(id, node);
    pending.push(node);
  };
  starts.forEach(reach);
  for (let next = 0; next < pending.length; next++) {
    const node = pending[next]!;
    const edges = edgesOf(node);
    graph.edges.set(nodeId(node), edges);
    for (const edge of edges) reach(edge.to);
  }
  return graph;
}
