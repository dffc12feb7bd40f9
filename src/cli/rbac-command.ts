/** `kspm rbac ...`: questions about who may do what, answered from a cluster, a snapshot or manifests. */
import { ClusterViewBuilder, type ClusterView } from '../rbac/cluster-view.js';
import { permissionsOf, whoCan } from '../rbac/queries.js';
import { buildReview, renderReview, type ReviewFormat } from '../rbac/review/index.js';
import { isBuiltInIdentity } from '../rbac/review/system.js';
import { findEscalationPaths } from '../rbac/escalation/index.js';
import { escalationsJson, escalationsTable } from '../rbac/render-escalations.js';
import { explainDecision, permissionsJson, permissionsTable, whoCanJson, whoCanTable } from '../rbac/render-queries.js';
import type { AuthorizationRequest } from '../rbac/request.js';
import { resolveResource } from '../rbac/resources.js';
import { impersonated } from '../rbac/users.js';
import { EXIT } from '../engine/scan.js';
import { UsageError } from '../usage-error.js';
import { openOutput } from './output-file.js';
import { readOneCluster, sourceNames, type OneClusterFlags } from './one-cluster.js';

export type RbacSourceFlags = OneClusterFlags;

/** Reads the RBAC objects, service accounts, workloads and token secrets of one cluster, snapshot or set of manifests. */
async function readClusterView(flags: RbacSourceFlags, command: string): Promise<ClusterView> {
  const builder = new ClusterViewBuilder();
  await readOneCluster(flags, `rbac ${command}`, (object) => builder.add(object));
  return builder.build();
}

function requestOf(verb: string, resourceText: string, options: { namespace?: string; name?: string }): AuthorizationRequest {
  if (resourceText.startsWith('/')) {
    if (options.name !== undefined) throw new UsageError('a non-resource URL takes no object name');
    return { type: 'nonResource', verb, path: resourceText };
  }
  let resolved;
  try {
    resolved = resolveResource(resourceText);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (resolved.warning) process.stderr.write(`warning: ${resolved.warning}\n`);
  return {
    type: 'resource',
    verb,
    ...resolved.target,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
  };
}

export interface WhoCanFlags extends RbacSourceFlags {
  namespace?: string;
  name?: string;
  output: 'table' | 'json';
}

export async function whoCanCommand(verb: string, resource: string, flags: WhoCanFlags): Promise<number> {
  const request = requestOf(verb, resource, flags);
  const view = await readClusterView(flags, 'who-can');
  const allowed = whoCan(view.model, request);
  process.stdout.write(flags.output === 'json' ? whoCanJson(request, allowed) : whoCanTable(request, allowed));
  return EXIT.ok;
}

export interface CanIFlags extends RbacSourceFlags {
  namespace?: string;
  allNamespaces?: boolean;
  as?: string;
  asGroup: string[];
  explain?: boolean;
}

/** Prints `yes` or `no` and exits 0 or 1, as `kubectl auth can-i` does. */
export async function canICommand(verb: string, resource: string, name: string | undefined, flags: CanIFlags): Promise<number> {
  if (flags.as === undefined || flags.as === '') throw new UsageError('kspm rbac can-i needs --as USER (a service account is system:serviceaccount:NAMESPACE:NAME)');
  if (flags.allNamespaces && flags.namespace !== undefined) throw new UsageError('-A/--all-namespaces and -n/--namespace contradict each other: pick one');
  const namespace = resource.startsWith('/') || flags.allNamespaces ? undefined : (flags.namespace ?? 'default');
  const request = requestOf(verb, resource, { ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}) });
  const view = await readClusterView(flags, 'can-i');
  const decision = view.model.authorize(impersonated(flags.as, flags.asGroup), request);
  process.stdout.write(`${decision.allowed ? 'yes' : 'no'}\n`);
  if (flags.explain) process.stdout.write(`${explainDecision(decision)}\n`);
  return decision.allowed ? EXIT.ok : EXIT.findings;
}

export interface PermissionsFlags extends RbacSourceFlags {
  as?: string;
  asGroup: string[];
  output: 'table' | 'json';
}

export async function permissionsCommand(flags: PermissionsFlags): Promise<number> {
  if (flags.as === undefined || flags.as === '') throw new UsageError('kspm rbac permissions needs --as USER (a service account is system:serviceaccount:NAMESPACE:NAME)');
  const user = impersonated(flags.as, flags.asGroup);
  const view = await readClusterView(flags, 'permissions');
  const scopes = permissionsOf(view.model, user);
  process.stdout.write(flags.output === 'json' ? permissionsJson(user, scopes) : permissionsTable(flags.as, scopes));
  return EXIT.ok;
}

export interface ReviewFlags extends RbacSourceFlags {
  output: ReviewFormat;
  outputFile?: string;
  includeSystem?: boolean;
}

export async function reviewCommand(flags: ReviewFlags): Promise<number> {
  const view = await readClusterView(flags, 'review');
  const review = buildReview(view, { includeSystem: flags.includeSystem === true, sources: sourceNames(flags) });
  const output = openOutput(flags.outputFile);
  try {
    const columns = flags.outputFile === undefined ? process.stdout.columns : undefined;
    output.stream.write(renderReview(review, flags.output, { color: output.color, ...(columns !== undefined ? { width: columns } : {}) }));
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
  return EXIT.ok;
}

export interface EscalationsFlags extends RbacSourceFlags {
  output: 'table' | 'json';
  includeSystem?: boolean;
}

/** `kspm rbac escalations`: every subject that can reach more than it holds, with the chain of steps. */
export async function escalationsCommand(flags: EscalationsFlags): Promise<number> {
  const view = await readClusterView(flags, 'escalations');
  const all = findEscalationPaths(view);
  const shown = flags.includeSystem ? all : all.filter((path) => !isBuiltInIdentity(path.start));
  const hidden = all.length - shown.length;
  process.stdout.write(flags.output === 'json' ? escalationsJson(shown, hidden) : escalationsTable(shown, hidden));
  return EXIT.ok;
}
