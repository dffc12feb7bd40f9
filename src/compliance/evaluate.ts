/**
 * Judges a framework against what a scan found: each framework control passes, fails, is manual, or is not applicable
 * with the reason. Pure: the scan and the node reports are read elsewhere.
 */
import type { ControlMeta } from '../controls/types.js';
import type { Finding } from '../model/finding.js';
import type { ControlTally } from '../model/report.js';
import { NODE_CHECK_ID } from './check-ids.js';
import type { ComplianceControlResult, ComplianceReport, ComplianceStatus, FrameworkControl, FrameworkDefinition, NodeCheckResult } from './types.js';

export interface ComplianceEvidence {
  /** Every finding of the scan, open and excepted. */
  findings: readonly Finding[];
  /** Per-control counts of the scan (its Summary's `controls`). */
  tallies: readonly ControlTally[];
  /** The controls the scan ran, to say what a control that judged nothing was waiting for. */
  controls: readonly ControlMeta[];
  /** The distribution of each cluster scanned (`eks`, `kubeadm`, ...); empty when only files were scanned. */
  platforms: readonly string[];
  /** Results of `kspm node` runs. */
  nodeResults: readonly NodeCheckResult[];
}

/**
 * `unevaluated`: the scan lacked what the check judges, so the framework control cannot pass on it. `excluded`: the
 * check does not apply where it was asked (a control plane the provider runs, a file a node does not have), so it
 * neither passes nor holds the framework control back.
 */
type CheckVerdict = { state: 'pass' | 'fail' } | { state: 'unevaluated' | 'excluded'; reason: string };

export const STATUSES: readonly ComplianceStatus[] = ['pass', 'fail', 'manual', 'not-applicable'];

export function evaluateFramework(framework: FrameworkDefinition, evidence: ComplianceEvidence): ComplianceReport {
  const tallies = new Map(evidence.tallies.map((tally) => [tally.controlId, tally]));
  const metas = new Map(evidence.controls.map((meta) => [meta.id, meta]));
  const verdictOf = (check: string) => checkVerdict(check, tallies.get(check), metas.get(check), evidence.nodeResults);
  const controls = framework.controls.map((control) => judgeControl(control, evidence, verdictOf));
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ComplianceStatus, number>;
  for (const control of controls) counts[control.status]++;
  const decided = counts.pass + counts.fail;
  return {
    framework: { id: framework.id, title: framework.title, version: framework.version, ...(framework.url ? { url: framework.url } : {}) },
    score: decided === 0 ? null : Math.round((counts.pass / decided) * 1000) / 10,
    counts,
    controls,
  };
}

function judgeControl(control: FrameworkControl, evidence: ComplianceEvidence, verdictOf: (check: string) => CheckVerdict): ComplianceControlResult {
  const checks = control.checks ?? [];
  const findings = evidence.findings.filter((finding) => checks.includes(finding.controlId));
  const nodeResults = evidence.nodeResults.filter((result) => checks.includes(result.checkId));
  const result = (status: ComplianceStatus, reason?: string): ComplianceControlResult => ({
    id: control.id,
    title: control.title,
    ...(control.section ? { section: control.section } : {}),
    status,
    checks,
    findings,
    ...(nodeResults.length > 0 ? { nodeResults } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(control.manual ? { audit: control.manual.audit } : {}),
  });

  const managed = control.providerManaged;
  if (managed && evidence.platforms.length > 0 && evidence.platforms.every((platform) => managed.includes(platform))) {
    return result('not-applicable', `run by the cluster's provider (${[...new Set(evidence.platforms)].join(', ')}), out of the user's reach`);
  }
  if (checks.length === 0) return result('manual', control.manual!.reason);

  const verdicts = checks.map((check) => ({ check, verdict: verdictOf(check) }));
  if (verdicts.some(({ verdict }) => verdict.state === 'fail')) return result('fail');
  if (verdicts.some(({ verdict }) => verdict.state === 'unevaluated')) return result('not-applicable', explain(verdicts, 'unevaluated'));
  if (!verdicts.some(({ verdict }) => verdict.state === 'pass')) return result('not-applicable', explain(verdicts, 'excluded'));
  // Checks that pass decide only their part of a requirement that also needs an auditor's eye.
  if (control.manual) return result('manual', `kspm's checks pass; the rest is manual: ${control.manual.reason}`);
  return result('pass');
}

/** The reasons of the checks in `state`, each naming its checks unless every check of the control shares it. */
function explain(verdicts: readonly { check: string; verdict: CheckVerdict }[], state: 'unevaluated' | 'excluded'): string {
  const checksByReason = new Map<string, string[]>();
  for (const { check, verdict } of verdicts) {
    if (verdict.state === state) checksByReason.set(verdict.reason, [...(checksByReason.get(verdict.reason) ?? []), check]);
  }
  const groups = [...checksByReason];
  if (groups.length === 1 && groups[0]![1].length === verdicts.length) return groups[0]![0];
  return groups.map(([reason, checks]) => `${checks.join(', ')}: ${reason}`).join('; ');
}

/** One check's verdict, from the scan's tally of it and from node reports: failing anywhere fails it. */
function checkVerdict(check: string, tally: ControlTally | undefined, meta: ControlMeta | undefined, nodeResults: readonly NodeCheckResult[]): CheckVerdict {
  const reported = nodeResults.filter((result) => result.checkId === check);
  if ((tally?.failed ?? 0) > 0 || reported.some((result) => result.status === 'fail')) return { state: 'fail' };
  if ((tally?.evaluated ?? 0) > 0 || reported.some((result) => result.status === 'pass')) return { state: 'pass' };
  // The scan marks control-plane checks not applicable only when every cluster read has a provider-run control plane.
  if (tally?.notApplicable) return { state: meta?.selfManagedOnly ? 'excluded' : 'unevaluated', reason: tally.notApplicable };
  if (reported.length > 0) return { state: 'excluded', reason: [...new Set(reported.map((result) => `${result.node}: ${result.message}`))].join('; ') };
  if (NODE_CHECK_ID.test(check)) {
    return {
      state: 'unevaluated',
      reason: nodeResults.length === 0 ? 'node checks not run: run kspm node on the nodes and pass its JSON with --node-results' : 'no node report has this check',
    };
  }
  if (!meta) return { state: 'unevaluated', reason: 'not evaluated by this scan' };
  return { state: 'unevaluated', reason: nothingToJudge(meta) };
}

/** Why a control that ran judged nothing: none of what it looks at was in the scan. */
function nothingToJudge(meta: ControlMeta): string {
  if (meta.selfManagedOnly) return 'no control-plane static pod scanned (scan a self-managed cluster, its /etc/kubernetes/manifests, or run kspm node)';
  const scope = meta.appliesTo;
  if (scope === 'workloads') return 'no workloads scanned';
  if (scope === 'all') return 'no resources scanned';
  if (scope.length === 1 && scope[0] === 'Cluster') return 'no live cluster or snapshot scanned';
  if (scope.length <= 3) return `no ${scope.join(' or ')} objects scanned`;
  return `none of the ${scope.length} kinds it judges was scanned`;
}
