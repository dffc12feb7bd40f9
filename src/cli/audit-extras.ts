/**
 * What `kspm scan -o html` adds to its audit report: the most urgent findings with their risk factors and the attack
 * paths (both from the risk engine, per source, as the scan goes), and every shipped framework judged on the scan.
 */
import { evaluateFramework, loadFrameworkDir } from '../compliance/index.js';
import type { SourceAnalysis } from '../engine/scan.js';
import { describeRef } from '../model/resource.js';
import { formatSource } from '../outputs/location.js';
import type { HtmlExtras } from '../outputs/html.js';
import { isExcepted } from '../model/finding.js';
import type { ControlMeta } from '../controls/types.js';
import { assessRisk, attackGraphOf, findAttackPaths, rankFindings, riskContextOf } from '../risk/index.js';

const RISKS_SHOWN = 20;
const PATHS_SHOWN = 20;

interface RankedRisk {
  title: string;
  score: number;
  severity: string;
  location: string;
  message: string;
  factors: { factor: string; weight: number; evidence: string }[];
}

interface ShownPath {
  title: string;
  origin: string;
  steps: { kind: string; evidence: string }[];
}

export interface AuditExtras {
  analysis: SourceAnalysis;
  html: HtmlExtras;
}

/** `kev`: the CVE ids of CISA's Known Exploited Vulnerabilities catalogue, when the scan opened an advisory database. */
export async function auditExtras(controls: readonly ControlMeta[], kev?: ReadonlySet<string>): Promise<AuditExtras> {
  const catalogue = await loadFrameworkDir();
  for (const error of catalogue.errors) process.stderr.write(`warning: framework ${error.file}: ${error.message}\n`);
  let risks: RankedRisk[] = [];
  const paths: ShownPath[] = [];
  const analysis: SourceAnalysis = {
    analyse(findings, inventory) {
      const open = findings.filter((finding) => !isExcepted(finding));
      const input = { findings: open, inventory, ...(kev ? { kev } : {}) };
      const context = riskContextOf(input);
      const assessment = assessRisk(input, context);
      const byId = new Map(context.findings.map(({ finding, id }) => [id, finding]));
      const ranked = rankFindings(assessment).slice(0, RISKS_SHOWN).map((risk): RankedRisk => {
        const finding = byId.get(risk.findingId)!;
        return {
          title: `${finding.controlId} on ${describeRef(finding.resource)}`,
          score: risk.score,
          severity: finding.severity,
          location: formatSource(finding.source),
          message: finding.message,
          factors: risk.factors.map(({ name, weight, evidence }) => ({ factor: name, weight, evidence })),
        };
      });
      risks = [...risks, ...ranked].sort((a, b) => b.score - a.score).slice(0, RISKS_SHOWN);
      for (const path of findAttackPaths(attackGraphOf(context), { maxPaths: PATHS_SHOWN })) {
        if (paths.length < PATHS_SHOWN) paths.push({ title: path.text, origin: path.origin, steps: path.steps.map(({ kind, evidence }) => ({ kind, evidence })) });
      }
      const riskById = new Map(assessment.findings.map((risk) => [risk.findingId, risk]));
      const riskOf = new Map(context.findings.map(({ finding, id }) => [finding, riskById.get(id)!]));
      return findings.map((finding) => {
        const risk = riskOf.get(finding);
        return risk ? { ...finding, risk: { score: risk.score, factors: risk.factors.map(({ name, weight, evidence }) => ({ name, weight, evidence })) } } : finding;
      });
    },
  };
  const html: HtmlExtras = (summary, findings) => ({
    risks,
    paths,
    compliance: catalogue.frameworks.map((framework) =>
      evaluateFramework(framework, {
        findings,
        tallies: summary.controls,
        controls,
        platforms: (summary.clusters ?? []).map((cluster) => cluster.platform.distribution),
        nodeResults: [],
      }),
    ),
  });
  return { analysis, html };
}
