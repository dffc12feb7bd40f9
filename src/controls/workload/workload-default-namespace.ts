import { podTemplateOf } from '../../inventory/pod-spec.js';
import { record } from '../../model/k8s.js';
import { defineControl } from '../types.js';

export default defineControl(
  {
    id: 'workload-default-namespace',
    title: 'Workload placed in the default namespace',
    severity: 'low',
    category: 'Workload',
    description:
      'Flags workloads whose `metadata.namespace` is explicitly `default`. Manifests without a namespace are left alone: they land wherever they are applied.',
    rationale:
      'The default namespace is shared by everything nobody placed deliberately, so policies, quotas and RBAC scoped to it protect nothing in particular.',
    remediation: 'Create a namespace per application or team and set `metadata: {namespace: <app>}` on its resources.',
    frameworks: [
      { framework: 'cis', id: '5.6.4' },
      { framework: 'cis', id: '5.6.1' },
      { framework: 'nsa', id: 'namespaces' },
    ],
    appliesTo: 'workloads',
  },
  (object) => {
    if (!podTemplateOf(object)) return [];
    if (record(object.metadata)?.namespace !== 'default') return [];
    return [
      {
        path: ['metadata', 'namespace'],
        message: 'the workload is placed in the default namespace',
        found: 'default',
        expected: 'a dedicated namespace',
      },
    ];
  },
);
