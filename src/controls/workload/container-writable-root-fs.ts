import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { containerName, LINUX_PODS, securityContextOf } from './pod-helpers.js';

export default defineControl(
  {
    id: 'container-writable-root-fs',
    title: 'Container root filesystem is writable',
    severity: 'medium',
    category: 'Workload',
    description: 'Flags containers (init and ephemeral included) whose `securityContext.readOnlyRootFilesystem` is not `true`.',
    rationale:
      'A writable root filesystem lets an intruder drop tools, alter binaries and persist inside the container; a read-only one confines writes to volumes you chose.',
    remediation:
      'Set `securityContext: {readOnlyRootFilesystem: true}` on each container and mount an `emptyDir` where the program must write (e.g. /tmp).',
    frameworks: [
      { framework: 'nsa', id: 'immutable-fs' },
      { framework: 'cis', id: '5.6.3' },
      { framework: 'mitre', id: 'T1610' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(
      object,
      ({ container, path }) => {
        const value = securityContextOf(container)?.readOnlyRootFilesystem;
        if (value === true) return [];
        return [
          {
            path: [...path, 'securityContext', 'readOnlyRootFilesystem'],
            message: `container "${containerName(container)}" has a writable root filesystem`,
            found: value === undefined ? 'not set' : value,
            expected: 'true',
          },
        ];
      },
      LINUX_PODS,
    ),
);
