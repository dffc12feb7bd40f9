/** Human and JSON renderings of who-can, can-i and permissions answers. */
import type { Json } from '../model/k8s.js';
import { describeBinding, describeRole, type BindingKey, type Decision, type RoleKey } from './model.js';
import { ALWAYS_ALLOWED, type Allowed, type ScopedRules } from './queries.js';
import { describeRequest, type AuthorizationRequest } from './request.js';
import type { PolicyRule } from './rule.js';
import { describeSubject } from './users.js';

const keyJson = (key: BindingKey | RoleKey): Json => ({ kind: key.kind, name: key.name, ...(key.namespace ? { namespace: key.namespace } : {}) });

export function whoCanJson(request: AuthorizationRequest, allowed: readonly Allowed[]): string {
  const document = {
    request: request as unknown as Json,
    subjects: allowed.map(({ subject, via }) => ({
      kind: subject.kind,
      name: subject.name,
      ...(subject.namespace ? { namespace: subject.namespace } : {}),
      via: via.map(({ binding, role }) => ({ binding: keyJson(binding), role: keyJson(role) })),
    })),
    alwaysAllowed: [{ kind: ALWAYS_ALLOWED.kind, name: ALWAYS_ALLOWED.name, reason: 'members of system:masters pass every authorization check' }],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ').trimEnd()).join('\n');
}

function scopeOf(binding: BindingKey): string {
  return binding.kind === 'RoleBinding' ? `namespace ${binding.namespace ?? ''}` : 'cluster-wide';
}

export function whoCanTable(request: AuthorizationRequest, allowed: readonly Allowed[]): string {
  const header = `Who can ${describeRequest(request)}:`;
  const rows = [['SUBJECT', 'SCOPE', 'GRANTED BY']];
  for (const { subject, via } of allowed) {
    via.forEach(({ binding, role }, index) => rows.push([index === 0 ? describeSubject(subject) : '', scopeOf(binding), `${describeBinding(binding)} -> ${describeRole(role)}`]));
  }
  const body = allowed.length === 0 ? 'no subject is bound to a role that allows it' : columns(rows);
  return `${header}\n${body}\n\nGroup system:masters is always allowed: its members pass every authorization check.\n`;
}

/** `because ClusterRoleBinding x -> ClusterRole y (rule 3 of ClusterRole z)`. */
export function explainDecision(decision: Decision): string {
  if (!decision.allowed) return 'no binding of this user grants a rule that allows it';
  if (decision.reason === 'system:masters') return 'the user is in group system:masters, which passes every authorization check';
  const grant = decision.grant!;
  const from = grant.rule.from.name === grant.role.name && grant.rule.from.kind === grant.role.kind ? '' : ` of ${describeRole(grant.rule.from)}, aggregated`;
  return `${describeBinding(grant.binding)} -> ${describeRole(grant.role)}: rule ${grant.rule.index}${from} ${describeRule(grant.rule.rule)}`;
}

export function describeRule(rule: PolicyRule): string {
  const list = (values: string[]) => (values.length === 0 ? '-' : values.join(','));
  if (rule.nonResourceURLs.length > 0 && rule.resources.length === 0) return `[${list(rule.verbs)}] on ${list(rule.nonResourceURLs)}`;
  const groups = rule.apiGroups.map((group) => (group === '' ? 'core' : group));
  const names = rule.resourceNames.length > 0 ? ` named ${list(rule.resourceNames)}` : '';
  return `[${list(rule.verbs)}] on ${list(rule.resources)} (${list(groups)})${names}`;
}

export function permissionsTable(user: string, scopes: readonly ScopedRules[]): string {
  if (scopes.length === 0) return `${user} is bound to no role: it may do nothing beyond what unbound requests allow\n`;
  return scopes
    .map((scope) => {
      const title = scope.namespace === undefined ? 'Cluster-wide (ClusterRoleBindings)' : `In namespace ${scope.namespace} (RoleBindings)`;
      const rows = [['VERBS', 'RESOURCES', 'GROUPS / URLS', 'NAMES', 'VIA']];
      for (const { rule, via } of scope.rules) {
        const nonResource = rule.nonResourceURLs.length > 0 && rule.resources.length === 0;
        rows.push([
          rule.verbs.join(','),
          nonResource ? '-' : rule.resources.join(','),
          nonResource ? rule.nonResourceURLs.join(',') : rule.apiGroups.map((group) => (group === '' ? 'core' : group)).join(','),
          rule.resourceNames.length > 0 ? rule.resourceNames.join(',') : '*',
          via.map(({ role }) => describeRole(role)).join(', '),
        ]);
      }
      return `${title}\n${columns(rows)}\n`;
    })
    .join('\n');
}

export function permissionsJson(user: { name: string; groups: string[] }, scopes: readonly ScopedRules[]): string {
  const document = {
    user: { name: user.name, groups: user.groups },
    scopes: scopes.map((scope) => ({
      scope: scope.namespace === undefined ? 'cluster' : 'namespace',
      ...(scope.namespace !== undefined ? { namespace: scope.namespace } : {}),
      rules: scope.rules.map(({ rule, via }) => ({ ...rule, via: via.map(({ binding, role }) => ({ binding: keyJson(binding), role: keyJson(role) })) })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
