import { list, record, type K8sObject } from '../model/k8s.js';
import type { Grant, GrantRef } from './model.js';
import { own, ownText } from './values.js';

export const BINDING_KINDS: ReadonlySet<string> = new Set(['RoleBinding', 'ClusterRoleBinding']);

export interface SubjectGrant {
  subject: { kind: string; namespace?: string; name: string };
  grant: Grant;
}

/**
 * Who a RoleBinding or ClusterRoleBinding grants what. A service account subject without a namespace is the one in
 * the binding's namespace, as the RBAC authorizer reads it; a Role is always the one in the binding's namespace.
 */
export function grantsOf(binding: K8sObject, kind: string, namespace: string | undefined, name: string): SubjectGrant[] {
  const roleRef = record(binding.roleRef);
  const roleKind = ownText(roleRef?.kind);
  const roleName = ownText(roleRef?.name);
  if (roleKind === undefined || roleName === undefined) return [];
  const bindingNamespace = kind === 'RoleBinding' ? namespace : undefined;
  const bindingRef: GrantRef = bindingNamespace === undefined ? { kind, name } : { kind, namespace: bindingNamespace, name };
  const role: GrantRef = roleKind === 'Role' && bindingNamespace !== undefined ? { kind: roleKind, namespace: bindingNamespace, name: roleName } : { kind: roleKind, name: roleName };
  return list(binding.subjects).flatMap((value): SubjectGrant[] => {
    const subject = record(value);
    const subjectKind = ownText(subject?.kind);
    const subjectName = ownText(subject?.name);
    if (subjectKind === undefined || subjectName === undefined) return [];
    if (subjectKind !== 'ServiceAccount') return [{ subject: { kind: subjectKind, name: subjectName }, grant: { binding: bindingRef, role } }];
    const subjectNamespace = ownText(subject?.namespace) ?? bindingNamespace;
    if (subjectNamespace === undefined) return [];
    return [{ subject: { kind: subjectKind, namespace: own(subjectNamespace), name: subjectName }, grant: { binding: bindingRef, role } }];
  });
}
