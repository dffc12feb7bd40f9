import { podTemplateOf } from '../../inventory/pod-spec.js';
import { defineControl } from '../types.js';

export default defineControl(
  {
    id: 'sa-token-automount',
    title: 'Service account token mounted automatically',
    severity: 'medium',
    category: 'Workload',
    description:
      'Flags pod specs that do not set `automountServiceAccountToken: false`, so the pod gets an API token unless its service account disables it.',
    rationale:
      'Most applications never call the Kubernetes API, yet every mounted token is a credential an intruder can read from the filesystem and use against the API server.',
    remediation:
      'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount) and mount a projected token only in pods that talk to the API.',
    frameworks: [
      { framework: 'cis', id: '5.1.6' },
      { framework: 'nsa', id: 'sa-tokens' },
      { framework: 'mitre', id: 'T1528' },
    ],
    appliesTo: 'workloads',
  },
  (object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    const value = template.spec.automountServiceAccountToken;
    if (value === false) return [];
    return [
      {
        path: [...template.specPath, 'automountServiceAccountToken'],
        message:
          value === true ? 'the pod explicitly mounts its service account token' : 'the pod mounts its service account token unless its service account disables it',
        found: value === undefined ? 'not set' : value,
        expected: 'false',
      },
    ];
  },
);
