/** Where a reader can look an advisory up, and what a suppression says in the vocabulary of VEX. */
import type { VexJustification } from '../vuln/ignore/openvex.js';
import type { Suppression } from '../vuln/vulnerability.js';

/** The advisory's page: osv.dev knows every id kspm's databases hold (CVE, GHSA, PYSEC, GO, RUSTSEC, DSA, ...). */
export function advisoryUrl(id: string): string {
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}

export interface SuppressionMeaning {
  /** `resolved` for a VEX `fixed` statement, otherwise `not_affected` (ignore entries included). */
  state: 'not_affected' | 'resolved';
  justification?: VexJustification;
  /** Who suppressed it and why, in words. */
  detail: string;
}

export function suppressionMeaning(suppressed: Suppression): SuppressionMeaning {
  const justification = suppressed.vex?.justification;
  return {
    state: suppressed.vex?.status === 'fixed' ? 'resolved' : 'not_affected',
    ...(justification ? { justification } : {}),
    detail: `${suppressed.by}: ${suppressed.statement}${suppressed.until ? ` (until ${suppressed.until})` : ''}`,
  };
}
