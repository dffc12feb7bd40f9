/**
 * Runs every node check on a node's facts, marking as not applicable what the platform puts out of the node's reach,
 * then the API-side control-plane controls on its control-plane processes.
 */
import type { NodeCheckResult } from '../compliance/types.js';
import type { ControlOptions } from '../controls/types.js';
import { NODE_CHECKS, type NodeCheck } from './checks/index.js';
import type { Verdict } from './checks/types.js';
import { evaluateControlPlane } from './control-plane.js';
import type { NodeFacts } from './facts.js';

/** Why the platform leaves a check out, or undefined when the node decides it. */
function outOfReach(check: NodeCheck, facts: NodeFacts): string | undefined {
  const platform = facts.platform;
  if (check.part === 'control-plane' && platform.managedControlPlane) return `${platform.title} runs the control plane; its files are not on the nodes`;
  if (check.part === 'kubelet' && platform.embeddedKubelet) return platform.embeddedKubelet;
  return undefined;
}

export function evaluateNodeCheck(check: NodeCheck, facts: NodeFacts): Verdict {
  const reason = outOfReach(check, facts);
  if (reason) return { status: 'not-applicable', expected: check.title, message: reason };
  return check.evaluate(facts);
}

export function runNodeChecks(facts: NodeFacts, node: string, options: ControlOptions): NodeCheckResult[] {
  const nodeResults = NODE_CHECKS.map((check): NodeCheckResult => ({ checkId: check.id, node, ...evaluateNodeCheck(check, facts) }));
  return [...nodeResults, ...evaluateControlPlane(facts.processes, node, options)];
}
