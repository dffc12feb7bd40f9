import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'roles' },
    { verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
    { verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  ],
  field: 'verbs',
  expected: 'no escalate or bind on roles or clusterroles',
};

export default defineControl(
  {
    id: 'rbac-escalate-bind',
    title: 'Role can escalate or bind roles',
    severity: 'critical',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant the escalate or bind verb on roles or clusterroles.',
    rationale:
      'escalate lets a subject write roles with permissions it does not hold, and bind lets it bind roles it does not hold: both bypass the RBAC rule that nobody can grant more than they have.',
    remediation: 'Remove escalate and bind; if a controller must bind one role, grant `bind` with `resourceNames: [that-role]`.',
    frameworks: [
      { framework: 'cis', id: '5.1.8' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1098' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
