import { defineControl, type Violation } from '../types.js';
import { bindingName, roleRefOf, subjectsOf } from './bindings.js';

export default defineControl(
  {
    id: 'rbac-default-sa-binding',
    title: 'Binding grants rights to a default service account',
    severity: 'medium',
    category: 'RBAC',
    description: 'Flags RoleBindings and ClusterRoleBindings whose subjects include a ServiceAccount named `default`.',
    rationale:
      'Every pod that names no service account runs as `default`, so rights bound to it reach every such pod of the namespace, including ones deployed later by anyone allowed to create pods there.',
    remediation:
      'Create a dedicated ServiceAccount for the workload that needs the rights, bind the role to it and set `serviceAccountName` in that workload.',
    frameworks: [
      { framework: 'cis', id: '5.1.5' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078.001' },
    ],
    appliesTo: ['ClusterRoleBinding', 'RoleBinding'],
  },
  (object) => {
    const ref = roleRefOf(object);
    const violations: Violation[] = [];
    for (const { subject, path } of subjectsOf(object)) {
      if (subject.kind !== 'ServiceAccount' || subject.name !== 'default') continue;
      const namespace = subject.namespace ?? object.metadata?.namespace ?? '(unset)';
      violations.push({
        path: [...path, 'name'],
        message: `${object.kind} "${bindingName(object)}" grants ${ref ? `${ref.kind} ${ref.name}` : 'its role'} to the default service account of namespace ${namespace}`,
        found: subject,
        expected: 'a dedicated service account',
      });
    }
    return violations;
  },
);
