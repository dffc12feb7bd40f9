/**
 * Risk scores: each finding's severity weighed by what the engines know of its subject, and each workload's score
 * as the highest of its findings, with its context beside it.
 */
import { riskContextOf, type RiskContext, type RiskInput, type WorkloadContext } from './context.js';
import { describeObject } from './internet.js';
import type { FindingRisk, RiskFactor, WorkloadRisk } from './model.js';
import { scoreOf, sensitiveFactor, WEIGHTS, workloadFactors } from './score.js';
import { workloadKey } from '../network/exposure/index.js';
import type { Finding } from '../model/finding.js';

export interface RiskAssessment {
  /** One per finding, in the order of the input. */
  findings: FindingRisk[];
  /** Every workload, highest score first (then namespace, kind, name). */
  workloads: WorkloadRisk[];
}

/** The workloads each entry point (a Service, Ingress, Gateway or route) carries internet traffic to, by its key. */
function entryIndex(context: RiskContext): Map<string, WorkloadContext[]> {
  const index = new Map<string, WorkloadContext[]>();
  for (const workload of context.workloads.values()) {
    const objects = new Set(workload.routes.filter((route) => route.open).flatMap((route) => [route.exposure.object, ...route.exposure.through]).map(workloadKey));
    for (const key of objects) {
      const same = index.get(key);
      if (same) same.push(workload);
      else index.set(key, [workload]);
    }
  }
  return index;
}

/**
 * A finding on an entry point is as exposed as the workloads behind it; other findings outside workloads weigh only
 * their namespace.
 */
function entryFactors(finding: Finding, context: RiskContext, entries: ReadonlyMap<string, WorkloadContext[]>): RiskFactor[] {
  const ref = finding.resource;
  const behind = entries.get(workloadKey(ref)) ?? [];
  const factors: RiskFactor[] = [];
  if (behind.length > 0) {
    const names = behind.slice(0, 3).map((workload) => describeObject(workload.ref)).join(', ');
    factors.push({ name: 'internet-exposed', weight: WEIGHTS.internetExposed, evidence: `${describeObject(ref)} carries internet traffic to ${names}${behind.length > 3 ? ` and ${behind.length - 3} more` : ''}` });
  }
  const sensitive = sensitiveFactor(context.sensitive(ref.namespace));
  if (sensitive) factors.push(sensitive);
  return factors;
}

export function assessRisk(input: RiskInput, context: RiskContext = riskContextOf(input)): RiskAssessment {
  const factorsByWorkload = new Map([...context.workloads].map(([key, workload]) => [key, workloadFactors(workload)]));
  const entries = entryIndex(context);
  const findings = context.findings.map(({ finding, id }): FindingRisk => {
    const factors = factorsByWorkload.get(workloadKey(finding.resource)) ?? entryFactors(finding, context, entries);
    return { findingId: id, ...scoreOf(finding.severity, factors) };
  });
  const scoreById = new Map(findings.map((risk) => [risk.findingId, risk.score]));
  const workloads = [...context.workloads.values()].map((workload): WorkloadRisk => {
    const ids = workload.findings.map(({ id }) => id).sort((a, b) => scoreById.get(b)! - scoreById.get(a)! || (a < b ? -1 : 1));
    return { workload: workload.ref, score: ids.length > 0 ? scoreById.get(ids[0]!)! : 0, factors: factorsByWorkload.get(workload.key)!, findingIds: ids };
  });
  // Map iteration follows the sorted keys, and sort is stable: ties keep namespace/kind/name order.
  workloads.sort((a, b) => b.score - a.score);
  return { findings, workloads };
}

/** The findings ordered most urgent first: by score, then by id, so the order never depends on the input's. */
export function rankFindings(assessment: RiskAssessment): FindingRisk[] {
  return [...assessment.findings].sort((a, b) => b.score - a.score || (a.findingId < b.findingId ? -1 : 1));
}
