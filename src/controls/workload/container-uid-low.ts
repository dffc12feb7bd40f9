import { lowIdControl, MIN_NODE_SAFE_ID } from './low-ids.js';

export default lowIdControl(
  {
    id: 'container-uid-low',
    title: 'Container runs with a low user ID',
    severity: 'low',
    category: 'Workload',
    description: `Flags \`runAsUser\` values from 1 to ${MIN_NODE_SAFE_ID - 1} in pod or container security contexts; UID 0 is the business of the Pod Security runAsUser check.`,
    rationale:
      'Low UIDs are those of real users and daemons on the node: a process that escapes its container as one of them inherits that account’s files and privileges.',
    remediation: 'Run as a dedicated high UID, e.g. `securityContext: {runAsUser: 10001, runAsNonRoot: true}`, and build the image with a matching user.',
    frameworks: [
      { framework: 'nsa', id: 'non-root' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: 'workloads',
  },
  'runAsUser',
  (uid) => uid > 0 && uid < MIN_NODE_SAFE_ID,
);
