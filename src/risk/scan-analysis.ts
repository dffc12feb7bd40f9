/**
 * The risk engine as a scan's source analysis (`kspm scan --top N`): each source's open findings get their explained
 * score from the source's whole inventory, and the scan reports the N most urgent. Excepted findings are accepted
 * risk, so they are counted in the summary but not ranked. `kev` (the CVE ids of CISA's Known Exploited Vulnerabilities
 * catalogue, from the advisory database of `--images`) marks image vulnerabilities exploited in the wild.
 */
import type { SourceAnalysis } from '../engine/scan.js';
import { isExcepted } from '../model/finding.js';
import { assessRisk } from './assess.js';

export function riskRanking(top: number, kev?: ReadonlySet<string>): SourceAnalysis {
  return {
    top,
    analyse(findings, inventory) {
      const open = findings.filter((finding) => !isExcepted(finding));
      const { findings: risks } = assessRisk({ findings: open, inventory, ...(kev ? { kev } : {}) });
      return open.map((finding, index) => {
        const { score, factors } = risks[index]!;
        return { ...finding, risk: { score, factors: factors.map(({ name, weight, evidence }) => ({ name, weight, evidence })) } };
      });
    },
  };
}
