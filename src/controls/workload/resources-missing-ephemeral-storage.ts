import { containersOf, podTemplateOf } from '../../inventory/pod-spec.js';
import { defineControl, type Violation } from '../types.js';
import { containerName } from './pod-helpers.js';
import { setsQuantity } from './resources.js';

export default defineControl(
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
  (object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    const violations: Violation[] = [];
    for (const { container, path } of containersOf(template, ['initContainers', 'containers'])) {
      if (setsQuantity(template.spec, container, 'limits', 'ephemeral-storage')) continue;
      violations.push({
        path: [...path, 'resources', 'limits', 'ephemeral-storage'],
        message: `container "${containerName(container)}" has no ephemeral-storage limit`,
        found: 'not set',
        expected: 'resources.limits.ephemeral-storage set',
      });
    }
    return violations;
  },
);
