import { defineControl, type Violation } from '../types.js';
import { affects, allowsEverything, describeRulePorts, openIpBlocks, policySpec, rulesOf } from './policy.js';

export default defineControl(
  {
    id: 'netpol-allow-all-ingress',
    title: 'NetworkPolicy admits ingress from anywhere',
    severity: 'medium',
    category: 'Network',
    description:
      'Flags NetworkPolicy ingress rules that allow everything (a rule with no `from` and no `ports`) or from ipBlock 0.0.0.0/0 or ::/0 without exceptions.',
    rationale:
      'A rule that admits every source undoes the isolation the policy creates for its pods: they become reachable from every pod of every namespace and, through node ports and load balancers, from outside the cluster.',
    remediation:
      'Name the sources in `from` (podSelector, namespaceSelector, or the ipBlocks of known client networks) and the ports in `ports`; keep public exposure at the ingress controller.',
    frameworks: [
      { framework: 'cis', id: '5.3.2' },
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1046' },
    ],
    appliesTo: ['NetworkPolicy'],
  },
  (object) => {
    const spec = policySpec(object);
    if (!spec || !affects(spec, 'Ingress')) return [];
    const violations: Violation[] = [];
    for (const rule of rulesOf(spec, 'Ingress')) {
      if (allowsEverything(rule.rule, 'Ingress')) {
        violations.push({
          path: rule.path,
          message: 'ingress rule admits traffic from every source on every port',
          found: rule.rule,
          expected: 'sources limited by podSelector, namespaceSelector or specific ipBlocks',
        });
        continue;
      }
      for (const block of openIpBlocks(rule, 'Ingress')) {
        violations.push({
          path: block.path,
          message: `ingress rule admits every address (${block.cidr}) on ${describeRulePorts(rule.rule)}`,
          found: block.cidr,
          expected: 'sources limited by podSelector, namespaceSelector or specific ipBlocks',
        });
      }
    }
    return violations;
  },
);
