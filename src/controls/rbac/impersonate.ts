import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'impersonate', group: '', resource: 'users' },
    { verb: 'impersonate', group: '', resource: 'groups' },
    { verb: 'impersonate', group: '', resource: 'serviceaccounts' },
    { verb: 'impersonate', group: 'authentication.k8s.io', resource: 'uids' },
  ],
  field: 'verbs',
  expected: 'no impersonate verb',
};

export default defineControl(
  {
    id: 'rbac-impersonate',
    title: 'Role can impersonate users, groups or service accounts',
    severity: 'critical',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant impersonate on users, groups, service accounts or UIDs.',
    rationale:
      'Impersonation acts with the rights of another identity: impersonating the system:masters group, or any powerful service account, is cluster-admin.',
    remediation: 'Remove impersonate; where a proxy must impersonate, limit it with `resourceNames` to the identities it serves.',
    frameworks: [
      { framework: 'cis', id: '5.1.8' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
