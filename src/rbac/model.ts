/**
 * The RBAC objects of one cluster (or set of manifests) and the decisions the Kubernetes RBAC authorizer makes from
 * them: ClusterRole aggregation, binding scope, subject matching, and rule matching (rule.ts).
 */
import { isRecord, list, record, type K8sObject } from '../model/k8s.js';
import { selectorMatches } from '../model/label-selector.js';
import { combinedResource, type AuthorizationRequest } from './request.js';
import { apiGroupMatches, nonResourceURLMatches, readRule, resourceMatches, resourceNameMatches, verbMatches, type PolicyRule } from './rule.js';
import { MASTERS, subjectApplies, type Subject, type UserInfo } from './users.js';

export interface RoleKey {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** For a Role. */
  namespace?: string;
}

export interface BindingKey {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  /** For a RoleBinding. */
  namespace?: string;
}

export interface Role {
  key: RoleKey;
  labels: Record<string, string>;
  rules: PolicyRule[];
  /** The clusterRoleSelectors of an aggregated ClusterRole. */
  aggregation?: unknown[];
}

export interface Binding {
  key: BindingKey;
  role: RoleKey;
  subjects: Subject[];
}

/** A rule a role holds, and the role it was written in (another ClusterRole, for an aggregated one). */
export interface SourcedRule {
  rule: PolicyRule;
  /** The role whose `rules` list holds it, and its index there. */
  from: RoleKey;
  index: number;
}

/** Why a request is allowed: the binding, the role it grants, and the rule that matches. */
export interface Grant {
  binding: BindingKey;
  role: RoleKey;
  rule: SourcedRule;
}

export type Decision =
  | { allowed: true; reason: 'system:masters' | 'rule'; grant?: Grant }
  | { allowed: false };

