import type { FieldPath } from './path.js';
import type { K8sObject } from './k8s.js';

/** Who a resource is: enough to find it with kubectl. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Where a resource, or a field of it, was written. `file` is the input path as given joined with the path below it. */
export interface FileLocation {
  file: string;
  line: number;
  column?: number;
}

/** Where a live object was read: the kubeconfig context naming the cluster, and the object's path in its API. */
export interface ClusterLocation {
  cluster: string;
  apiPath: string;
}

export type SourceLocation = FileLocation | ClusterLocation;

export function isClusterLocation(source: SourceLocation): source is ClusterLocation {
  return 'cluster' in source;
}

export interface Position {
  line: number;
  column: number;
}

/** A resource read by a source, with the means to point at any of its fields when it was read from a file. */
export interface LoadedResource<Source extends SourceLocation = SourceLocation> {
  object: K8sObject;
  ref: ResourceRef;
  source: Source;
  /** The position of the deepest existing field along `path` (the resource's own start when none exists). */
  locate?(path: FieldPath): Position;
}

export type FileResource = LoadedResource<FileLocation> & { locate(path: FieldPath): Position };

/** An input that could not be read, rendered or understood. Reported in every output; the scan goes on. */
export interface InputError {
  /** The file, or for a live object its API path (with `cluster` naming the cluster). */
  file: string;
  line?: number;
  cluster?: string;
  code: InputErrorCode;
  message: string;
}

export type InputErrorCode =
  | 'read-failed'
  | 'too-large'
  | 'not-utf8'
  | 'parse-failed'
  | 'alias-limit'
  | 'not-an-object'
  | 'missing-kind'
  | 'invalid-object'
  | 'render-failed'
  | 'renderer-missing'
  | 'control-failed'
  | 'invalid-exception'
  | 'cluster-unreachable'
  | 'invalid-snapshot'
  | 'image-unavailable';

export type SourceItem<Resource extends LoadedResource = LoadedResource> =
  | { type: 'resource'; resource: Resource }
  | { type: 'error'; error: InputError };

/** What reading files yields: resources that know the line of each of their fields. */
export type FileItem = SourceItem<FileResource>;

export function refOf(object: K8sObject): ResourceRef {
  const meta = object.metadata ?? {};
  const ref: ResourceRef = {
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    kind: typeof object.kind === 'string' ? object.kind : '',
    name: typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName : '',
  };
  if (typeof meta.namespace === 'string' && meta.namespace !== '') ref.namespace = meta.namespace;
  return ref;
}

/** `Kind namespace/name`, as a person reads it in a report. */
export function describeRef(ref: ResourceRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name || '<unnamed>'}`;
}
