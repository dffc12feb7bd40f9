/**
 * The RBAC authorizer's decisions (RbacModel.authorize) with bindings indexed by subject: asking what one user may do
 * costs that user's bindings, not a scan of every binding in the cluster, which matters when thousands of identities
 * each ask dozens of questions.
 */
import { RbacModel, ruleAllows, type Binding, type Decision } from '../model.js';
import type { ResourceRequest } from '../request.js';
import { MASTERS, serviceAccountUser, type UserInfo } from '../users.js';

export class BindingIndex {
  private readonly byUser = new Map<string, number[]>();
  private readonly byGroup = new Map<string, number[]>();

  constructor(private readonly model: RbacModel) {
    model.bindings().forEach((binding, position) => {
      for (const subject of binding.subjects) {
        if (subject.kind === 'User') add(this.byUser, subject.name, position);
        else if (subject.kind === 'ServiceAccount') add(this.byUser, serviceAccountUser(subject.namespace ?? '', subject.name), position);
        else if (subject.kind === 'Group') add(this.byGroup, subject.name, position);
      }
    });
  }

  /** The user's bindings in the order the authorizer visits them: ClusterRoleBindings first, each kind as written. */
  permissionsOf(user: UserInfo): UserPermissions {
    const positions = new Set(user.name === '' ? [] : (this.byUser.get(user.name) ?? []));
    for (const group of user.groups) for (const position of this.byGroup.get(group) ?? []) positions.add(position);
    const all = this.model.bindings();
    const bindings = [...positions].sort((a, b) => a - b).map((position) => all[position]!);
    const ordered = [...bindings.filter((binding) => binding.key.kind === 'ClusterRoleBinding'), ...bindings.filter((binding) => binding.key.kind === 'RoleBinding')];
    return new UserPermissions(this.model, user, ordered);
  }
}

function add(index: Map<string, number[]>, key: string, position: number): void {
  const positions = index.get(key);
  if (!positions) index.set(key, [position]);
  else if (positions[positions.length - 1] !== position) positions.push(position);
}

/** One user's bindings and the questions asked of them. */
export class UserPermissions {
  constructor(
    private readonly model: RbacModel,
    readonly user: UserInfo,
    readonly bindings: readonly Binding[],
  ) {}

  get isMaster(): boolean {
    return this.user.groups.includes(MASTERS);
  }

  /** The same decision, and the same grant, as RbacModel.authorize. */
  authorize(request: ResourceRequest): Decision {
    if (this.isMaster) return { allowed: true, reason: 'system:masters' };
    for (const binding of this.bindings) {
      const grant = this.model.grantOf(binding, request);
      if (grant) return { allowed: true, reason: 'rule', grant };
    }
    return { allowed: false };
  }

  /** Namespaces where a RoleBinding grants the user something: the only places its rights can differ from elsewhere. */
  namespaces(): string[] {
    const namespaces = this.bindings.flatMap((binding) => (binding.key.kind === 'RoleBinding' && binding.key.namespace ? [binding.key.namespace] : []));
    return [...new Set(namespaces)].sort();
  }

  /**
   * The names a request without a name could be narrowed to and allowed: the resourceNames of the rules in scope that
   * match it but for the name.
   */
  namesFor(request: ResourceRequest): string[] {
    const names = new Set<string>();
    for (const binding of this.bindings) {
      if (!RbacModel.inScope(binding, request)) continue;
      for (const { rule } of this.model.rulesOf(binding.role)) {
        if (rule.resourceNames.length === 0) continue;
        if (ruleAllows(rule, { ...request, name: rule.resourceNames[0] })) rule.resourceNames.forEach((name) => names.add(name));
      }
    }
    return [...names].sort();
  }
}
