/** The words every rendering of a review uses for its cells, so the table, CSV and HTML say the same thing. */
import { describeBinding, describeRole } from '../model.js';
import { describeSubject } from '../users.js';
import type { ScopePermissions } from './permissions.js';
import type { AccessReview, InheritedGroup, ReviewBinding, ReviewRow, ReviewWorkload } from './review.js';
import type { ReviewGrant, RiskFlag } from './risks.js';

/** Namespaces a flag names before `+N more`. */
const NAMESPACES_SHOWN = 3;

/** `RoleBinding shop/devs -> ClusterRole edit`, with `through Group ...` and `(role missing)` where they apply. */
function describeReviewBinding(binding: ReviewBinding): string {
  const through = binding.through ? ` (through ${describeSubject(binding.through)})` : '';
  const missing = binding.roleFound ? '' : ' (role missing)';
  return `${describeBinding(binding.binding)} -> ${describeRole(binding.role)}${missing}${through}`;
}

/** `inherits from Group system:authenticated (4 bindings), Group ...`: reviewed on those groups' own rows. */
function describeInherited(inherited: readonly InheritedGroup[]): string {
  return `inherits from ${inherited.map(({ group, bindings }) => `Group ${group} (${bindings} ${bindings === 1 ? 'binding' : 'bindings'})`).join(', ')}`;
}

/** The bindings cell: the subject's own bindings, then the groups it inherits from. */
export function describeBindings(row: ReviewRow): string[] {
  return [...row.bindings.map(describeReviewBinding), ...(row.inherited.length > 0 ? [describeInherited(row.inherited)] : [])];
}

/** `cluster: get,list on pods (core)` or `namespace shop: ...`. */
export function describeScope(scope: ScopePermissions): string {
  return `${scope.namespace === undefined ? 'cluster' : `namespace ${scope.namespace}`}: ${scope.summary}`;
}

function scopeOf(grants: readonly ReviewGrant[]): string {
  if (grants.some((grant) => grant.namespace === undefined)) return 'cluster-wide';
  const namespaces = [...new Set(grants.map((grant) => grant.namespace ?? ''))].sort();
  const more = namespaces.length > NAMESPACES_SHOWN ? ` +${namespaces.length - NAMESPACES_SHOWN} more` : '';
  return `in ${namespaces.slice(0, NAMESPACES_SHOWN).join(', ')}${more}`;
}

/** `Read secrets (cluster-wide, by ClusterRole y +1 more)`: the bindings are in their own column; the JSON lists every grant. */
export function describeRisk(flag: RiskFlag): string {
  if (flag.reason) return `${flag.title} (${flag.reason})`;
  const names = [...new Set(flag.grants.flatMap((grant) => grant.resourceNames ?? []))].sort();
  const named = flag.grants.every((grant) => grant.resourceNames) ? `, only ${names.join(',')}` : '';
  const [first] = flag.grants;
  const by = first ? `, by ${describeRole(first.role)}${first.through ? ` through ${describeSubject(first.through)}` : ''}` : '';
  const others = flag.grants.length > 1 ? ` +${flag.grants.length - 1} more` : '';
  return `${flag.title} (${scopeOf(flag.grants)}${named}${by}${others})`;
}

/** `Deployment web [privileged, hostPath]`. */
export function describeWorkload(workload: ReviewWorkload): string {
  const notes = [...(workload.privileged ? ['privileged'] : []), ...(workload.hostPath ? ['hostPath'] : [])];
  return `${workload.kind} ${workload.name}${notes.length > 0 ? ` [${notes.join(', ')}]` : ''}`;
}

export function describePods(row: ReviewRow): string {
  return `${row.pods} ${row.pods === 1 ? 'pod' : 'pods'}`;
}

/** `12 subjects: 9 listed, 3 system subjects left out; highest risk critical 2, high 4`. */
export function describeCounts(review: AccessReview): string {
  const { counts } = review;
  const hidden = counts.hidden > 0 ? `, ${counts.hidden} system ${counts.hidden === 1 ? 'subject' : 'subjects'} left out` : '';
  const risks = Object.entries(counts.byRisk).filter(([, count]) => count > 0).map(([severity, count]) => `${severity} ${count}`);
  const flagged = risks.length > 0 ? `; highest risk ${risks.join(', ')}` : '; no risk flags';
  return `${counts.subjects} subjects: ${counts.listed} listed${hidden}${flagged}. Read from ${counts.roles} roles and ${counts.bindings} bindings.`;
}

export function describeSources(review: AccessReview): string {
  return review.sources.length > 0 ? review.sources.join(', ') : 'not recorded';
}
