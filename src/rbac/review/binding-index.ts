/**
 * The bindings of a model indexed by who they name, so that finding a user's bindings costs the few it has rather
 * than a pass over every binding (RbacModel.bindingsOf scans them all, which a review of thousands of subjects
 * cannot afford).
 */
import type { Binding, RbacModel } from '../model.js';
import { serviceAccountUser, subjectApplies, type Subject, type UserInfo } from '../users.js';

/** A binding that reaches a user, and the subject of it that does: the user itself or one of its groups. */
export interface AppliedBinding {
  binding: Binding;
  subject: Subject;
}

interface Entry {
  binding: Binding;
  subject: Subject;
  /** The binding's position in the model: the authorizer visits ClusterRoleBindings, then RoleBindings, each in order. */
  order: number;
}

/** User and ServiceAccount subjects match by user name (`system:serviceaccount:NS:NAME`), Groups by group name. */
const userKey = (name: string) => `user\0${name}`;
const groupKey = (name: string) => `group\0${name}`;

function keyOf(subject: Subject): string | undefined {
  switch (subject.kind) {
    case 'User':
      return userKey(subject.name);
    case 'ServiceAccount':
      return userKey(serviceAccountUser(subject.namespace ?? '', subject.name));
    case 'Group':
      return groupKey(subject.name);
    default:
      return undefined;
  }
}

export const subjectId = (subject: Subject): string => JSON.stringify([subject.kind, subject.namespace ?? '', subject.name]);

export class BindingIndex {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly named = new Map<string, { subject: Subject; bindings: Binding[] }>();

  constructor(model: RbacModel) {
    const bindings = model.bindings();
    const clusterWideFirst = [...bindings.filter((binding) => binding.key.kind === 'ClusterRoleBinding'), ...bindings.filter((binding) => binding.key.kind === 'RoleBinding')];
    clusterWideFirst.forEach((binding, order) => {
      for (const subject of binding.subjects) {
        const id = subjectId(subject);
        const named = this.named.get(id) ?? { subject, bindings: [] };
        if (!named.bindings.includes(binding)) named.bindings.push(binding);
        this.named.set(id, named);
        const key = keyOf(subject);
        if (key === undefined) continue;
        const entries = this.byKey.get(key) ?? [];
        entries.push({ binding, subject, order });
        this.byKey.set(key, entries);
      }
    });
  }

  /** Every distinct subject some binding names, in the order first named. */
  subjects(): Subject[] {
    return [...this.named.values()].map((entry) => entry.subject);
  }

  /** The bindings that name this subject itself. */
  naming(subject: Subject): Binding[] {
    return this.named.get(subjectId(subject))?.bindings ?? [];
  }

  /**
   * Every binding with a subject that applies to the user, in the authorizer's order, each once: by the user itself
   * when a subject names it, else by the first of its groups that does.
   */
  applying(user: UserInfo): AppliedBinding[] {
    const keys = [...(user.name === '' ? [] : [userKey(user.name)]), ...user.groups.map(groupKey)];
    const found = new Map<Binding, Entry>();
    for (const key of keys) {
      for (const entry of this.byKey.get(key) ?? []) {
        if (!found.has(entry.binding) && subjectApplies(entry.subject, user)) found.set(entry.binding, entry);
      }
    }
    return [...found.values()].sort((a, b) => a.order - b.order).map(({ binding, subject }) => ({ binding, subject }));
  }
}
