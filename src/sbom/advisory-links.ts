/** Where a reader can look an advisory up, and what a suppression says in the vocabulary of VEX. */
import type { Vulnerability } from '../vuln/vulnerability.js';

/** The advisory's page: osv.dev knows every id kspm's databases hold (CVE, GHSA, PYSEC, GO, RUSTSEC, DSA, ...). */
export function advisoryUrl(id: string): string {
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}

/** The OpenVEX justifications a suppression's statement may name. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];

export interface SuppressionMeaning {
  /** `resolved` when the statement says the package is fixed (a VEX `fixed` status), otherwise `not_affected`. */
  state: 'not_affected' | 'resolved';
  justification?: VexJustification;
  /** Who suppressed it and why, in words. */
  detail: string;
}

export function suppressionMeaning(suppressed: NonNullable<Vulnerability['suppressed']>): SuppressionMeaning {
  const justification = VEX_JUSTIFICATIONS.find((name) => suppressed.statement.includes(name));
  return {
    state: /\bfixed\b/i.test(suppressed.statement) ? 'resolved' : 'not_affected',
    ...(justification ? { justification } : {}),
    detail: `${suppressed.by}: ${suppressed.statement}${suppressed.until ? ` (until ${suppressed.until})` : ''}`,
  };
}
