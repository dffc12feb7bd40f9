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
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export interface Position {
  line: number;
  column: number;
}

/** A resource read by a source, with the means to point at any of its fields. */
export interface LoadedResource {
  object: K8sObject;
  ref: ResourceRef;
  source: SourceLocation;
  /** The position of the deepest existing field along `path` (the resource's own start when none exists). */
  locate(path: FieldPath): Position;
}

/** An input that could not be read, rendered or understood. Reported in every output; the scan goes on. */
export interface InputError {
  file: string;
  line?: number;
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
  | 'invalid-exception';

export type SourceItem = { type: 'resource'; resource: LoadedResource } | { type: 'error'; error: InputError };

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
