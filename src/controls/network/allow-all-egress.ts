import { defineControl, type Violation } from '../types.js';
import { affects, allowsEverything, describeRulePorts, openIpBlocks, policySpec, rulesOf } from './policy.js';

export default defineControl(
  {
    id: 'netpol-allow-all-egress',
    title: 'NetworkPolicy allows egress anywhere',
    severity: 'low',
    category: 'Network',
    description:
      'Flags NetworkPolicy egress rules that allow everything (a rule with no `to` and no `ports`) or to ipBlock 0.0.0.0/0 or ::/0 without exceptions.',
    rationale:
      'Unrestricted egress lets a compromised pod reach every service of the cluster, the cloud metadata endpoint and any host on the internet, for lateral movement, command and control and exfiltration.',
    remediation:
      'List destinations in `to` (the pods and namespaces the workload calls, DNS in kube-system, the ipBlocks of external dependencies) and the ports in `ports`.',
    frameworks: [
      { framework: 'cis', id: '5.3.2' },
      { framework: 'nsa', id: 'network-policies' },
      { framework: 'mitre', id: 'T1048' },
    ],
    appliesTo: ['NetworkPolicy'],
  },
  (object) => {
    const spec = policySpec(object);
    if (!spec || !affects(spec, 'Egress')) return [];
    const violations: Violation[] = [];
    for (const rule of rulesOf(spec, 'Egress')) {
      if (allowsEverything(rule.rule, 'Egress')) {
        violations.push({
          path: rule.path,
          message: 'egress rule allows traffic to every destination on every port',
          found: rule.rule,
          expected: 'destinations limited by podSelector, namespaceSelector or specific ipBlocks',
        });
        continue;
      }
      for (const block of openIpBlocks(rule, 'Egress')) {
        violations.push({
          path: block.path,
          message: `egress rule allows every address (${block.cidr}) on ${describeRulePorts(rule.rule)}`,
          found: block.cidr,
          expected: 'destinations limited by podSelector, namespaceSelector or specific ipBlocks',
        });
      }
    }
    return violations;
  },
);
