import { defineControl } from '../types.js';
import { ENFORCE_LABEL, ENFORCE_PATH, namespaceLabels, namespaceName, PSS_LEVELS } from './pss-labels.js';

export default defineControl(
  {
    id: 'namespace-no-pss-enforce',
    title: 'Namespace does not enforce a Pod Security level',
    severity: 'medium',
    category: 'Workload',
    description: `Flags Namespaces without the \`${ENFORCE_LABEL}\` label, or with a value that is not a Pod Security level.`,
    rationale:
      'Without an enforced level, Pod Security Admission admits privileged, host-namespace and hostPath pods into the namespace (unless the cluster-wide default says otherwise), so one compromised deployer can take over a node.',
    remediation: `Label the namespace \`${ENFORCE_LABEL}: restricted\` (or \`baseline\` where restricted is not yet possible), and pin \`${ENFORCE_LABEL}-version\`.`,
    frameworks: [
      { framework: 'cis', id: '5.2.1' },
      { framework: 'nsa', id: 'pod-security' },
      { framework: 'mitre', id: 'T1610' },
    ],
    appliesTo: ['Namespace'],
  },
  (object) => {
    const labels = namespaceLabels(object);
    if (!labels) return [];
    const level = labels[ENFORCE_LABEL];
    if (typeof level === 'string' && PSS_LEVELS.includes(level)) return [];
    const name = namespaceName(object);
    const expected = 'restricted or baseline';
    if (level === undefined) {
      return [{ path: ENFORCE_PATH, message: `namespace ${name} has no ${ENFORCE_LABEL} label`, found: null, expected }];
    }
    return [{ path: ENFORCE_PATH, message: `namespace ${name} sets ${ENFORCE_LABEL} to ${JSON.stringify(level)}, which is not a Pod Security level`, found: level, expected }];
  },
);
