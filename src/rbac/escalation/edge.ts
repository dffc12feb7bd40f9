/** An edge of the escalation graph: what takes its holder from one node to the next, why, and which grants allow it. */
import type { Grant } from '../model.js';
import type { EscalationNode } from './nodes.js';

export interface Edge {
  to: EscalationNode;
  /** The arrow's words: `can create pods in namespace ci`. */
  action: string;
  /** Why the step works, naming the facts it rests on. */
  explanation: string;
  /** The bindings and roles that allow it (none for steps that follow from what the cluster runs). */
  grants: Grant[];
  /** The target is what an identity holds by its grants alone (a capability, cluster-admin), not a move it makes. */
  held: boolean;
}
