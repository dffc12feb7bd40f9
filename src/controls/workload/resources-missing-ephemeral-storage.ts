import { missingResourceControl } from './resources.js';

export default missingResourceControl(
  {
    id: 'resources-missing-ephemeral-storage',
    title: 'Container without an ephemeral-storage limit',
    severity: 'low',
    category: 'Workload',
    description: 'Flags containers and init containers that set no `resources.limits.ephemeral-storage` (pod-level limits count).',
    rationale:
      'Logs, emptyDir volumes and the writable layer share the node disk; one container filling it makes the kubelet evict every pod on the node.',
    remediation: 'Set `resources: {limits: {ephemeral-storage: "1Gi"}}` on each container, or a LimitRange default for the namespace.',
    frameworks: [
      { framework: 'nsa', id: 'resource-policies' },
      { framework: 'mitre', id: 'T1499' },
    ],
    appliesTo: 'workloads',
  },
  'limits',
  ['ephemeral-storage'],
);
