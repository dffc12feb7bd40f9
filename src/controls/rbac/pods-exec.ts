import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'create', group: '', resource: 'pods/exec' },
    { verb: 'create', group: '', resource: 'pods/attach' },
  ],
  field: 'resources',
  expected: 'no create on pods/exec or pods/attach',
};

export default defineControl(
  {
    id: 'rbac-pods-exec',
    title: 'Role can exec or attach into pods',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant create on pods/exec or pods/attach.',
    rationale:
      'Exec and attach run commands inside running containers with their identity, mounted secrets and service account token, bypassing admission of the pod spec.',
    remediation: 'Remove create on pods/exec and pods/attach; give break-glass access through a separate role bound only when needed.',
    frameworks: [
      { framework: 'cis', id: '5.1.4' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1609' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
