import type { ClusterFacts, CoverageGap } from './cluster.js';
import type { Finding } from './finding.js';
import type { InputError, ResourceRef, SourceLocation } from './resource.js';
import type { Severity } from './severity.js';
import type { ControlMeta } from '../controls/types.js';

/** The version of the JSON report layout (docs/output-format.md). Bump the major on any breaking change. */
export const REPORT_SCHEMA_VERSION = '1.2.0';

export interface ToolInfo {
  name: 'kspm';
  version: string;
  /** The project's home page, from package.json `homepage` when it has one. */
  informationUri?: string;
}

/** What a report knows before the first resource arrives. */
export interface ReportHeader {
  tool: ToolInfo;
  startedAt: string;
  /** Paths and `-` as given, then `cluster:CONTEXT` for each cluster read and `snapshot:FILE` for each snapshot. */
  inputs: string[];
  /** The controls this scan evaluates, after --framework and --control filters. */
  controls: ControlMeta[];
  options: {
    frameworks: string[];
    pssVersion: string;
    kubernetesVersion: string;
    failOn?: Severity;
    namespaces?: string[];
  };
}

export interface ResourceRecord extends ResourceRef {
  source: SourceLocation;
}

export interface ControlTally {
  controlId: string;
  severity: Severity;
  /** Resources (or subjects) the control applied to. */
  evaluated: number;
  /** Of those, how many have at least one finding not covered by an active exception. */
  failed: number;
  /** Of those, how many had findings that active exceptions all cover. */
  excepted: number;
  /** Why the control could not judge anything it was meant to (e.g. a managed control plane); absent when it could. */
  notApplicable?: string;
}

/** One cluster's share of a scan: what was read, what could not be, and how it fared. */
export interface ClusterSummary extends ClusterFacts {
  resources: number;
  /** Open findings per severity. */
  bySeverity: Record<Severity, number>;
  score: number | null;
  gaps: CoverageGap[];
}

export interface FrameworkScore {
  id: string;
  title: string;
  /** 0-100, or null when no control of the framework applied to anything scanned. */
  score: number | null;
  controls: number;
  failedControls: number;
}

export interface Summary {
  resources: number;
  findings: {
    total: number;
    /** Findings not covered by an active exception, per severity. */
    bySeverity: Record<Severity, number>;
    excepted: number;
    /** Findings whose exception has expired (they count as open). */
    expiredExceptions: number;
  };
  errors: number;
  score: number | null;
  frameworks: FrameworkScore[];
  /** Present when live clusters or snapshots were scanned: one entry per cluster. */
  clusters?: ClusterSummary[];
  controls: ControlTally[];
  /** With `--top`: the workloads with the highest risk, each with its score and its own factors. */
  riskiestWorkloads?: WorkloadRiskSummary[];
  /** Exit status the CLI will use (see README, Exit codes). */
  exitCode: number;
  finishedAt: string;
}

export interface WorkloadRiskSummary {
  workload: { kind: string; namespace?: string; name: string };
  /** The highest risk score of its open findings (0-100). */
  score: number;
  /** Its context, whatever its findings: exposure, host access, service account power, vulnerabilities, replicas. */
  factors: { name: string; weight: number; evidence: string }[];
  /** How many open findings it has. */
  findings: number;
  /** The cluster it runs in, for scans of clusters. */
  cluster?: string;
}

/**
 * A report format. The scan calls `resource`, `finding` and `error` as it streams through the inputs (findings of a
 * resource follow that resource; findings of cluster-wide controls come last), then `end` once. Formats that can
 * stream write as they go, so memory stays flat however large the estate.
 */
export interface ReportSink {
  begin(header: ReportHeader): void | Promise<void>;
  resource(resource: ResourceRecord): void | Promise<void>;
  finding(finding: Finding): void | Promise<void>;
  error(error: InputError): void | Promise<void>;
  /** A resource of a cluster kspm could not read: reported so nobody mistakes silence for a pass. */
  gap(gap: CoverageGap): void | Promise<void>;
  end(summary: Summary): Promise<void>;
}
