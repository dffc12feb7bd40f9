/**
 * A node check: metadata (id, CIS number, title, severity, remediation) and a pure function from the node's facts to
 * a verdict. Which part of the node it is about decides when the platform makes it not applicable.
 */
import type { Severity } from '../../model/severity.js';
import type { NodeCheckResult } from '../../compliance/types.js';
import type { NodeFacts } from '../facts.js';

export interface NodeCheckMeta {
  /** `node-cis-<CIS 1.12 number>`. */
  id: string;
  /** The CIS Kubernetes Benchmark 1.12 number, e.g. `4.2.1`. */
  cis: string;
  title: string;
  severity: Severity;
  remediation: string;
  /** `control-plane`: the provider runs it on EKS, GKE and AKS. `kubelet`: needs the kubelet's own command line. */
  part: 'control-plane' | 'worker-files' | 'kubelet';
}

/** A check's verdict, before the node name is attached. */
export type Verdict = Omit<NodeCheckResult, 'checkId' | 'node'>;

export interface NodeCheck extends NodeCheckMeta {
  evaluate(facts: NodeFacts): Verdict;
}

export const cisId = (cis: string) => `node-cis-${cis}`;
