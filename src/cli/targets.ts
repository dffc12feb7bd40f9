/**
 * What a command reads: manifest paths, live clusters (kubeconfig contexts) and snapshots, from the flags every
 * reading command shares, turned into scan sources in that order.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { loadKubeconfig } from '../cluster/kubeconfig.js';
import { readClusterEvents, type ClusterEvent } from '../cluster/events.js';
import { clusterScanSource } from '../cluster/source.js';
import type { ScanSource } from '../engine/scan.js';
import { snapshotParts } from '../snapshot/read.js';
import { readSources, type ReadOptions } from '../sources/index.js';
import type { ClusterFacts, CoverageGap } from '../model/cluster.js';
import type { LoadedResource } from '../model/resource.js';
import { formatSource } from '../outputs/location.js';
import { UsageError } from '../usage-error.js';
import { warnGaps } from './gaps.js';
import { ProgressLine } from './progress.js';

/** Input files larger than this are refused unless --max-file-size says otherwise. */
export const DEFAULT_MAX_FILE_MIB = 32;

export interface TargetFlags {
  cluster?: boolean;
  context: string[];
  allContexts?: boolean;
  kubeconfig?: string;
  snapshot: string[];
  namespace: string[];
  allNamespaces?: boolean;
}

export interface Targets {
  paths: string[];
  /** Kubeconfig contexts to read; `undefined` stands for the current context. */
  clusters: (string | undefined)[];
  kubeconfig?: string;
  snapshots: string[];
  /** Namespaces to read from clusters (all when empty). */
  namespaces: string[];
}

/** Resolves the shared flags; throws a UsageError for contradictions or when nothing is to be read. */
export function resolveTargets(paths: string[], flags: TargetFlags, command: string): Targets {
  if (flags.allNamespaces && flags.namespace.length > 0) throw new UsageError('-A/--all-namespaces and -n/--namespace contradict each other: pick one');
  let clusters: (string | undefined)[] = [];
  if (flags.allContexts || flags.context.length > 0 || flags.cluster) {
    const config = readKubeconfig(flags.kubeconfig);
    const known = config.getContexts().map((context) => context.name);
    if (flags.allContexts) {
      if (known.length === 0) throw new UsageError('--all-contexts: the kubeconfig has no contexts');
      clusters = known;
    } else if (flags.context.length > 0) {
      clusters = [...new Set(flags.context)];
      const unknown = clusters.find((name) => !known.includes(name!));
      if (unknown !== undefined) throw new UsageError(`context "${unknown}" is not in the kubeconfig (it has ${known.length > 0 ? known.join(', ') : 'none'})`);
    } else {
      if (!config.getCurrentContext()) throw new UsageError('the kubeconfig names no current context: pass --context NAME or --all-contexts');
      clusters = [undefined];
    }
  }
  if (paths.length === 0 && clusters.length === 0 && flags.snapshot.length === 0) {
    throw new UsageError(`kspm ${command} needs something to read: PATH (a file, a directory, or - for stdin), --cluster, --context NAME, --all-contexts or --snapshot FILE`);
  }
  return {
    paths,
    clusters,
    ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
    snapshots: flags.snapshot,
    namespaces: flags.namespace,
  };
}

/** The kubeconfig, read once up front so that a missing or broken one is a usage error, not a failed scan. */
function readKubeconfig(file: string | undefined): KubeConfig {
  try {
    return loadKubeconfig(file !== undefined ? { kubeconfig: file } : {});
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** How the targets are named in a report's `inputs`. */
export function targetNames(targets: Targets): string[] {
  return [
    ...targets.paths,
    ...targets.clusters.map((context) => `cluster:${context ?? '(current context)'}`),
    ...targets.snapshots.map((file) => `snapshot:${file}`),
  ];
}

/** Reads each cluster of the targets in turn, showing progress on a terminal. */
export async function* clusterEvents(targets: Targets, progress: ProgressLine): AsyncGenerator<AsyncIterable<ClusterEvent>> {
  for (const context of targets.clusters) {
    yield (async function* () {
      try {
        yield* readClusterEvents({
          ...(context !== undefined ? { context } : {}),
          ...(targets.kubeconfig !== undefined ? { kubeconfig: targets.kubeconfig } : {}),
          namespaces: targets.namespaces,
          onProgress: (name, state) => progress.update(name, state),
        });
      } finally {
        progress.clear();
      }
    })();
  }
}

/** Every source of the targets: the files first (as one source), then each cluster, then each snapshot's clusters. */
export async function* scanSources(targets: Targets, read: ReadOptions, progress = new ProgressLine()): AsyncGenerator<ScanSource> {
  if (targets.paths.length > 0) yield { items: readSources(targets.paths, read) };
  for await (const events of clusterEvents(targets, progress)) yield clusterScanSource(events);
  for (const file of targets.snapshots) {
    for await (const part of snapshotParts(file)) yield clusterScanSource(part);
  }
}

export interface ReadCounts {
  clusters: number;
  resources: number;
  errors: number;
}

/**
 * Reads every source of the targets for the commands that gather rather than scan (inventory, rbac, network): each
 * resource goes to `add`, each cluster's facts to `addCluster`; unreadable inputs are reported on standard error and
 * unlisted resources warned about, so a result missing objects says so.
 */
export async function readTargets(targets: Targets, add: (resource: LoadedResource) => void, addCluster: (facts: ClusterFacts) => void = () => {}): Promise<ReadCounts> {
  const counts: ReadCounts = { clusters: 0, resources: 0, errors: 0 };
  for await (const source of scanSources(targets, { maxFileBytes: DEFAULT_MAX_FILE_MIB * 1024 * 1024 })) {
    const gaps: CoverageGap[] = [];
    for await (const item of source.items) {
      if (item.type === 'error') {
        counts.errors++;
        process.stderr.write(`kspm: ${formatSource(item.error)}: ${item.error.message}\n`);
      } else if (item.type === 'gap') {
        gaps.push(item.gap);
      } else {
        counts.resources++;
        add(item.resource);
      }
    }
    const facts = source.facts?.();
    if (facts) {
      counts.clusters++;
      addCluster(facts);
      warnGaps(facts.context, gaps);
    }
  }
  return counts;
}
