import type { K8sObject } from '../../model/k8s.js';
import { defineControl, type ControlMeta, type ResourceControl, type Violation } from '../types.js';
import { describePermission, grantsOf, isAggregated, isDefaultRole, roleRules, type Grant, type Permission, type PolicyRule } from './rules.js';

export const DEFAULT_ROLE_NOTE =
  ' (a Kubernetes default role: the API server restores it at start-up, so review who is bound to it rather than editing it)';

export interface PermissionCheck {
  /** The permissions the control looks for; a rule granting any of them is reported. */
  permissions: readonly Permission[];
  /** The field of the rule the finding points at: the verb is the risk (escalate) or the resource is (secrets). */
  field: 'verbs' | 'resources';
  expected: string;
}

/** What the evidence shows of a rule: its own lists, never more. */
export function ruleEvidence(rule: PolicyRule): Record<string, string[]> {
  const evidence: Record<string, string[]> = { verbs: rule.verbs, apiGroups: rule.apiGroups, resources: rule.resources };
  if (rule.resourceNames.length > 0) evidence.resourceNames = rule.resourceNames;
  return evidence;
}

function describeGrants(grants: readonly Grant[]): string {
  const names = grants[0]?.resourceNames ?? [];
  const limit = names.length > 0 ? ` (only on objects named ${names.join(', ')})` : '';
  return grants.map((grant) => describePermission(grant.permission)).join(', ') + limit;
}

/** The label of a role in messages: `ClusterRole "edit"`. */
export function roleLabel(object: K8sObject): string {
  const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '?';
  return `${String(object.kind)} "${name}"`;
}

/** The note appended to messages about default roles; empty for others. */
export function defaultRoleNote(object: K8sObject): string {
  return isDefaultRole(object) ? DEFAULT_ROLE_NOTE : '';
}

/** One violation per rule of a Role or ClusterRole that grants any of the permissions; aggregated roles are skipped. */
export function permissionViolations(object: K8sObject, check: PermissionCheck): Violation[] {
  if (isAggregated(object)) return [];
  const violations: Violation[] = [];
  for (const { rule, path } of roleRules(object)) {
    const granted = grantsOf(rule, check.permissions);
    if (granted.length === 0) continue;
    violations.push({
      path: [...path, check.field],
      message: `${roleLabel(object)} grants ${describeGrants(granted)}${defaultRoleNote(object)}`,
      found: ruleEvidence(rule),
      expected: check.expected,
    });
  }
  return violations;
}

/** A control flagging each rule whose `field` includes `*`; `grants` words what such a rule grants. */
export function wildcardRuleControl(meta: ControlMeta, field: 'verbs' | 'resources', grants: (rule: PolicyRule) => string): ResourceControl {
  return defineControl(meta, (object) => {
    if (isAggregated(object)) return [];
    return roleRules(object)
      .filter(({ rule }) => rule[field].includes('*'))
      .map(({ rule, path }) => ({
        path: [...path, field],
        message: `${roleLabel(object)} grants ${grants(rule)}${defaultRoleNote(object)}`,
        found: ruleEvidence(rule),
        expected: `an explicit list of ${field}`,
      }));
  });
}
