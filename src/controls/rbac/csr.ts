import { formatPath } from '../../model/path.js';
import { defineControl, type ControlMeta, type ResourceControl, type Violation } from '../types.js';
import { defaultRoleNote, roleLabel, ruleEvidence } from './role-check.js';
import { grantsOf, isAggregated, roleRules, type Permission } from './rules.js';

/** A step of a CSR's life a role can take: approving one (the approval subresource) or signing one (status). */
export interface CsrPower {
  subresource: 'approval' | 'status';
  /** The verb on signers that lets the role act for a signer: `approve` or `sign`. */
  signerVerb: 'approve' | 'sign';
  /** What the role can do, in messages: `approve certificate signing requests`. */
  can: string;
}

/**
 * A control flagging each rule that grants update (or patch) on certificatesigningrequests/<subresource> in a role
 * that also grants the signer verb: only the two together act on a CSR.
 */
export function csrControl(meta: ControlMeta, power: CsrPower): ResourceControl {
  const steps: readonly Permission[] = ['update', 'patch'].map((verb) => ({ verb, group: 'certificates.k8s.io', resource: `certificatesigningrequests/${power.subresource}` }));
  const signerRights: readonly Permission[] = [{ verb: power.signerVerb, group: 'certificates.k8s.io', resource: 'signers' }];
  return defineControl(meta, (object) => {
    if (isAggregated(object)) return [];
    const rules = roleRules(object);
    const signerRule = rules.find(({ rule }) => grantsOf(rule, signerRights).length > 0);
    if (!signerRule) return [];
    const signers = signerRule.rule.resourceNames.length > 0 ? `signers ${signerRule.rule.resourceNames.join(', ')}` : 'every signer';
    const violations: Violation[] = [];
    for (const { rule, path } of rules) {
      if (grantsOf(rule, steps).length === 0) continue;
      violations.push({
        path: [...path, 'resources'],
        message: `${roleLabel(object)} can ${power.can} for ${signers} (with ${formatPath(signerRule.path)})${defaultRoleNote(object)}`,
        found: { [`${power.subresource}Rule`]: ruleEvidence(rule), signerRule: ruleEvidence(signerRule.rule) },
        expected: `no update on certificatesigningrequests/${power.subresource} together with ${power.signerVerb} on signers`,
      });
    }
    return violations;
  });
}
