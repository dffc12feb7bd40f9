/** What the risk engine answers: an explained score per finding and per workload, and attack paths across engines. */
import type { Severity } from '../model/severity.js';

export type RiskFactorName =
  | 'internet-exposed'
  | 'host-access'
  | 'service-account-escalates'
  | 'service-account-reads-secrets'
  | 'fixable-vulnerabilities'
  | 'known-exploited'
  | 'replicas'
  | 'sensitive-namespace';

/** One reason the score is higher than the severity alone: its weight is a fraction of the base, added to 1. */
export interface RiskFactor {
  name: RiskFactorName;
  weight: number;
  /** The fact behind it in one sentence, naming the objects, policies, bindings or vulnerabilities. */
  evidence: string;
  /** The findings that prove it (ids from `findingIds`), when findings do. */
  findingIds?: string[];
}

export interface RiskScore {
  /** 0-100: round(base × (1 + Σ weights)), capped at 100. */
  score: number;
  /** The severity's points before context. */
  base: { severity: Severity; points: number };
  factors: RiskFactor[];
}

export interface FindingRisk extends RiskScore {
  findingId: string;
}

export interface WorkloadRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface WorkloadRisk {
  workload: WorkloadRef;
  /** The highest score of its findings; 0 without findings. */
  score: number;
  /** The workload's own context, whatever its findings are. */
  factors: RiskFactor[];
  /** Its findings, highest score first. */
  findingIds: string[];
}

export type AttackNodeKind = 'internet' | 'entry' | 'workload' | 'service-account' | 'permission' | 'secrets' | 'cluster-admin' | 'node-root';

export interface AttackNode {
  id: string;
  kind: AttackNodeKind;
  /** `Ingress shop/web`, `Deployment shop/web`, `can read secrets in namespace prod`. */
  label: string;
  /** A foothold worth naming beside the label: `critical CVE-2024-1234 in openssl`. */
  note?: string;
  /** Where an attacker wants to end: cluster-admin, root on a node, Secrets of a sensitive namespace (or all). */
  crownJewel: boolean;
}

export type AttackStepKind = 'exposes' | 'routes-to' | 'runs-as' | 'rbac' | 'reads-secrets' | 'escapes-to-node' | 'network';

export interface AttackStep {
  from: string;
  to: string;
  kind: AttackStepKind;
  evidence: string;
  findingIds?: string[];
}

export interface AttackPath {
  /** `internet`, or a workload assumed compromised (lateral paths). */
  origin: 'internet' | 'workload';
  steps: AttackStep[];
  /** The crown jewel reached. */
  target: string;
  /** internet -> Ingress shop/web -> Deployment shop/web (critical CVE-…) -> ServiceAccount shop/web -> … */
  text: string;
}
