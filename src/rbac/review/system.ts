/**
 * Which subjects are Kubernetes' own, so that a review can leave them out. A subject is a built-in system subject when
 * all three hold:
 *
 * 1. Its identity is one Kubernetes defines: a User or Group whose name starts with `system:` (control-plane
 *    components, nodes, `system:masters`, `system:authenticated`, `system:serviceaccounts:*`, ...), or a ServiceAccount
 *    in kube-system (the controller manager's controllers and the add-ons). A User named after a service account
 *    (`system:serviceaccount:NS:NAME`) counts only for kube-system, like the service account itself.
 * 2. Every binding that names it is part of the default policy: a binding whose name starts with `system:` (the
 *    bootstrap and controller bindings, the `system::leader-locking-*` RoleBindings), or the ClusterRoleBinding
 *    `cluster-admin` granting the ClusterRole `cluster-admin`. A built-in identity someone bound by a binding of their
 *    own is reviewed like any other subject.
 * 3. It holds nothing the anonymous-access risk flags: an unauthenticated grant is never hidden.
 */
import type { Binding } from '../model.js';
import { serviceAccountOf, type Subject } from '../users.js';

const SYSTEM_PREFIX = 'system:';
const KUBE_SYSTEM = 'kube-system';

export function isBuiltInIdentity(subject: Subject): boolean {
  switch (subject.kind) {
    case 'User': {
      const serviceAccount = serviceAccountOf(subject.name);
      return serviceAccount ? serviceAccount.namespace === KUBE_SYSTEM : subject.name.startsWith(SYSTEM_PREFIX);
    }
    case 'Group':
      return subject.name.startsWith(SYSTEM_PREFIX);
    case 'ServiceAccount':
      return subject.namespace === KUBE_SYSTEM;
    default:
      return false;
  }
}

export function isDefaultBinding(binding: Binding): boolean {
  if (binding.key.name.startsWith(SYSTEM_PREFIX)) return true;
  return binding.key.kind === 'ClusterRoleBinding' && binding.key.name === 'cluster-admin' && binding.role.kind === 'ClusterRole' && binding.role.name === 'cluster-admin';
}

export function isSystemSubject(subject: Subject, naming: readonly Binding[], anonymousAccess: boolean): boolean {
  return isBuiltInIdentity(subject) && naming.every(isDefaultBinding) && !anonymousAccess;
}
