import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'get', group: '', resource: 'secrets' },
    { verb: 'list', group: '', resource: 'secrets' },
    { verb: 'watch', group: '', resource: 'secrets' },
  ],
  field: 'resources',
  expected: 'no get, list or watch on secrets',
};

export default defineControl(
  {
    id: 'rbac-secrets-read',
    title: 'Role can read Secrets',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant get, list or watch on Secrets.',
    rationale:
      'Whoever can read Secrets holds every credential stored in them: service account tokens, registry passwords, TLS keys. list and watch return full Secret contents, not just names.',
    remediation: 'Remove get, list and watch on secrets; where one Secret must be read, grant `get` with `resourceNames: [that-secret]`, or mount it into the pod instead.',
    frameworks: [
      { framework: 'cis', id: '5.1.2' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1552.007' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
