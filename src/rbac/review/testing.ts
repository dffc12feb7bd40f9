/** What the review's tests share: the hand-built estate, and an oracle that asks the authorizer what the flags claim. */
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { isRecord, type K8sObject } from '../../model/k8s.js';
import { clusterViewOf, type ClusterView } from '../cluster-view.js';
import { permissionsOf } from '../queries.js';
import type { ResourceRequest } from '../request.js';
import { userOf, type Subject } from '../users.js';
import type { ReviewRow } from './review.js';
import { CLUSTER_ADMIN, RISKS } from './risks.js';

export function estateObjects(): K8sObject[] {
  return loadAll(readFileSync(new URL('./testdata/estate.yaml', import.meta.url), 'utf8')).filter(isRecord) as K8sObject[];
}

export function estateView(extra: readonly K8sObject[] = []): ClusterView {
  return clusterViewOf([...estateObjects(), ...extra]);
}

export function findRow(rows: readonly ReviewRow[], kind: string, name: string, namespace?: string): ReviewRow {
  const row = rows.find((each) => each.subject.kind === kind && each.subject.name === name && each.subject.namespace === namespace);
  if (!row) throw new Error(`no row for ${kind} ${namespace ? `${namespace}/` : ''}${name}`);
  return row;
}

/** Every request a probe stands for, in every namespace a RoleBinding could grant it, and with every name a rule lists. */
function requestsOf(view: ClusterView, probe: { verbs: string[]; group: string; resources: string[]; namespaced: boolean }, named: boolean): ResourceRequest[] {
  const namespaces = [undefined, ...(probe.namespaced ? view.namespaces : [])];
  const names = [undefined, ...(named ? new Set(view.model.allRoles().flatMap((role) => role.rules.flatMap((rule) => rule.resourceNames))) : [])];
  return probe.verbs.flatMap((verb) =>
    probe.resources.flatMap((combined) => {
      const [resource = combined, subresource] = combined.split('/');
      return namespaces.flatMap((namespace) =>
        names.map((name): ResourceRequest => ({ type: 'resource', verb, group: probe.group, resource, ...(subresource ? { subresource } : {}), ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) })),
      );
    }),
  );
}

/**
 * The flags the authorizer itself implies for a subject, asked one request at a time through RbacModel.authorize
 * (with its full scan of the bindings), with the severity each deserves: the cluster-wide one when a request without
 * a namespace is allowed. The wildcard flag is read from permissionsOf; anonymous access is left to the cases.
 */
export function expectedFlags(view: ClusterView, subject: Subject): Map<string, string> {
  const user = userOf(subject);
  const allowed = (requests: ResourceRequest[]) => requests.filter((request) => view.model.authorize(user, request).allowed);
  const expected = new Map<string, string>();
  for (const risk of RISKS) {
    if (risk.appliesTo || !risk.probes) continue;
    const granted = risk.probes.flatMap((probe) => allowed(requestsOf(view, probe, risk.named === true)));
    const required = (risk.requires ?? []).flatMap((probe) => allowed(requestsOf(view, probe, true)));
    if (granted.length === 0 || (risk.requires && required.length === 0)) continue;
    const clusterWide = granted.some((request) => request.namespace === undefined);
    expected.set(risk.id, clusterWide ? risk.severity : (risk.namespacedSeverity ?? risk.severity));
  }
  const wildcard = RISKS.find((risk) => risk.id === 'wildcard')!;
  const scopes = permissionsOf(view.model, user).filter((scope) => scope.rules.some(({ rule }) => wildcard.rule!(rule)));
  if (scopes.length > 0) expected.set(wildcard.id, scopes.some((scope) => scope.namespace === undefined) ? wildcard.severity : wildcard.namespacedSeverity!);
  return expected;
}

/** The row's flags as the oracle sees them: cluster-admin equivalence stands for the others, as the review has it. */
export function comparableFlags(row: ReviewRow, expected: Map<string, string>): { found: [string, string][]; wanted: [string, string][] } {
  const found = row.risks.filter((flag) => flag.id !== 'anonymous-access').map((flag): [string, string] => [flag.id, flag.severity]).sort();
  const admin = expected.get(CLUSTER_ADMIN);
  const wanted = admin ? [[CLUSTER_ADMIN, admin] as [string, string]] : [...expected.entries()].sort();
  return { found, wanted };
}
