/**
 * List answers: pages cut by `limit` and resumed by opaque `continue` tokens, and the three representations a client
 * may ask for (the typed list, a Table, PartialObjectMetadataList).
 */
import type { Representation } from './media.js';
import { apiVersionOf, type ServedResource } from './resources.js';
import { badRequest, continueExpired, type Failure } from './status.js';
import { nameOf, namespaceOf, type KubeObject } from './store.js';

export interface Page {
  items: readonly KubeObject[];
  continueToken?: string;
  remainingItemCount?: number;
}

interface ContinueState {
  rv: number;
  start: string;
}

function keyOf(object: KubeObject): string {
  const namespace = namespaceOf(object);
  return namespace === undefined ? nameOf(object) : `${namespace}/${nameOf(object)}`;
}

function encodeContinue(state: ContinueState): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', ...state })).toString('base64url');
}

function decodeContinue(token: string): ContinueState | undefined {
  try {
    const state: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof state !== 'object' || state === null) return undefined;
    const { v, rv, start } = state as Record<string, unknown>;
    if (v !== 'meta.k8s.io/v1' || typeof rv !== 'number' || typeof start !== 'string') return undefined;
    return { rv, start };
  } catch {
    return undefined;
  }
}

/**
 * One page of a list. A continue token names the snapshot it was cut from; this server keeps no old snapshots, so a
 * token from before any later write is answered 410 Expired, as a real server answers once etcd has compacted it.
 */
export function pageOf(objects: readonly KubeObject[], limit: number, token: string, resourceVersion: number): Page | Failure {
  let start = 0;
  if (token !== '') {
    const state = decodeContinue(token);
    if (state === undefined) return badRequest('invalid continue token');
    if (state.rv !== resourceVersion) return continueExpired();
    start = objects.findIndex((object) => keyOf(object) >= state.start);
    if (start < 0) start = objects.length;
  }
  if (limit <= 0 || start + limit >= objects.length) return { items: objects.slice(start) };
  const items = objects.slice(start, start + limit);
  const next = objects[start + limit];
  return {
    items,
    continueToken: next === undefined ? undefined : encodeContinue({ rv: resourceVersion, start: keyOf(next) }),
    remainingItemCount: objects.length - start - limit,
  };
}

/** Real servers omit apiVersion and kind on the items of built-in lists and keep them on custom resources. */
function listItem(object: KubeObject, served: ServedResource): Record<string, unknown> {
  if (served.custom) return object;
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
  return rest;
}

function partialObjectMetadata(object: KubeObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

const COLUMNS = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
  { name: 'Created At', type: 'date', format: '', description: 'CreationTimestamp of the object.', priority: 0 },
];

function tableRow(object: KubeObject, includeObject: IncludeObject): Record<string, unknown> {
  const row: Record<string, unknown> = { cells: [nameOf(object), object.metadata.creationTimestamp] };
  if (includeObject === 'Metadata') row.object = partialObjectMetadata(object);
  if (includeObject === 'Object') row.object = object;
  return row;
}

function listMetadata(page: Page, resourceVersion: number): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: String(resourceVersion) };
  if (page.continueToken !== undefined) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  return metadata;
}

export function renderList(page: Page, served: ServedResource, representation: Representation,
  resourceVersion: number, includeObject: IncludeObject): Record<string, unknown> {
  const metadata = listMetadata(page, resourceVersion);
  switch (representation.form) {
    case 'json':
      return {
        kind: `${served.resource.kind}List`,
        apiVersion: apiVersionOf(served.group, served.version),
        metadata,
        items: page.items.map((object) => listItem(object, served)),
      };
    case 'metadata':
      return {
        kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata,
        items: page.items.map(partialObjectMetadata),
      };
    case 'table':
      return {
        kind: 'Table', apiVersion: `meta.k8s.io/${representation.version}`, metadata,
        columnDefinitions: COLUMNS,
        rows: page.items.map((object) => tableRow(object, includeObject)),
      };
  }
}

export function renderObject(object: KubeObject, representation: Representation, includeObject: IncludeObject): Record<string, unknown> {
  switch (representation.form) {
    case 'json': return object;
    case 'metadata': return partialObjectMetadata(object);
    case 'table':
      return {
        kind: 'Table', apiVersion: `meta.k8s.io/${representation.version}`,
        metadata: { resourceVersion: object.metadata.resourceVersion },
        columnDefinitions: COLUMNS, rows: [tableRow(object, includeObject)],
      };
  }
}
