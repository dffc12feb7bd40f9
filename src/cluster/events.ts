/**
 * A cluster read as a stream of events: what the cluster is, each object with its API path, each resource that could
 * not be read. The live reader and the snapshot reader both produce it and the scan consumes only it, so a scan of a
 * snapshot sees exactly what the scan of the live cluster saw.
 */
import type { CoverageGap } from '../model/cluster.js';
import type { K8sObject } from '../model/k8s.js';
import type { InputError } from '../model/resource.js';
import { connect, type ClusterConnection } from './connection.js';
import { discover } from './discovery.js';
import { ClusterAccessError } from './errors.js';
import type { KubeconfigOptions } from './kubeconfig.js';
import { objectPath } from './list.js';
import { readCluster, type ReadProgress } from './read.js';

export interface ClusterIdentity {
  context: string;
  server: string;
  serverVersion?: string;
  servedVersions: string[];
}

export type ClusterEvent =
  | ({ type: 'cluster' } & ClusterIdentity)
  | { type: 'object'; object: K8sObject; apiPath: string }
  | { type: 'gap'; gap: CoverageGap }
  /** The cluster could not be read (any more): unreachable, credentials refused, the plugin failing. */
  | { type: 'error'; error: InputError };

export interface ClusterReadOptions extends KubeconfigOptions {
  namespaces?: readonly string[];
  concurrency?: number;
  pageSize?: number;
  onProgress?: (context: string, progress: ReadProgress) => void;
}

/**
 * Resources kspm does not list: events are the cluster's log, large and fleeting, and say nothing about posture.
 */
const UNREAD = new Set(['events', 'events.events.k8s.io']);

function unreachable(context: string, error: ClusterAccessError): ClusterEvent {
  return { type: 'error', error: { cluster: context, file: '', code: 'cluster-unreachable', message: error.message } };
}

/** Reads one kubeconfig context (the current one when none is named). */
export async function* readClusterEvents(options: ClusterReadOptions): AsyncGenerator<ClusterEvent> {
  const contextName = options.context ?? '(current context)';
  let connection: ClusterConnection;
  try {
    connection = await connect(options);
  } catch (error) {
    if (error instanceof ClusterAccessError) return yield unreachable(contextName, error);
    throw error;
  }
  const { context } = connection;
  try {
    const discovery = await discover(connection);
    discovery.resources = discovery.resources.filter((resource) => !UNREAD.has(resource.qualifiedName));
    yield {
      type: 'cluster',
      context,
      server: connection.server,
      ...(discovery.serverVersion !== undefined ? { serverVersion: discovery.serverVersion } : {}),
      servedVersions: [...discovery.servedVersions].sort(),
    };
    const reading = readCluster(connection, {
      discovery,
      ...(options.namespaces && options.namespaces.length > 0 ? { namespaces: options.namespaces } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      ...(options.onProgress ? { onProgress: (progress: ReadProgress) => options.onProgress!(context, progress) } : {}),
    });
    for await (const item of reading) {
      if (item.type === 'object') yield { type: 'object', object: item.object, apiPath: objectPath(item.resource, item.object) };
      else yield { type: 'gap', gap: { cluster: context, resource: item.resource, status: item.status, reason: item.reason } };
    }
  } catch (error) {
    if (error instanceof ClusterAccessError) return yield unreachable(context, error);
    throw error;
  }
}
