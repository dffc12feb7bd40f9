import { podTemplateOf, serviceAccountOf } from '../../inventory/pod-spec.js';
import { defineControl } from '../types.js';

export default defineControl(
  {
    id: 'workload-default-service-account',
    title: 'Pod runs as the default service account',
    severity: 'low',
    category: 'Workload',
    description: 'Flags pod specs that name no service account, or name `default`.',
    rationale:
      'Every pod of a namespace shares the default service account, so a permission granted to it for one workload is granted to all of them, and their identities cannot be told apart in audit logs.',
    remediation:
      'Create a ServiceAccount per workload (`kind: ServiceAccount`, `automountServiceAccountToken: false`) and set `serviceAccountName: <workload>` in the pod spec.',
    frameworks: [
      { framework: 'cis', id: '5.1.5' },
      { framework: 'nsa', id: 'rbac' },
    ],
    appliesTo: 'workloads',
  },
  (object) => {
    const template = podTemplateOf(object);
    if (!template || serviceAccountOf(template.spec) !== 'default') return [];
    const { serviceAccountName, serviceAccount } = template.spec;
    const field = serviceAccountName !== 'default' && serviceAccount === 'default' ? 'serviceAccount' : 'serviceAccountName';
    const named = field === 'serviceAccount' || serviceAccountName === 'default';
    return [
      {
        path: [...template.specPath, field],
        message: named ? 'the pod names the default service account' : 'the pod names no service account, so it runs as "default"',
        found: named ? 'default' : 'not set',
        expected: 'a dedicated service account',
      },
    ];
  },
);
