import type { K8sObject } from '../../model/k8s.js';
import { defineControl } from '../types.js';
import { bindingName, describeSubject, roleRefOf, subjectsOf } from './bindings.js';

/** The binding the API server creates for the system:masters group, which bypasses RBAC anyway. */
function isDefaultMastersBinding(object: K8sObject): boolean {
  const subjects = subjectsOf(object);
  return (
    object.kind === 'ClusterRoleBinding' &&
    subjects.length > 0 &&
    subjects.every(({ subject }) => subject.kind === 'Group' && subject.name === 'system:masters')
  );
}

export default defineControl(
  {
    id: 'rbac-cluster-admin-binding',
    title: 'Binding grants cluster-admin',
    severity: 'high',
    category: 'RBAC',
    description:
      'Flags RoleBindings and ClusterRoleBindings to the cluster-admin ClusterRole, except the default binding for the system:masters group.',
    rationale:
      'cluster-admin is every verb on every resource: one stolen token of a bound subject owns the cluster (or, through a RoleBinding, the whole namespace, the namespace object included).',
    remediation:
      'Bind a role that lists what the subject needs (the default `admin`, `edit` or `view` roles, or your own) and keep cluster-admin for break-glass accounts.',
    frameworks: [
      { framework: 'cis', id: '5.1.1' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078' },
    ],
    appliesTo: ['ClusterRoleBinding', 'RoleBinding'],
  },
  (object) => {
    const ref = roleRefOf(object);
    if (!ref || ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin' || isDefaultMastersBinding(object)) return [];
    const subjects = subjectsOf(object).map(({ subject }) => describeSubject(subject));
    const scope = object.kind === 'ClusterRoleBinding' ? 'cluster-wide' : `over namespace ${object.metadata?.namespace ?? '(unset)'}`;
    return [
      {
        path: ['roleRef', 'name'],
        message: `${object.kind} "${bindingName(object)}" grants cluster-admin ${scope} to ${subjects.join(', ') || 'no subjects'}`,
        found: { roleRef: ref, subjects },
        expected: 'a role limited to what the subjects need',
      },
    ];
  },
);
