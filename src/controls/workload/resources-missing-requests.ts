import { containersOf, podTemplateOf } from '../../inventory/pod-spec.js';
import { defineControl, type Violation } from '../types.js';
import { containerName } from './pod-helpers.js';
import { setsQuantity } from './resources.js';

const RESOURCES = ['cpu', 'memory'] as const;

export default defineControl(
  {
    id: 'resources-missing-requests',
    title: 'Container without CPU or memory requests',
    severity: 'low',
    category: 'Workload',
    description:
      'Flags containers and init containers that request no CPU or memory. A limit without a request is fine: Kubernetes copies the limit into the request.',
    rationale:
      'The scheduler places pods by their requests: pods without them pile onto busy nodes and are the first evicted under pressure, which turns load into outages.',
    remediation:
      'Set requests on every container from observed usage, e.g. `resources: {requests: {cpu: "100m", memory: "128Mi"}}`.',
    frameworks: [{ framework: 'nsa', id: 'resource-policies' }],
    appliesTo: 'workloads',
  },
  (object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    const violations: Violation[] = [];
    for (const { container, path } of containersOf(template, ['initContainers', 'containers'])) {
      for (const resource of RESOURCES) {
        if (setsQuantity(template.spec, container, 'requests', resource)) continue;
        if (setsQuantity(template.spec, container, 'limits', resource)) continue;
        violations.push({
          path: [...path, 'resources', 'requests', resource],
          message: `container "${containerName(container)}" has no ${resource} request`,
          found: 'not set',
          expected: `resources.requests.${resource} set`,
        });
      }
    }
    return violations;
  },
);
