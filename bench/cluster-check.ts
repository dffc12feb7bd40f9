/**
 * Whether a cluster scan saw what kubectl saw: the resources a kspm JSON report lists and the items `kubectl get -o
 * json` returned, compared by identity (apiVersion, kind, namespace, name), each counted once.
 */
import { isRecord } from '../src/model/k8s.js';

/** `apps/v1 Deployment shop/web`; cluster-scoped objects have an empty namespace (`v1 Node /worker-1`). */
export type Identity = string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function identity(apiVersion: unknown, kind: unknown, namespace: unknown, name: unknown): Identity {
  return `${text(apiVersion)} ${text(kind)} ${text(namespace)}/${text(name)}`;
}

/** An item of a kubectl List. */
export function itemIdentity(item: unknown): Identity {
  if (!isRecord(item)) return identity('', '', '', '');
  const metadata = isRecord(item.metadata) ? item.metadata : {};
  return identity(item.apiVersion, item.kind, metadata.namespace, metadata.name);
}

/** An entry of a report's `resources` list, which names its object at the top level. */
export function reportIdentity(resource: unknown): Identity {
  return isRecord(resource) ? identity(resource.apiVersion, resource.kind, resource.namespace, resource.name) : identity('', '', '', '');
}

const SHOWN = 5;

function sample(identities: readonly Identity[]): string {
  const shown = identities.slice(0, SHOWN).join(', ');
  return identities.length > SHOWN ? `${shown} and ${identities.length - SHOWN} more` : shown;
}

function duplicates(identities: readonly Identity[]): Identity[] {
  const seen = new Set<Identity>();
  const repeated = new Set<Identity>();
  for (const entry of identities) (seen.has(entry) ? repeated : seen).add(entry);
  return [...repeated];
}

/** What keeps the report's resources from being exactly kubectl's items; empty when they match. */
export function compareInventories(report: readonly Identity[], kubectl: readonly Identity[]): string[] {
  const problems: string[] = [];
  if (report.length !== kubectl.length) problems.push(`the report lists ${report.length} resources, kubectl returned ${kubectl.length} items`);
  const reportTwice = duplicates(report);
  if (reportTwice.length > 0) problems.push(`the report lists ${reportTwice.length} resources more than once: ${sample(reportTwice)}`);
  const kubectlTwice = duplicates(kubectl);
  if (kubectlTwice.length > 0) problems.push(`kubectl returned ${kubectlTwice.length} items more than once: ${sample(kubectlTwice)}`);
  const reported = new Set(report);
  const returned = new Set(kubectl);
  const missing = [...returned].filter((entry) => !reported.has(entry));
  if (missing.length > 0) problems.push(`${missing.length} items kubectl returned are not in the report: ${sample(missing)}`);
  const extra = [...reported].filter((entry) => !returned.has(entry));
  if (extra.length > 0) problems.push(`${extra.length} resources in the report were not returned by kubectl: ${sample(extra)}`);
  return problems;
}
