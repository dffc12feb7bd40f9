import { wildcardRuleControl } from './role-check.js';

export default wildcardRuleControl(
  {
    id: 'rbac-wildcard-resources',
    title: 'Role grants every resource (*)',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules whose resources include `*` (every resource and subresource of the listed API groups).',
    rationale:
      'A `*` resource covers secrets, pods/exec, serviceaccounts/token and every custom resource installed later, so a rule meant for one object type silently grants the most sensitive ones.',
    remediation: 'Name the resources the subject needs, e.g. `resources: [configmaps]`, instead of `resources: ["*"]`.',
    frameworks: [
      { framework: 'cis', id: '5.1.3' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  'resources',
  (rule) => {
    const groups = rule.apiGroups.map((group) => (group === '' ? 'core' : group)).join(', ') || 'no API groups';
    return `${rule.verbs.join(', ') || 'no verbs'} on every resource of ${groups}`;
  },
);
