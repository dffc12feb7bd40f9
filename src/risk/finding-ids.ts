/**
 * Findings carry no id of their own; the risk engine names each by what it is about, so a score, a factor and an
 * attack step can point at it, and the same scan gives the same ids whatever order the findings come in.
 */
import type { Finding } from '../model/finding.js';

function baseId(finding: Finding): string {
  const { controlId, resource, path } = finding;
  return `${controlId}:${resource.kind}:${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}:${path}`;
}

/** One id per finding, in the order given: `control:Kind:namespace/name:path`, with `#2`, `#3` for repeats. */
export function findingIds(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const id = baseId(finding);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  });
}
