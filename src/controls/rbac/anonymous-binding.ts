import { defineControl, type Violation } from '../types.js';
import { bindingName, describeSubject, roleRefOf, subjectsOf, type Subject } from './bindings.js';

/** The identities every caller (or every authenticated caller) has. */
function isPublicIdentity(subject: Subject): boolean {
  if (subject.kind === 'User') return subject.name === 'system:anonymous';
  if (subject.kind === 'Group') return subject.name === 'system:unauthenticated' || subject.name === 'system:authenticated';
  return false;
}

/**
 * The default ClusterRoles the API server binds to public identities, and to which of them. They grant discovery,
 * version and health endpoints and self-reviews only. system:openshift:public-info-viewer is OpenShift's twin of
 * system:public-info-viewer.
 */
const DEFAULT_PUBLIC_ROLES: Readonly<Record<string, readonly string[]>> = {
  'system:public-info-viewer': ['system:authenticated', 'system:unauthenticated'],
  'system:openshift:public-info-viewer': ['system:authenticated', 'system:unauthenticated'],
  'system:discovery': ['system:authenticated'],
  'system:basic-user': ['system:authenticated'],
};

export default defineControl(
  {
    id: 'rbac-anonymous-binding',
    title: 'Binding grants rights to anonymous or all authenticated users',
    severity: 'critical',
    category: 'RBAC',
    description:
      'Flags bindings whose subjects include system:anonymous, system:unauthenticated or system:authenticated, other than the default discovery and public-info bindings.',
    rationale:
      'system:anonymous and system:unauthenticated are anyone who reaches the API server; system:authenticated is every service account and every user of every configured identity provider. Rights given to them are given to attackers first.',
    remediation:
      'Replace the public subject with the users, groups or service accounts that need the role, and run the API server with `--anonymous-auth=false` where possible.',
    frameworks: [
      { framework: 'cis', id: '5.1.1' },
      { framework: 'nsa', id: 'rbac' },
      { framework: 'mitre', id: 'T1078.001' },
    ],
    appliesTo: ['ClusterRoleBinding', 'RoleBinding'],
  },
  (object) => {
    const ref = roleRefOf(object);
    const allowed = object.kind === 'ClusterRoleBinding' && ref?.kind === 'ClusterRole' ? (DEFAULT_PUBLIC_ROLES[ref.name] ?? []) : [];
    const violations: Violation[] = [];
    for (const { subject, path } of subjectsOf(object)) {
      if (!isPublicIdentity(subject) || (subject.kind === 'Group' && allowed.includes(subject.name))) continue;
      violations.push({
        path: [...path, 'name'],
        message: `${object.kind} "${bindingName(object)}" grants ${ref ? `${ref.kind} ${ref.name}` : 'its role'} to ${describeSubject(subject)}`,
        found: { subject, roleRef: ref ?? null },
        expected: 'named users, groups or service accounts',
      });
    }
    return violations;
  },
);
