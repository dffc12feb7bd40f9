import { defineControl } from '../types.js';
import { permissionViolations, type PermissionCheck } from './role-check.js';

/** Kinds whose pod template their writer controls: [API group, resource]. */
const POD_CONTROLLERS = [
  ['', 'replicationcontrollers'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['apps', 'statefulsets'],
  ['apps', 'daemonsets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
] as const;

const CHECK: PermissionCheck = {
  permissions: [
    { verb: 'create', group: '', resource: 'pods' },
    ...['create', 'update', 'patch'].flatMap((verb) => POD_CONTROLLERS.map(([group, resource]) => ({ verb, group, resource }))),
  ],
  field: 'resources',
  expected: 'no create on pods, nor create, update or patch on pod controllers',
};

export default defineControl(
  {
    id: 'rbac-create-workloads',
    title: 'Role can create pods or pod controllers',
    severity: 'medium',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules that grant create on pods, or create, update or patch on Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs or ReplicationControllers.',
    rationale:
      'Whoever writes a pod spec can run it as any service account of the namespace and mount any Secret, ConfigMap or volume there; where admission allows privileged pods, that reaches the node.',
    remediation: 'Grant workload creation only to deployment pipelines and operators, per namespace, and enforce the restricted Pod Security level in those namespaces.',
    frameworks: [
      { framework: 'cis', id: '5.1.4' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1610' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  (object) => permissionViolations(object, CHECK),
);
