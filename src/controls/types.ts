import type { K8sObject } from '../model/k8s.js';
import type { FieldPath } from '../model/path.js';
import type { Severity } from '../model/severity.js';
import type { FrameworkRef } from '../model/finding.js';
import type { Inventory, InventoryEntry } from '../inventory/inventory.js';
import type { PssVersion } from './pss/version.js';

export type ControlCategory =
  | 'Pod Security'
  | 'Workload'
  | 'Images'
  | 'Secrets'
  | 'Network'
  | 'Exposure'
  | 'RBAC'
  | 'API Lifecycle'
  | 'Control Plane'
  | 'Cluster';

/** Which resources a control looks at; the denominator of the posture score. */
export type Applicability =
  /** Every kind that holds a pod template (Pod, Deployment, CronJob, PodTemplate, ...). */
  | 'workloads'
  /** Every resource, whatever its kind (CRDs included). */
  | 'all'
  /** These kinds only. */
  | readonly string[];

export interface ControlMeta {
  /** Stable kebab-case id, used in exceptions, filters and reports. */
  id: string;
  title: string;
  severity: Severity;
  category: ControlCategory;
  /** What the control checks, in one or two sentences. */
  description: string;
  /** Why it matters: the attack or failure it prevents. */
  rationale: string;
  /** What to change, concretely. */
  remediation: string;
  /** Requirements of CIS, NSA-CISA, MITRE ATT&CK, ... that this control helps meet. */
  frameworks: readonly FrameworkRef[];
  appliesTo: Applicability;
  /** Further reading. */
  links?: readonly string[];
  /**
   * The control reads what only a self-managed control plane shows through the API (static pods in kube-system).
   * On a managed cluster (EKS, GKE, AKS) it is reported as not applicable instead of passing for want of subjects.
   */
  selfManagedOnly?: boolean;
  /** The control judges image scans, which only `kspm scan --images` makes; otherwise it is reported as not applicable. */
  needsImageScans?: boolean;
}

/** Settings that change what controls allow. */
export interface ControlOptions {
  pssVersion: PssVersion;
  /** Kubernetes minor version the manifests will be applied to, e.g. `1.33`; removed APIs are judged against it. */
  kubernetesVersion: string;
  /** Registries images may come from (host, host/path prefix, or `*.host`); empty turns the check off. */
  allowedRegistries: readonly string[];
  /** The time of the scan, for judgements that age (a Kubernetes release past its end of support). */
  now: Date;
}

/** One problem a control found in one resource. */
export interface Violation {
  path: FieldPath;
  message: string;
  found: unknown;
  expected: string;
}

export interface ResourceControl {
  meta: ControlMeta;
  scope: 'resource';
  /** Narrows `appliesTo` to the objects the control judges (a Pod that runs kube-apiserver); all of them when absent. */
  judges?(object: K8sObject): boolean;
  /** Pure: no I/O, never throws on malformed input. An empty list means the resource passes. */
  check(object: K8sObject, options: ControlOptions): Violation[];
}

/** The verdict of an inventory control on one subject (a namespace, a service account, ...). */
export interface SubjectResult {
  entry: InventoryEntry;
  violations: Violation[];
}

export interface InventoryControl {
  meta: ControlMeta;
  scope: 'inventory';
  /** Pure: one result per subject evaluated, passing ones included (they count in the score). */
  check(inventory: Inventory, options: ControlOptions): SubjectResult[];
}

export type Control = ResourceControl | InventoryControl;

export function defineControl(meta: ControlMeta, check: ResourceControl['check']): ResourceControl {
  return { meta, scope: 'resource', check };
}

export function defineInventoryControl(meta: ControlMeta, check: InventoryControl['check']): InventoryControl {
  return { meta, scope: 'inventory', check };
}
