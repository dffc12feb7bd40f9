/**
 * Lists one resource page by page (`limit`/`continue`), yielding each object with its apiVersion and kind set, since
 * API servers leave them off list items.
 *
 * Secrets are asked for as a PartialObjectMetadataList, so the server sends their metadata and never their data:
 * no value can be stored or printed because none is ever received. A real server sends no `type` in that form
 * either; an item keeps `type` only if a server does send it.
 */
import { isRecord, list, type K8sObject } from '../model/k8s.js';
import type { ClusterConnection } from './connection.js';
import type { ApiResource } from './discovery.js';

export const METADATA_ONLY_LIST = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io';

export interface ListOptions {
  pageSize?: number;
  /** Only this namespace; ignored for cluster-scoped resources. */
  namespace?: string;
}

const isSecrets = (resource: ApiResource): boolean => resource.group === '' && resource.name === 'secrets';

function collectionPath(resource: ApiResource, namespace: string | undefined): string {
  const root = resource.group === '' ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`;
  const scope = resource.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${resource.name}`;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const REDACTED = '<redacted by kspm>';

/**
 * A secret's metadata with kubectl's last-applied copy of the object blanked: that annotation holds the secret's data
 * as it was applied, and metadata-only lists still send annotations.
 */
export function metadataOnly(item: Record<string, unknown>): Record<string, unknown> {
  let metadata = item.metadata;
  if (isRecord(metadata) && isRecord(metadata.annotations) && LAST_APPLIED in metadata.annotations) {
    metadata = { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED]: REDACTED } };
  }
  return item.type === undefined ? { metadata } : { metadata, type: item.type };
}

/** The path of one object in the API, as kubectl would GET it. */
export function objectPath(resource: ApiResource, object: K8sObject): string {
  const namespace = resource.namespaced ? object.metadata?.namespace : undefined;
  const name = object.metadata?.name ?? '';
  return `${collectionPath(resource, typeof namespace === 'string' ? namespace : undefined)}/${encodeURIComponent(name)}`;
}

export async function* listResource(connection: ClusterConnection, resource: ApiResource,
  { pageSize = 500, namespace }: ListOptions = {}): AsyncGenerator<K8sObject> {
  const path = collectionPath(resource, namespace);
  // Clients fall back to plain JSON when a server cannot answer metadata-only; for secrets that would carry values.
  const accept = isSecrets(resource) ? METADATA_ONLY_LIST : 'application/json';
  let token = '';
  do {
    const query: Record<string, string> = { limit: String(pageSize) };
    if (token !== '') query.continue = token;
    const page = await connection.get(path, query, accept);
    for (const item of list(isRecord(page) ? page.items : undefined)) {
      if (!isRecord(item)) continue;
      const fields = isSecrets(resource) ? metadataOnly(item) : item;
      yield { ...fields, apiVersion: resource.apiVersion, kind: resource.kind } as K8sObject;
    }
    const metadata = isRecord(page) && isRecord(page.metadata) ? page.metadata : {};
    token = typeof metadata.continue === 'string' ? metadata.continue : '';
  } while (token !== '');
}
