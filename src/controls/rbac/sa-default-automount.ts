import { defineControl } from '../types.js';

export default defineControl(
  {
    id: 'sa-default-automount',
    title: 'Default service account mounts its token',
    severity: 'low',
    category: 'RBAC',
    description: 'Flags ServiceAccounts named `default` that do not set `automountServiceAccountToken: false`.',
    rationale:
      'Pods that name no service account run as `default` and, unless told otherwise, get its API token mounted: code execution in any of them becomes API access, and any rights later bound to `default` reach all of them.',
    remediation:
      'Set `automountServiceAccountToken: false` on the default ServiceAccount of every namespace, and give workloads that call the API their own ServiceAccount.',
    frameworks: [
      { framework: 'cis', id: '5.1.5' },
      { framework: 'cis', id: '5.1.6' },
      { framework: 'nsa', id: 'sa-tokens' },
      { framework: 'mitre', id: 'T1528' },
    ],
    appliesTo: ['ServiceAccount'],
  },
  (object) => {
    if (object.kind !== 'ServiceAccount' || object.metadata?.name !== 'default' || object.automountServiceAccountToken === false) return [];
    return [
      {
        path: ['automountServiceAccountToken'],
        message: `the default service account of namespace ${object.metadata.namespace ?? '(unset)'} mounts its token into pods`,
        found: object.automountServiceAccountToken ?? null,
        expected: 'false',
      },
    ];
  },
);
