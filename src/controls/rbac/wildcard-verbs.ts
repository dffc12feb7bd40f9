import { defineControl, type Violation } from '../types.js';
import { defaultRoleNote, roleLabel, ruleEvidence } from './role-check.js';
import { isAggregated, roleRules } from './rules.js';

export default defineControl(
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
  (object) => {
    if (isAggregated(object)) return [];
    const violations: Violation[] = [];
    for (const { rule, path } of roleRules(object)) {
      if (!rule.verbs.includes('*')) continue;
      violations.push({
        path: [...path, 'verbs'],
        message: `${roleLabel(object)} grants every verb on ${rule.resources.join(', ') || 'no resources'}${defaultRoleNote(object)}`,
        found: ruleEvidence(rule),
        expected: 'an explicit list of verbs',
      });
    }
    return violations;
  },
);
