/**
 * The sources of the analysis commands (rbac, network): one live cluster (`--cluster` or `--context`), one snapshot,
 * or manifests (`-f`, repeatable), read object by object. Unreadable inputs and unlisted resources are reported on
 * standard error, so an analysis that misses objects says so.
 */
import type { K8sObject } from '../model/k8s.js';
import { UsageError } from '../usage-error.js';
import { readTargets, resolveTargets } from './targets.js';

export interface OneClusterFlags {
  cluster?: boolean;
  context?: string;
  kubeconfig?: string;
  snapshot?: string;
  file: string[];
}

/** Feeds every object read to `add`; `command` names the command in messages (`rbac who-can`). */
export async function readOneCluster(flags: OneClusterFlags, command: string, add: (object: K8sObject) => void): Promise<void> {
  const chosen = [flags.cluster || flags.context !== undefined, flags.snapshot !== undefined, flags.file.length > 0].filter(Boolean).length;
  if (chosen === 0) throw new UsageError(`kspm ${command} needs what to read: --cluster (or --context NAME), --snapshot FILE or -f PATH`);
  if (chosen > 1) throw new UsageError(`kspm ${command} reads one cluster: give --cluster/--context, --snapshot or -f, not several`);
  const targets = resolveTargets(flags.file, {
    cluster: flags.cluster === true,
    context: flags.context !== undefined ? [flags.context] : [],
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    snapshot: flags.snapshot !== undefined ? [flags.snapshot] : [],
    namespace: [],
  }, command);
  const { clusters, resources, errors } = await readTargets(targets, (resource) => add(resource.object));
  if (clusters > 1) throw new UsageError(`the snapshot holds ${clusters} clusters: kspm ${command} analyses one (collect it with --context NAME)`);
  if (resources === 0 && errors > 0) throw new UsageError('nothing could be read');
}

/** What was read, as reports name it. */
export function sourceNames(flags: OneClusterFlags): string[] {
  if (flags.snapshot !== undefined) return [`snapshot:${flags.snapshot}`];
  if (flags.file.length > 0) return flags.file;
  return [`cluster:${flags.context ?? '(current context)'}`];
}
