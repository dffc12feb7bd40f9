/**
 * Who asks: a user name and groups, as the API server's authenticators produce them, and how binding subjects
 * (User, Group, ServiceAccount) apply to them, as the RBAC authorizer's appliesTo decides.
 */
export interface UserInfo {
  name: string;
  groups: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ALL_SERVICE_ACCOUNTS = 'system:serviceaccounts';
export const ANONYMOUS = 'system:anonymous';
/** Members of this group pass every authorization check, RBAC or not, and no binding can take that away. */
export const MASTERS = 'system:masters';
const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

export function serviceAccountUser(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_PREFIX}${namespace}:${name}`;
}

/** `{namespace, name}` of a service-account user name, or undefined for other users. */
export function serviceAccountOf(userName: string): { namespace: string; name: string } | undefined {
  if (!userName.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const [namespace, name, ...rest] = userName.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  if (!namespace || !name || rest.length > 0) return undefined;
  return { namespace, name };
}

/**
 * The user as the API server sees it when it impersonates `--as NAME --as-group G...`: a service account brings its
 * groups unless groups are given, the anonymous user is in system:unauthenticated, and everyone else is in
 * system:authenticated unless system:unauthenticated is among the groups given.
 */
export function impersonated(name: string, groups: readonly string[] = []): UserInfo {
  const serviceAccount = serviceAccountOf(name);
  const defaults = serviceAccount ? [ALL_SERVICE_ACCOUNTS, `${ALL_SERVICE_ACCOUNTS}:${serviceAccount.namespace}`] : [];
  const all = new Set(groups.length > 0 ? groups : defaults);
  if (name === ANONYMOUS) all.add(ALL_UNAUTHENTICATED);
  else if (!all.has(ALL_UNAUTHENTICATED)) all.add(ALL_AUTHENTICATED);
  return { name, groups: [...all] };
}

/** The user a binding subject authenticates as (a Group stands for a member known only by the group). */
export function userOf(subject: Subject): UserInfo {
  if (subject.kind === 'ServiceAccount') return impersonated(serviceAccountUser(subject.namespace ?? '', subject.name));
  if (subject.kind === 'Group') return { name: '', groups: subject.name === ALL_UNAUTHENTICATED ? [subject.name] : [subject.name, ...(subject.name === ALL_AUTHENTICATED ? [] : [ALL_AUTHENTICATED])] };
  return impersonated(subject.name);
}

/** Whether a binding's subject covers the user (the authorizer's appliesTo). */
export function subjectApplies(subject: Subject, user: UserInfo): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name !== '' && subject.name === user.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount':
      return subject.namespace !== undefined && subject.namespace !== '' && user.name === serviceAccountUser(subject.namespace, subject.name);
    default:
      return false;
  }
}

/** `ServiceAccount shop/web`, `User alice`, `Group system:masters`. */
export function describeSubject(subject: Subject): string {
  return `${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}`;
}
