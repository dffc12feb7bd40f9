/**
 * An access review: one row per subject, with how it is bound, what that lets it do, what of that is risky, and what
 * runs as it, for a reviewer to sign off. docs/rbac-review.md describes the result.
 */
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../../model/severity.js';
import type { ClusterView, WorkloadFact } from '../cluster-view.js';
import { userOf, type Subject } from '../users.js';
import { BindingIndex, subjectId, type AppliedBinding } from './binding-index.js';
import { PermissionSummariser, type ScopePermissions } from './permissions.js';
import { ANONYMOUS_ACCESS, grantOf, RiskAssessor, type ReviewGrant, type RiskFlag } from './risks.js';
import { isSystemSubject } from './system.js';

/** Follows semantic versioning: a minor version adds fields, a major one removes, renames or retypes one. */
export const REVIEW_VERSION = '1.0.0';

export interface ReviewOptions {
  /** Whether rows for Kubernetes' own subjects (system.ts) are listed; they are counted either way. */
  includeSystem: boolean;
  now?: Date;
  /** What was read: files, clusters, snapshots, as the caller names them. */
  sources?: string[];
}

export interface ReviewBinding extends ReviewGrant {
  /** False when the role the binding names does not exist: the binding grants nothing. */
  roleFound: boolean;
}

export interface ReviewWorkload {
  kind: string;
  namespace: string;
  name: string;
  privileged: boolean;
  hostPath: boolean;
}

/** A group the subject belongs to whose bindings reach it: reviewed on the group's own row. */
export interface InheritedGroup {
  group: string;
  bindings: number;
}

export interface ReviewRow {
  subject: Subject;
  system: boolean;
  /** The bindings that name the subject (or, for a service account, its user name), in the authorizer's order. */
  bindings: ReviewBinding[];
  /** The groups it belongs to without being named (system:authenticated, system:serviceaccounts, ...) that are bound. */
  inherited: InheritedGroup[];
  /** What its own bindings grant; what the inherited groups grant is on their rows. */
  permissions: ScopePermissions[];
  /** Judged on everything that reaches the subject, inherited grants included (they say through which group); highest severity first. */
  risks: RiskFlag[];
  /** For a service account: the top-level workloads that run as it (not their ReplicaSets, Jobs or Pods). */
  workloads: ReviewWorkload[];
  /** For a service account: the pods seen running as it, whatever controls them. */
  pods: number;
  /** Left empty for the reviewer. */
  signOff: string;
}

export interface ReviewCounts {
  /** Every subject reviewed: those bindings name, and service accounts that run workloads. */
  subjects: number;
  listed: number;
  system: number;
  /** System subjects left out (includeSystem false). */
  hidden: number;
  roles: number;
  bindings: number;
  /** Listed rows by kind of subject. */
  byKind: Record<string, number>;
  /** Listed rows by their highest risk; rows without one are not counted. */
  byRisk: Record<Severity, number>;
}

export interface AccessReview {
  reviewVersion: string;
  generatedAt: string;
  sources: string[];
  includeSystem: boolean;
  counts: ReviewCounts;
  rows: ReviewRow[];
}

/** Kinds the authorizer knows; a binding's subject of any other kind applies to no one. */
const SUBJECT_KINDS = new Set(['User', 'Group', 'ServiceAccount']);
const KIND_ORDER = ['User', 'Group', 'ServiceAccount'];

interface AccountWorkloads {
  workloads: WorkloadFact[];
  pods: number;
}