const strings = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(record(value) ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

function readRules(value: unknown): PolicyRule[] {
  return list(value).map(readRule).filter((rule): rule is PolicyRule => rule !== undefined);
}

/**
 * A ServiceAccount subject without a namespace names one of the RoleBinding's own namespace, as the authorizer reads
 * it; in a ClusterRoleBinding it matches no one, so it is dropped.
 */
function readSubjects(value: unknown, bindingNamespace: string | undefined): Subject[] {
  return list(value).flatMap((entry) => {
    if (!isRecord(entry) || typeof entry.kind !== 'string' || typeof entry.name !== 'string') return [];
    const given = typeof entry.namespace === 'string' && entry.namespace !== '' ? entry.namespace : undefined;
    const namespace = given ?? (entry.kind === 'ServiceAccount' ? bindingNamespace : undefined);
    if (entry.kind === 'ServiceAccount' && namespace === undefined) return [];
    return [{ kind: entry.kind, name: entry.name, ...(namespace === undefined ? {} : { namespace }) }];
  });
}

export function roleId(key: RoleKey): string {
  return key.kind === 'Role' ? `Role/${key.namespace ?? ''}/${key.name}` : `ClusterRole/${key.name}`;
}

export function describeRole(key: RoleKey): string {
  return key.kind === 'Role' ? `Role ${key.namespace ?? ''}/${key.name}` : `ClusterRole ${key.name}`;
}

export function describeBinding(key: BindingKey): string {
  return key.kind === 'RoleBinding' ? `RoleBinding ${key.namespace ?? ''}/${key.name}` : `ClusterRoleBinding ${key.name}`;
}

/** Whether `rule` allows `request` (the authorizer's RuleAllows). */
export function ruleAllows(rule: PolicyRule, request: AuthorizationRequest): boolean {
  if (!verbMatches(rule, request.verb)) return false;
  if (request.type === 'nonResource') return nonResourceURLMatches(rule, request.path);
  return apiGroupMatches(rule, request.group) && resourceMatches(rule, combinedResource(request)) && resourceNameMatches(rule, request.name ?? '');
}

export class RbacModel {
  private readonly roles = new Map<string, Role>();
  private readonly bindingList: Binding[] = [];
  private readonly effective = new Map<string, SourcedRule[]>();

  /** Reads Roles, ClusterRoles, RoleBindings and ClusterRoleBindings (and their List forms' items); ignores the rest. */
  static fromObjects(objects: Iterable<K8sObject>): RbacModel {
    const model = new RbacModel();
    for (const object of objects) model.add(object);
    return model;
  }

  add(object: K8sObject): void {
    const name = object.metadata?.name;
    if (typeof name !== 'string' || name === '') return;
    const namespace = typeof object.metadata?.namespace === 'string' && object.metadata.namespace !== '' ? object.metadata.namespace : undefined;
    const group = typeof object.apiVersion === 'string' ? object.apiVersion.split('/')[0] : '';
    if (group !== 'rbac.authorization.k8s.io') return;
    switch (object.kind) {
      case 'Role':
      case 'ClusterRole': {
        if (object.kind === 'Role' && namespace === undefined) return;
        const key: RoleKey = object.kind === 'Role' ? { kind: 'Role', name, namespace } : { kind: 'ClusterRole', name };
        const selectors = record(object.aggregationRule)?.clusterRoleSelectors;
        const role: Role = { key, labels: strings(object.metadata?.labels), rules: readRules(object.rules) };
        if (object.kind === 'ClusterRole' && Array.isArray(selectors)) role.aggregation = selectors;
        this.roles.set(roleId(key), role);
        this.effective.clear();
        return;
      }
      case 'RoleBinding':
      case 'ClusterRoleBinding': {
        if (object.kind === 'RoleBinding' && namespace === undefined) return;
        const ref = record(object.roleRef);
        if (!ref || typeof ref.name !== 'string' || (ref.kind !== 'Role' && ref.kind !== 'ClusterRole')) return;
        // A ClusterRoleBinding can only name a ClusterRole; a RoleBinding's Role lives in its own namespace.
        if (object.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') return;
        const role: RoleKey = ref.kind === 'Role' ? { kind: 'Role', name: ref.name, namespace } : { kind: 'ClusterRole', name: ref.name };
        const key: BindingKey = object.kind === 'RoleBinding' ? { kind: 'RoleBinding', name, namespace } : { kind: 'ClusterRoleBinding', name };
        this.bindingList.push({ key, role, subjects: readSubjects(object.subjects, key.namespace) });
        return;
      }
      default:
    }
  }

  role(key: RoleKey): Role | undefined {
    return this.roles.get(roleId(key));
  }

  allRoles(): Role[] {
    return [...this.roles.values()];
  }

  bindings(): readonly Binding[] {
    return this.bindingList;
  }

  /**
   * The rules a role holds: its own, or, for an aggregated ClusterRole, those of every other ClusterRole its selectors
   * match, followed through nested aggregation (view feeds edit, edit feeds admin) as the controller manager does. The
   * controller overwrites an aggregated role's own rules, so they count for nothing; a live cluster's copies of the
   * matched rules are found again in the roles they came from.
   */
  rulesOf(key: RoleKey): SourcedRule[] {
    const id = roleId(key);
    const cached = this.effective.get(id);
    if (cached) return cached;
    const rules = this.collect(key, new Set());
    this.effective.set(id, rules);
    return rules;
  }

  private collect(key: RoleKey, visiting: Set<string>): SourcedRule[] {
    const id = roleId(key);
    const role = this.roles.get(id);
    if (!role || visiting.has(id)) return [];
    visiting.add(id);
    const selectors = role.aggregation;
    if (!selectors) return role.rules.map((rule, index) => ({ rule, from: key, index }));
    return this.allRoles()
      .filter((other) => other.key.kind === 'ClusterRole' && roleId(other.key) !== id && selectors.some((selector) => selectorMatches(selector, other.labels)))
      .sort((a, b) => a.key.name.localeCompare(b.key.name))
      .flatMap((other) => this.collect(other.key, visiting));
  }

  /** Whether a binding's grant reaches the request's namespace: ClusterRoleBindings everywhere, RoleBindings in theirs. */
  static inScope(binding: Binding, request: AuthorizationRequest): boolean {
    if (binding.key.kind === 'ClusterRoleBinding') return true;
    return request.type === 'resource' && request.namespace !== undefined && request.namespace === binding.key.namespace;
  }

  /** The first rule of a binding's role that allows the request, if the binding's scope reaches it. */
  grantOf(binding: Binding, request: AuthorizationRequest): Grant | undefined {
    if (!RbacModel.inScope(binding, request)) return undefined;
    const rule = this.rulesOf(binding.role).find((sourced) => ruleAllows(sourced.rule, request));
    return rule ? { binding: binding.key, role: binding.role, rule } : undefined;
  }

  /** The RBAC authorizer's decision for one user, with the grant that allows it. */
  authorize(user: UserInfo, request: AuthorizationRequest): Decision {
    if (user.groups.includes(MASTERS)) return { allowed: true, reason: 'system:masters' };
    for (const binding of this.bindingsOf(user)) {
      const grant = this.grantOf(binding, request);
      if (grant) return { allowed: true, reason: 'rule', grant };
    }
    return { allowed: false };
  }

  /** Every binding with a subject that applies to the user: ClusterRoleBindings first, as the authorizer visits them. */
  bindingsOf(user: UserInfo): Binding[] {
    const applying = this.bindingList.filter((binding) => binding.subjects.some((subject) => subjectApplies(subject, user)));
    return [...applying.filter((binding) => binding.key.kind === 'ClusterRoleBinding'), ...applying.filter((binding) => binding.key.kind === 'RoleBinding')];
  }
}
