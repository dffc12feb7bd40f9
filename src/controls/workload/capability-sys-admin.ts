import { containersOf, podTemplateOf } from '../../inventory/pod-spec.js';
import { defineControl, type Violation } from '../types.js';
import { capabilityEntries } from './capabilities.js';
import { containerName, isWindowsPod } from './pod-helpers.js';

export default defineControl(
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
  (object) => {
    const template = podTemplateOf(object);
    if (!template || isWindowsPod(template.spec)) return [];
    const violations: Violation[] = [];
    for (const { container, path } of containersOf(template)) {
      for (const entry of capabilityEntries(container, 'add')) {
        if (entry.name !== 'SYS_ADMIN') continue;
        violations.push({
          path: [...path, 'securityContext', 'capabilities', 'add', entry.index],
          message: `container "${containerName(container)}" adds SYS_ADMIN`,
          found: 'SYS_ADMIN',
          expected: 'SYS_ADMIN not added',
        });
      }
    }
    return violations;
  },
);
