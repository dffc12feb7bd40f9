import { isRecord, list, record, type K8sObject } from '../../model/k8s.js';
import type { FieldPath } from '../../model/path.js';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export interface SubjectAt {
  subject: Subject;
  path: FieldPath;
}

export interface RoleRef {
  kind: string;
  name: string;
}

export function isBinding(object: K8sObject): boolean {
  return typeof object.kind === 'string' && BINDING_KINDS.has(object.kind);
}

/** The role a binding grants; undefined for other kinds or a roleRef without string kind and name. */
export function roleRefOf(object: K8sObject): RoleRef | undefined {
  if (!isBinding(object)) return undefined;
  const ref = record(object.roleRef);
  if (!ref || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return undefined;
  return { kind: ref.kind, name: ref.name };
}

/** The subjects of a binding with their paths; entries without a string kind and name are left out. */
export function subjectsOf(object: K8sObject): SubjectAt[] {
  if (!isBinding(object)) return [];
  const out: SubjectAt[] = [];
  list(object.subjects).forEach((value, index) => {
    if (!isRecord(value) || typeof value.kind !== 'string' || typeof value.name !== 'string') return;
    const subject: Subject = { kind: value.kind, name: value.name };
    if (typeof value.namespace === 'string') subject.namespace = value.namespace;
    out.push({ subject, path: ['subjects', index] });
  });
  return out;
}

export function describeSubject(subject: Subject): string {
  return `${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}`;
}

export function bindingName(object: K8sObject): string {
  return typeof object.metadata?.name === 'string' ? object.metadata.name : '?';
}
