/**
 * A compliance framework as data (a YAML file under `frameworks/`): its controls in its own numbering, each decided
 * by kspm checks (API-side controls, or node checks that `kspm node` runs) or marked manual with what an auditor
 * should look at. Which checks decide a requirement is the framework's business, not the checks'.
 */
import type { Finding } from '../model/finding.js';

export interface FrameworkDefinition {
  /** `cis-1.12`, `cis-eks-1.8`, `nsa-1.2`, `pss`, `mitre`, `nist-800-53`, `pci-dss-4`, `hipaa`, `soc2`, ... */
  id: string;
  title: string;
  version: string;
  url?: string;
  /** One or two sentences: what the framework is and what kspm covers of it. */
  description: string;
  controls: FrameworkControl[];
}

export interface FrameworkControl {
  /** The framework's own id: `5.2.2`, `AC-6(9)`, `T1611`, `CC6.1`, `164.312(a)(1)`. */
  id: string;
  title: string;
  /** The section or family it belongs to, as the framework names it: `5.2 Pod Security Standards`, `AC Access Control`. */
  section?: string;
  /**
   * kspm check ids that decide it: API-side control ids (`privileged-container`) and node check ids (`node-...`).
   * It passes when none has an open finding or failing node result and every one was evaluated somewhere, or does not
   * apply where it was asked (a control plane its provider runs); a check that never ran holds it back.
   */
  checks?: string[];
  /** For requirements kspm cannot decide: why, and what an auditor should check instead. */
  manual?: { reason: string; audit: string };
  /** Platforms where the provider runs what the requirement is about (`eks`, `gke`, `aks`): reported not applicable there. */
  providerManaged?: string[];
}

export type ComplianceStatus = 'pass' | 'fail' | 'manual' | 'not-applicable';

/** One framework control's verdict, with the evidence behind it. */
export interface ComplianceControlResult {
  id: string;
  title: string;
  section?: string;
  status: ComplianceStatus;
  /** The kspm checks that decided it. */
  checks: string[];
  /** Open and excepted findings of those checks (excepted ones carry their exception). */
  findings: Finding[];
  /** Node check results that decided it, from `kspm node` reports. */
  nodeResults?: NodeCheckResult[];
  /** For `manual`: why and what to check; for `not-applicable`: why. */
  reason?: string;
  audit?: string;
}

export interface ComplianceReport {
  framework: { id: string; title: string; version: string; url?: string };
  /** Passed / (passed + failed) x 100, one decimal; null when nothing was decided. */
  score: number | null;
  counts: Record<ComplianceStatus, number>;
  controls: ComplianceControlResult[];
}

/** What `kspm node` reports for one check on one node. */
export interface NodeCheckResult {
  checkId: string;
  node: string;
  status: 'pass' | 'fail' | 'not-applicable';
  /** What was found (a flag's value, a file's mode and owner) against what is allowed. */
  found?: unknown;
  expected: string;
  /** The file or process the result is about: `/var/lib/kubelet/config.yaml`, `kubelet`. */
  location?: string;
  message: string;
}
