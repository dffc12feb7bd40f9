/**
 * Reads every listable resource of a cluster with at most `concurrency` lists in flight, yielding objects as their
 * pages arrive. A resource the server will not list (403, an aggregated API down) becomes a coverage gap and the walk
 * goes on; losing the cluster itself (401, unreachable) ends the walk with a ClusterAccessError.
 */
import type { K8sObject } from '../model/k8s.js';
import type { ClusterConnection } from './connection.js';
import { discover, type ApiResource, type Discovery } from './discovery.js';
import { ApiStatusError, ClusterAccessError } from './errors.js';
import { listResource } from './list.js';

export type ClusterItem =
  | { type: 'object'; object: K8sObject; resource: ApiResource }
  /** `resource` is `pods` or `rolebindings.rbac.authorization.k8s.io` (or a group version discovery failed for). */
  | { type: 'gap'; resource: string; reason: string; status: number };

export interface ReadProgress {
  listsDone: number;
  listsTotal: number;
  objects: number;
}

export interface ReadOptions {
  /** Read namespaced resources in these namespaces only; cluster-scoped resources are read either way. */
  namespaces?: readonly string[];
  concurrency?: number;
  pageSize?: number;
  /** A discovery already made for this connection; discovered afresh otherwise. */
  discovery?: Discovery;
  onProgress?: (progress: ReadProgress) => void;
}

interface ListTask { resource: ApiResource; namespace?: string }

type Settled =
  | { task: number; result: IteratorResult<K8sObject> }
  | { task: number; error: unknown };

function listTasks(resources: readonly ApiResource[], namespaces: readonly string[] | undefined): ListTask[] {
  return resources.flatMap((resource) => (resource.namespaced && namespaces !== undefined
    ? namespaces.map((namespace) => ({ resource, namespace }))
    : [{ resource }]));
}

function gapOf(resource: string, error: unknown): ClusterItem {
  if (error instanceof ApiStatusError) return { type: 'gap', resource, reason: error.message, status: error.status };
  return { type: 'gap', resource, reason: error instanceof Error ? error.message : String(error), status: 0 };
}

export async function* readCluster(connection: ClusterConnection, options: ReadOptions = {}): AsyncGenerator<ClusterItem> {
  const { namespaces, concurrency = 4, pageSize, onProgress } = options;
  const discovery = options.discovery ?? await discover(connection);
  for (const failure of discovery.failedGroups) {
    yield { type: 'gap', resource: failure.groupVersion, reason: failure.reason, status: failure.status };
  }

  const tasks = listTasks(discovery.resources, namespaces);
  const active = new Map<number, { iterator: AsyncGenerator<K8sObject>; pending: Promise<Settled> }>();
  const progress: ReadProgress = { listsDone: 0, listsTotal: tasks.length, objects: 0 };
  let started = 0;

  const pull = (task: number, iterator: AsyncGenerator<K8sObject>): void => {
    const pending = iterator.next().then(
      (result): Settled => ({ task, result }),
      (error: unknown): Settled => ({ task, error }),
    );
    active.set(task, { iterator, pending });
  };
  const fill = (): void => {
    while (active.size < Math.max(1, concurrency) && started < tasks.length) {
      const task = tasks[started];
      if (task !== undefined) pull(started, listResource(connection, task.resource, { pageSize, namespace: task.namespace }));
      started += 1;
    }
  };
  const finish = (task: number): void => {
    active.delete(task);
    progress.listsDone += 1;
    onProgress?.({ ...progress });
    fill();
  };

  fill();
  while (active.size > 0) {
    const settled = await Promise.race([...active.values()].map((entry) => entry.pending));
    const resource = tasks[settled.task]?.resource;
    if (resource === undefined) continue;
    if ('error' in settled) {
      if (settled.error instanceof ClusterAccessError) throw settled.error;
      finish(settled.task);
      yield gapOf(resource.qualifiedName, settled.error);
    } else if (settled.result.done === true) {
      finish(settled.task);
    } else {
      const entry = active.get(settled.task);
      if (entry !== undefined) pull(settled.task, entry.iterator);
      progress.objects += 1;
      yield { type: 'object', object: settled.result.value, resource };
    }
  }
}
