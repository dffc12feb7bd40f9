import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

const CHECK: PermissionCheck = {
  // The kubelet maps HTTP methods to verbs; a websocket upgrade (exec) is a GET, so every verb counts.
  permissions: ['get', 'create', 'update', 'patch', 'delete'].map((verb) => ({ verb, group: '', resource: 'nodes/proxy' })),
  field: 'resources',
  expected: 'no access to nodes/proxy',
};

export default defineControl(
  {
    id: 'rbac-nodes-proxy',
    title: 'Role can reach the kubelet through nodes/proxy',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant any verb on nodes/proxy.',
    rationale:
      'nodes/proxy reaches the kubelet API, which runs commands in every pod of the node; requests go around admission and audit of pod exec, and a websocket GET needs only the get verb.',
    remediation: 'Remove access to nodes/proxy; monitoring agents read metrics through nodes/metrics or the metrics API instead.',
    frameworks: [
      { framework: 'cis', id: '5.1.10' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1609' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
