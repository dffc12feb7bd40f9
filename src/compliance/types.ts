/**
 * A compliance framework as data (a YAML file under `frameworks/`): its controls in its own numbering, each decided
 * by kspm checks (API-side controls, or node checks that `kspm node` runs) or marked manual with what an auditor
 * should look at. Which checks decide a requirement is the framework's business, not the checks'.
 */
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
   * It passes when every one was evaluated somewhere and none has an open finding.
   */
  checks?: string[];
  /** For requirements kspm cannot decide: why, and what an auditor should check instead. */
  manual?: { reason: string; audit: string };
  /** Platforms where the provider runs what the requirement is about (`eks`, `gke`, `aks`): reported not applicable there. */
  providerManaged?: string[];
}

export type ComplianceStatus = 'pass' | 'fail' | 'manual' | 'not-applicable';
