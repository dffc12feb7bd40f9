import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'create', group: '', resource: 'serviceaccounts/token' },
  ],
  field: 'resources',
  expected: 'no create on serviceaccounts/token',
};

export default defineControl(
  {
    id: 'rbac-sa-token-create',
    title: 'Role can mint service account tokens',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant create on serviceaccounts/token.',
    rationale:
      'The TokenRequest API issues a fresh token for any service account the rule covers, so the holder gains the rights of every such account.',
    remediation: 'Remove create on serviceaccounts/token, or limit it with `resourceNames` to the service accounts the subject must act as.',
    frameworks: [
      { framework: 'cis', id: '5.1.13' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1528' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
