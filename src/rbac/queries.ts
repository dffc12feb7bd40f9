/** The questions people ask of RBAC: who can do this, and what can this subject do. */
import { describeSubject, MASTERS, type Subject, type UserInfo } from './users.js';
import { RbacModel, type BindingKey, type RoleKey, type SourcedRule } from './model.js';
import type { AuthorizationRequest } from './request.js';
import type { PolicyRule } from './rule.js';

export interface Via {
  binding: BindingKey;
  role: RoleKey;
}

export interface Allowed {
  subject: Subject;
  via: Via[];
}

const subjectId = (subject: Subject): string => `${subject.kind}/${subject.namespace ?? ''}/${subject.name}`;

/**
 * Every subject some binding allows the request, with each binding and role that does. A resource request without a
 * namespace asks about every namespace: RoleBindings count in their own namespace (their `via` says which).
 */
export function whoCan(model: RbacModel, request: AuthorizationRequest): Allowed[] {
  const found = new Map<string, Allowed>();
  for (const binding of model.bindings()) {
    const anywhere = request.type === 'resource' && request.namespace === undefined && binding.key.kind === 'RoleBinding';
    const asked = anywhere ? { ...request, namespace: binding.key.namespace } : request;
    if (!model.grantOf(binding, asked)) continue;
    for (const subject of binding.subjects) {
      const id = subjectId(subject);
      const entry = found.get(id) ?? { subject, via: [] };
      entry.via.push({ binding: binding.key, role: binding.role });
      found.set(id, entry);
    }
  }
  return [...found.values()].sort((a, b) => describeSubject(a.subject).localeCompare(describeSubject(b.subject)));
}

/** Members of system:masters are allowed everything whatever the bindings say. */
export const ALWAYS_ALLOWED: Subject = { kind: 'Group', name: MASTERS };

/** Rules a user holds in one scope: cluster-wide (ClusterRoleBindings) or in one namespace (RoleBindings). */
export interface ScopedRules {
  /** Absent for cluster-wide. */
  namespace?: string;
  rules: MergedRule[];
}

/** Rules that differ only in verbs merged into one, with the bindings and roles they come from. */
export interface MergedRule {
  rule: PolicyRule;
  via: Via[];
}

function ruleShape(rule: PolicyRule): string {
  const sorted = (values: string[]) => [...values].sort().join(',');
  return [sorted(rule.apiGroups), sorted(rule.resources), sorted(rule.resourceNames), sorted(rule.nonResourceURLs)].join('|');
}

function merge(entries: { rule: SourcedRule; via: Via }[]): MergedRule[] {
  const merged = new Map<string, MergedRule>();
  for (const { rule, via } of entries) {
    const shape = ruleShape(rule.rule);
    const existing = merged.get(shape);
    if (!existing) {
      merged.set(shape, { rule: { ...rule.rule, verbs: [...new Set(rule.rule.verbs)].sort() }, via: [via] });
      continue;
    }
    existing.rule.verbs = [...new Set([...existing.rule.verbs, ...rule.rule.verbs])].sort();
    if (!existing.via.some((each) => each.binding === via.binding)) existing.via.push(via);
  }
  return [...merged.values()];
}

/** What the user may do, scope by scope: cluster-wide first, then each namespace. */
export function permissionsOf(model: RbacModel, user: UserInfo): ScopedRules[] {
  const scopes = new Map<string, { rule: SourcedRule; via: Via }[]>();
  for (const binding of model.bindingsOf(user)) {
    const scope = binding.key.kind === 'RoleBinding' ? (binding.key.namespace ?? '') : '';
    const entries = scopes.get(scope) ?? [];
    for (const rule of model.rulesOf(binding.role)) entries.push({ rule, via: { binding: binding.key, role: binding.role } });
    scopes.set(scope, entries);
  }
  return [...scopes.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
    .map(([scope, entries]) => ({ ...(scope === '' ? {} : { namespace: scope }), rules: merge(entries) }));
}
