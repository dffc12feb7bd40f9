/**
 * The risk formula (docs/risk.md): score = min(100, round(base × (1 + Σ weights))), where base comes from the
 * finding's severity and each factor adds a documented fraction of it. Severity stays the largest part: a low
 * finding never overtakes a critical one on the same workload, yet context reorders findings of close severities.
 */
import type { Severity } from '../model/severity.js';
import type { WorkloadContext } from './context.js';
import { describeEntry, describeObject } from './internet.js';
import type { RiskFactor, RiskScore } from './model.js';
import { listVulnerabilities } from './vulnerabilities.js';
import { describeNode, rankOf } from '../rbac/escalation/index.js';

export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = { critical: 40, high: 28, medium: 16, low: 6, info: 2 };

export const WEIGHTS = {
  internetExposed: 0.8,
  escape: 0.6,
  host: 0.3,
  escalatesToCluster: 0.7,
  escalatesWide: 0.5,
  escalatesNamespace: 0.3,
  secretsEverywhere: 0.5,
  secretsNamespace: 0.3,
  fixableCritical: 0.4,
  fixableHigh: 0.2,
  knownExploited: 0.6,
  /** Per doubling of the replica count, up to replicasCap. */
  replicasPerDoubling: 0.05,
  replicasCap: 0.3,
  sensitiveNamespace: 0.3,
} as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

export function scoreOf(severity: Severity, factors: RiskFactor[]): RiskScore {
  const points = SEVERITY_POINTS[severity];
  const total = factors.reduce((sum, factor) => sum + factor.weight, 0);
  return { score: Math.min(100, Math.round(points * (1 + total))), base: { severity, points }, factors };
}

function internetFactor(context: WorkloadContext): RiskFactor | undefined {
  const open = context.routes.filter((route) => route.open);
  if (open.length === 0) return undefined;
  const ways = open.slice(0, 3).map((route) => `${describeEntry(route.exposure)} (${route.why})`).join('; ');
  const more = open.length > 3 ? ` and ${open.length - 3} more` : '';
  return { name: 'internet-exposed', weight: WEIGHTS.internetExposed, evidence: `${describeObject(context.ref)} is reachable from the internet through ${ways}${more}` };
}

function hostFactor(context: WorkloadContext): RiskFactor | undefined {
  const host = context.host;
  if (!host) return undefined;
  const escape = host.level === 'escape';
  return {
    name: 'host-access',
    weight: escape ? WEIGHTS.escape : WEIGHTS.host,
    evidence: `${escape ? 'its pods can take over their node' : 'its pods reach into their node'}: ${host.reasons.join(', ')}`,
    ...(host.findingIds.length > 0 ? { findingIds: host.findingIds } : {}),
  };
}

function accountFactors(context: WorkloadContext): RiskFactor[] {
  const { account } = context;
  const power = account.power;
  if (!power || !account.tokenMounted) return [];
  const who = `ServiceAccount ${account.namespace}/${account.name}`;
  if (power.clusterAdmin) return [{ name: 'service-account-escalates', weight: WEIGHTS.escalatesToCluster, evidence: `${who} holds cluster-admin rights (${power.clusterAdmin})` }];
  const factors: RiskFactor[] = [];
  const path = power.escalation;
  if (path) {
    const weight = path.reaches.kind === 'cluster-admin' || path.reaches.kind === 'node' ? WEIGHTS.escalatesToCluster
      : path.reaches.kind === 'every-namespace' ? WEIGHTS.escalatesWide : WEIGHTS.escalatesNamespace;
    const chain = path.steps.map((step) => step.action).join(' -> ');
    factors.push({ name: 'service-account-escalates', weight, evidence: `${who} can reach ${describeNode(path.steps[path.steps.length - 1]!.to)}: ${chain}` });
  }
  // Reaching every namespace (or more) includes reading Secrets: counting both would count one power twice.
  if (power.secrets && (!path || path.reaches.rank < rankOf('every-namespace'))) {
    factors.push({ name: 'service-account-reads-secrets', weight: power.secrets.namespace === undefined ? WEIGHTS.secretsEverywhere : WEIGHTS.secretsNamespace, evidence: `${who} ${power.secrets.evidence}` });
  }
  return factors;
}

function vulnerabilityFactors(context: WorkloadContext): RiskFactor[] {
  const { fixable, knownExploited } = context.vulnerabilities;
  const ids = context.vulnerabilityFindingIds.length > 0 ? { findingIds: context.vulnerabilityFindingIds } : {};
  const factors: RiskFactor[] = [];
  if (fixable.length > 0) {
    const critical = fixable.some((note) => note.severity === 'critical');
    factors.push({ name: 'fixable-vulnerabilities', weight: critical ? WEIGHTS.fixableCritical : WEIGHTS.fixableHigh, evidence: `${fixable.length} ${critical ? 'critical or high' : 'high'} vulnerabilit${fixable.length === 1 ? 'y' : 'ies'} with a fix in its images: ${listVulnerabilities(fixable)}`, ...ids });
  }
  if (knownExploited.length > 0) {
    factors.push({ name: 'known-exploited', weight: WEIGHTS.knownExploited, evidence: `listed as exploited in the wild (CISA KEV): ${listVulnerabilities(knownExploited)}`, ...ids });
  }
  return factors;
}

function replicasFactor(context: WorkloadContext): RiskFactor | undefined {
  const replicas = context.replicas;
  if (replicas === undefined || replicas < 2) return undefined;
  const weight = round2(Math.min(WEIGHTS.replicasCap, WEIGHTS.replicasPerDoubling * Math.log2(replicas)));
  return { name: 'replicas', weight, evidence: `${replicas} replicas run the same pod template` };
}

export function sensitiveFactor(why: string | undefined): RiskFactor | undefined {
  return why ? { name: 'sensitive-namespace', weight: WEIGHTS.sensitiveNamespace, evidence: why } : undefined;
}

/** The workload's own context as factors, in a fixed order. */
export function workloadFactors(context: WorkloadContext): RiskFactor[] {
  return [
    internetFactor(context),
    hostFactor(context),
    ...accountFactors(context),
    ...vulnerabilityFactors(context),
    replicasFactor(context),
    sensitiveFactor(context.sensitive),
  ].filter((factor): factor is RiskFactor => factor !== undefined);
}
