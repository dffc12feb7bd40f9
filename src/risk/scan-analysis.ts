/**
 * The risk engine as a scan's source analysis (`kspm scan --top N`): each source's open findings get their explained
 * score from the source's whole inventory, and the scan reports the N most urgent. Excepted findings are accepted
 * risk, so they are counted in the summary but not ranked. The summary lists the riskiest workloads, each scored by
 * its worst finding and shown with its own context. `kev` (the CVE ids of CISA's Known Exploited Vulnerabilities
 * catalogue, from the advisory database of `--images`) marks image vulnerabilities exploited in the wild.
 */
import type { SourceAnalysis } from '../engine/scan.js';
import { isExcepted } from '../model/finding.js';
import type { WorkloadRiskSummary } from '../model/report.js';
import { assessRisk } from './assess.js';

/** How many workloads the summary lists. */
const WORKLOADS_LISTED = 10;

export function riskRanking(top: number, kev?: ReadonlySet<string>): SourceAnalysis {
  let riskiest: WorkloadRiskSummary[] = [];
  return {
    top,
    riskiestWorkloads: () => riskiest,
    analyse(findings, inventory) {
      const open = findings.filter((finding) => !isExcepted(finding));
      const { findings: risks, workloads } = assessRisk({ findings: open, inventory, ...(kev ? { kev } : {}) });
      const cluster = inventory.cluster?.context;
      const listed = workloads.slice(0, WORKLOADS_LISTED).map((risk): WorkloadRiskSummary => ({
        workload: risk.workload,
        score: risk.score,
        factors: risk.factors.map(({ name, weight, evidence }) => ({ name, weight, evidence })),
        findings: risk.findingIds.length,
        ...(cluster ? { cluster } : {}),
      }));
      // Stable sort: ties keep the order of the sources, then the engine's order within one.
      riskiest = [...riskiest, ...listed].sort((a, b) => b.score - a.score).slice(0, WORKLOADS_LISTED);
      return open.map((finding, index) => {
        const { score, factors } = risks[index]!;
        return { ...finding, risk: { score, factors: factors.map(({ name, weight, evidence }) => ({ name, weight, evidence })) } };
      });
    },
  };
}
