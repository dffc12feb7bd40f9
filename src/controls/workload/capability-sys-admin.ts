import { addedCapabilityControl } from './capabilities.js';

export default addedCapabilityControl(
  {
    id: 'capability-sys-admin',
    title: 'Container adds the SYS_ADMIN capability',
    severity: 'high',
    category: 'Workload',
    description: 'Flags containers (init and ephemeral included) whose `securityContext.capabilities.add` holds `SYS_ADMIN`.',
    rationale:
      'SYS_ADMIN is close to full root: it allows mounting filesystems, cgroup release-agent tricks and namespace manipulation, the usual routes out of a container onto the node.',
    remediation: 'Remove SYS_ADMIN from `securityContext.capabilities.add`; grant the narrow capability the program needs, or move the task to a node-level agent.',
    frameworks: [
      { framework: 'cis', id: '5.2.9' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: 'workloads',
  },
  (name) => (name === 'SYS_ADMIN' ? { what: 'SYS_ADMIN', expected: 'SYS_ADMIN not added' } : undefined),
);
