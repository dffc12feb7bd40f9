import { defineControl } from '../types.js';
import { ENFORCE_LABEL, ENFORCE_PATH, namespaceLabels, namespaceName } from './pss-labels.js';

export default defineControl(
  {
    id: 'namespace-pss-privileged',
    title: 'Namespace enforces the privileged Pod Security level',
    severity: 'high',
    category: 'Workload',
    description: `Flags Namespaces labelled \`${ENFORCE_LABEL}: privileged\`.`,
    rationale:
      'The privileged level turns Pod Security Admission off for the namespace: any pod may be privileged, share the host\'s namespaces or mount its filesystem, which is root on the node.',
    remediation: `Set \`${ENFORCE_LABEL}: baseline\` or \`restricted\`; keep privileged only for system namespaces that need it (CNI, storage drivers) and restrict who can create pods there.`,
    frameworks: [
      { framework: 'cis', id: '5.2.1' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1611' },
    ],
    appliesTo: ['Namespace'],
  },
  (object) => {
    const labels = namespaceLabels(object);
    if (labels?.[ENFORCE_LABEL] !== 'privileged') return [];
    return [
      {
        path: ENFORCE_PATH,
        message: `namespace ${namespaceName(object)} admits privileged pods`,
        found: 'privileged',
        expected: 'restricted or baseline',
      },
    ];
  },
);
