import { lowIdControl, MIN_NODE_SAFE_ID } from './low-ids.js';

export default lowIdControl(
  {
    id: 'container-gid-low',
    title: 'Container runs with a low group ID',
    severity: 'low',
    category: 'Workload',
    description: `Flags \`runAsGroup\` values below ${MIN_NODE_SAFE_ID} (0, the root group, included) in pod or container security contexts.`,
    rationale:
      'Low GIDs are groups of the node (root, disk, docker, ...): a process that escapes its container keeps the group and can read or write whatever that group owns on the host.',
    remediation: 'Run with a dedicated high GID, e.g. `securityContext: {runAsGroup: 10001}`.',
    frameworks: [
      { framework: 'nsa', id: 'non-root' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: 'workloads',
  },
  'runAsGroup',
  (gid) => gid >= 0 && gid < MIN_NODE_SAFE_ID,
);
