import { formatPath } from '../../model/path.js';
import { defineControl, type Violation } from '../types.js';
import { defaultRoleNote, roleLabel, ruleEvidence } from './role-check.js';
import { grantsOf, isAggregated, roleRules, type Permission } from './rules.js';

const APPROVAL: readonly Permission[] = ['update', 'patch'].map((verb) => ({
  verb,
  group: 'certificates.k8s.io',
  resource: 'certificatesigningrequests/approval',
}));
const SIGNER_APPROVAL: readonly Permission[] = [{ verb: 'approve', group: 'certificates.k8s.io', resource: 'signers' }];

export default defineControl(
  {
    id: 'rbac-csr-approve',
    title: 'Role can approve certificate signing requests',
    severity: 'high',
    category: 'RBAC',
    description:
      'Flags Roles and ClusterRoles that grant both update (or patch) on certificatesigningrequests/approval and approve on signers: together they approve CSRs.',
    rationale:
      'Approving a CSR for the kube-apiserver-client signer mints a client certificate with any user and group name, system:masters included; certificates cannot be revoked before they expire.',
    remediation:
      'Remove approval rights from the role, or limit `approve` on signers with `resourceNames` to the one signer the approver serves (never kubernetes.io/kube-apiserver-client).',
    frameworks: [
      { framework: 'cis', id: '5.1.11' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1649' },
    ],
    appliesTo: ['ClusterRole', 'Role'],
  },
  (object) => {
    if (isAggregated(object)) return [];
    const rules = roleRules(object);
    const signerRule = rules.find(({ rule }) => grantsOf(rule, SIGNER_APPROVAL).length > 0);
    if (!signerRule) return [];
    const signers = signerRule.rule.resourceNames.length > 0 ? `signers ${signerRule.rule.resourceNames.join(', ')}` : 'every signer';
    const violations: Violation[] = [];
    for (const { rule, path } of rules) {
      if (grantsOf(rule, APPROVAL).length === 0) continue;
      violations.push({
        path: [...path, 'resources'],
        message: `${roleLabel(object)} can approve certificate signing requests for ${signers} (with ${formatPath(signerRule.path)})${defaultRoleNote(object)}`,
        found: { approvalRule: ruleEvidence(rule), signerRule: ruleEvidence(signerRule.rule) },
        expected: 'no update on certificatesigningrequests/approval together with approve on signers',
      });
    }
    return violations;
  },
);
