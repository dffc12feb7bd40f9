import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'create', group: '', resource: 'persistentvolumes' },
  ],
  field: 'resources',
  expected: 'no create on persistentvolumes',
};

export default defineControl(
  {
    id: 'rbac-pv-create',
    title: 'Role can create PersistentVolumes',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant create on PersistentVolumes.',
    rationale:
      'A PersistentVolume can be a hostPath volume: whoever creates one and mounts it through a claim reads and writes the node filesystem, escaping the container.',
    remediation: 'Remove create on persistentvolumes; let users request storage through PersistentVolumeClaims and StorageClasses.',
    frameworks: [
      { framework: 'cis', id: '5.1.9' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
