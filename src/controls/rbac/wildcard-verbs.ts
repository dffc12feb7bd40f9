import { wildcardRuleControl } from './role-check.js';

export default wildcardRuleControl(
  {
    id: 'rbac-wildcard-verbs',
    title: 'Role grants every verb (*)',
    severity: 'high',
    category: 'RBAC',
    description: 'Flags Role and ClusterRole rules whose verbs include `*`.',
    rationale:
      'A `*` verb grants today\'s verbs and any added later, including escalate, bind and impersonate where the resources allow them: least privilege cannot be reviewed when the list is open-ended.',
    remediation: 'List the verbs the subject needs, e.g. `verbs: [get, list, watch]`, instead of `verbs: ["*"]`.',
    frameworks: [
      { framework: 'cis', id: '5.1.3' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078' },
    ],
    appliesTo: ['Role', 'ClusterRole'],
  },
  'verbs',
  (rule) => `every verb on ${rule.resources.join(', ') || 'no resources'}`,
);
