import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const WEBHOOK_CONFIGURATIONS = ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'];

const CHECK: PermissionCheck = {
  permissions: ['create', 'update', 'patch', 'delete'].flatMap((verb) =>
    WEBHOOK_CONFIGURATIONS.map((resource) => ({ verb, group: 'admissionregistration.k8s.io', resource })),
  ),
  field: 'resources',
  expected: 'no create, update, patch or delete on webhook configurations',
};

export default defineControl(
  {
    id: 'rbac-webhook-config-write',
    title: 'Role can change admission webhooks',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant create, update, patch or delete on mutating or validating webhook configurations.',
    rationale:
      'A mutating webhook sees and can rewrite every object it is registered for (secrets and pods included), and removing a validating webhook switches off policy enforcement.',
    remediation: 'Keep webhook configurations writable only by the cluster administrators and the operator that owns them, limited with `resourceNames`.',
    frameworks: [
      { framework: 'cis', id: '5.1.12' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1562.001' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
