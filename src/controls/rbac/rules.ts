// Static reading of RBAC PolicyRules, with the matching semantics of the Kubernetes RBAC authorizer
// (pkg/apis/rbac/v1/evaluation_helpers.go): `*` matches every verb, API group or resource (subresources included),
// `*/exec` matches the exec subresource of any resource, and anything else must match exactly, so `pods` does not
// grant `pods/exec` and `pods/*` grants no subresource at all (it names a subresource literally called `*`).
import { list, record, type K8sObject } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';
import { apiGroupMatches, readRule, resourceMatches, verbMatches, type PolicyRule } from '../../rbac/rule.js';

export type { PolicyRule } from '../../rbac/rule.js';

/** A request to check: `verb` on `resource` (or `resource/subresource`) of API `group` (`''` is the core group). */
export interface Permission {
  verb: string;
  group: string;
  resource: string;
}

/** A permission a rule grants, and the object names it is limited to (empty: every name). */
export interface Grant {
  permission: Permission;
  resourceNames: readonly string[];
}

export interface RuleAt {
  rule: PolicyRule;
  path: FieldPath;
}

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);

/**
 * The grant of `permission` by `rule`, or undefined when the rule cannot allow it for any object name. A rule
 * restricted by resourceNames never allows `create` of a top-level resource or `deletecollection`: those requests
 * carry no object name to compare.
 */
export function grants(rule: PolicyRule, permission: Permission): Grant | undefined {
  if (!verbMatches(rule, permission.verb) || !apiGroupMatches(rule, permission.group) || !resourceMatches(rule, permission.resource)) {
    return undefined;
  }
  if (rule.resourceNames.length > 0) {
    const nameless = permission.verb === 'deletecollection' || (permission.verb === 'create' && !permission.resource.includes('/'));
    if (nameless) return undefined;
  }
  return { permission, resourceNames: rule.resourceNames };
}

/** Every permission of `wanted` that the rule grants. */
export function grantsOf(rule: PolicyRule, wanted: readonly Permission[]): Grant[] {
  return wanted.map((permission) => grants(rule, permission)).filter((grant): grant is Grant => grant !== undefined);
}

/** The rules of a Role or ClusterRole with their paths; none for other kinds. */
export function roleRules(object: K8sObject): RuleAt[] {
  if (typeof object.kind !== 'string' || !ROLE_KINDS.has(object.kind)) return [];
  const out: RuleAt[] = [];
  list(object.rules).forEach((value, index) => {
    const rule = readRule(value);
    if (rule) out.push({ rule, path: ['rules', index] });
  });
  return out;
}

/** A ClusterRole whose rules the controller manager fills from other roles; those roles are checked instead. */
export function isAggregated(object: K8sObject): boolean {
  return object.kind === 'ClusterRole' && record(object.aggregationRule) !== undefined;
}

/** A role the API server creates and reconciles itself (kubernetes.io/bootstrapping=rbac-defaults, or `system:`). */
export function isDefaultRole(object: K8sObject): boolean {
  const meta = record(object.metadata);
  const labels = record(meta?.labels);
  return labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults' || (typeof meta?.name === 'string' && meta.name.startsWith('system:'));
}

/** `create pods/exec`, as people read permissions. */
export function describePermission(permission: Permission): string {
  const group = permission.group === '' ? '' : ` (${permission.group})`;
  return `${permission.verb} ${permission.resource}${group}`;
}
