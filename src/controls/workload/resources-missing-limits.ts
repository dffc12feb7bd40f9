import { missingResourceControl } from './resources.js';

export default missingResourceControl(
  {
    id: 'resources-missing-limits',
    title: 'Container without CPU or memory limits',
    severity: 'medium',
    category: 'Workload',
    description:
      'Flags containers and init containers that set no `resources.limits.cpu` or `resources.limits.memory` (pod-level limits count).',
    rationale:
      'Without limits one compromised or runaway container can take all CPU and memory of its node, starving its neighbours and the kubelet; cryptominers count on it.',
    remediation:
      'Set both limits on every container, e.g. `resources: {limits: {cpu: "500m", memory: "256Mi"}}`, or a namespace LimitRange that defaults them.',
    frameworks: [
      { framework: 'nsa', id: 'resource-policies' },
      { framework: 'mitre', id: 'T1496' },
      { framework: 'mitre', id: 'T1499' },
    ],
    appliesTo: 'workloads',
  },
  'limits',
  ['cpu', 'memory'],
);
