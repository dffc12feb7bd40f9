import { missingResourceControl } from './resources.js';

export default missingResourceControl(
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
  'requests',
  ['cpu', 'memory'],
);