function workloadsByAccount(workloads: readonly WorkloadFact[]): Map<string, AccountWorkloads> {
  const byAccount = new Map<string, AccountWorkloads>();
  for (const workload of workloads) {
    const id = subjectId({ kind: 'ServiceAccount', namespace: workload.namespace, name: workload.serviceAccount });
    const entry = byAccount.get(id) ?? { workloads: [], pods: 0 };
    if (!workload.controlled) entry.workloads.push(workload);
    if (workload.kind === 'Pod') entry.pods += 1;
    byAccount.set(id, entry);
  }
  return byAccount;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Reached through a group the subject is in rather than by its own name. */
function inheritedFrom(subject: Subject, applied: AppliedBinding): boolean {
  return applied.subject.kind === 'Group' && subjectId(applied.subject) !== subjectId(subject);
}

function inheritedGroups(subject: Subject, applied: readonly AppliedBinding[]): InheritedGroup[] {
  const counts = new Map<string, number>();
  for (const entry of applied) if (inheritedFrom(subject, entry)) counts.set(entry.subject.name, (counts.get(entry.subject.name) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => compare(a, b)).map(([group, bindings]) => ({ group, bindings }));
}

function worst(row: ReviewRow): number {
  return row.risks[0] === undefined ? -1 : SEVERITY_RANK[row.risks[0].severity];
}

/** Riskiest first; then users, groups and service accounts, each by namespace and name. */
function compareRows(a: ReviewRow, b: ReviewRow): number {
  const kind = (row: ReviewRow) => {
    const rank = KIND_ORDER.indexOf(row.subject.kind);
    return rank < 0 ? KIND_ORDER.length : rank;
  };
  return worst(b) - worst(a) || kind(a) - kind(b) || compare(a.subject.kind, b.subject.kind) || compare(a.subject.namespace ?? '', b.subject.namespace ?? '') || compare(a.subject.name, b.subject.name);
}

export function buildReview(view: ClusterView, options: ReviewOptions): AccessReview {
  const { model } = view;
  const index = new BindingIndex(model);
  const summariser = new PermissionSummariser(model);
  const assessor = new RiskAssessor(model);
  const running = workloadsByAccount(view.workloads);

  const subjects = new Map(index.subjects().map((subject) => [subjectId(subject), subject]));
  for (const workload of view.workloads) {
    const account: Subject = { kind: 'ServiceAccount', namespace: workload.namespace, name: workload.serviceAccount };
    if (!subjects.has(subjectId(account))) subjects.set(subjectId(account), account);
  }

  const rows = [...subjects.values()].map((subject): ReviewRow => {
    const user = SUBJECT_KINDS.has(subject.kind) ? userOf(subject) : undefined;
    const applied: AppliedBinding[] = user ? index.applying(user) : index.naming(subject).map((binding) => ({ binding, subject }));
    const risks = user ? assessor.assess(subject, user, applied) : [];
    const own = applied.filter((entry) => !inheritedFrom(subject, entry));
    const account = subject.kind === 'ServiceAccount' ? running.get(subjectId(subject)) : undefined;
    return {
      subject,
      system: isSystemSubject(subject, index.naming(subject), risks.some((risk) => risk.id === ANONYMOUS_ACCESS)),
      bindings: own.map(({ binding, subject: through }) => ({ ...grantOf(binding, subject, through), roleFound: model.role(binding.role) !== undefined })),
      inherited: inheritedGroups(subject, applied),
      permissions: user ? summariser.summarise(own) : [],
      risks,
      workloads: (account?.workloads ?? [])
        .map(({ kind, namespace, name, privileged, hostPath }) => ({ kind, namespace, name, privileged, hostPath }))
        .sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name)),
      pods: account?.pods ?? 0,
      signOff: '',
    };
  });

  const listed = rows.filter((row) => options.includeSystem || !row.system).sort(compareRows);
  const system = rows.filter((row) => row.system).length;
  const byKind: Record<string, number> = {};
  const byRisk = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const row of listed) {
    byKind[row.subject.kind] = (byKind[row.subject.kind] ?? 0) + 1;
    if (row.risks[0]) byRisk[row.risks[0].severity] += 1;
  }
  return {
    reviewVersion: REVIEW_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    sources: options.sources ?? [],
    includeSystem: options.includeSystem,
    counts: {
      subjects: rows.length,
      listed: listed.length,
      system,
      hidden: rows.length - listed.length,
      roles: model.allRoles().length,
      bindings: model.bindings().length,
      byKind,
      byRisk,
    },
    rows: listed,
  };
}
