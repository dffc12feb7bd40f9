import type { ResourceRef, SourceLocation } from './resource.js';
import type { Severity } from './severity.js';

/** A reference from a control to a requirement of a framework: CIS 5.2.2, NSA "Pod security", MITRE T1611. */
export interface FrameworkRef {
  framework: string;
  id: string;
}

/** What was found in the object against what the control allows. Values of secrets never appear here. */
export interface Evidence {
  found: unknown;
  expected: string;
}

export interface AppliedException {
  source: 'annotation' | 'file';
  reason: string;
  owner?: string;
  expires?: string;
  /** `expired` exceptions no longer apply: the finding counts as if there were none. */
  status: 'active' | 'expired';
  /** Where the exception was written: the exceptions file, or the annotated object. */
  origin: string;
}

export interface Finding {
  controlId: string;
  title: string;
  severity: Severity;
  category: string;
  message: string;
  resource: ResourceRef;
  source: SourceLocation;
  /** The field the finding is about, e.g. `spec.template.spec.containers[0].securityContext.privileged`. */
  path: string;
  evidence: Evidence;
  remediation: string;
  frameworks: readonly FrameworkRef[];
  exception: AppliedException | null;
  /** How urgent it is in its context (`kspm scan --top`): the score and the factors behind it. */
  risk?: FindingRiskSummary;
}

export interface FindingRiskSummary {
  /** 0-100. */
  score: number;
  factors: { name: string; weight: number; evidence: string }[];
}

/** A finding counts against the posture unless an active exception covers it. */
export function isExcepted(finding: Finding): boolean {
  return finding.exception?.status === 'active';
}
