/** The metav1.Status failures a real API server answers with. */
export interface Failure {
  code: number;
  body: Record<string, unknown>;
}

export function failure(code: number, reason: string, message: string, details?: Record<string, unknown>): Failure {
  const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details !== undefined) body.details = details;
  body.code = code;
  return { code, body };
}

export const unauthorized = (): Failure => failure(401, 'Unauthorized', 'Unauthorized');

export function forbidden(user: string, verb: string, resource: string, group: string, namespace: string | undefined): Failure {
  const scope = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  const qualified = group === '' ? resource : `${resource}.${group}`;
  const message = `${qualified} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`;
  const details: Record<string, unknown> = { kind: resource };
  if (group !== '') details.group = group;
  return failure(403, 'Forbidden', message, details);
}

export const pathNotFound = (): Failure =>
  failure(404, 'NotFound', 'the server could not find the requested resource', {});

export function objectNotFound(resource: string, group: string, name: string): Failure {
  const qualified = group === '' ? resource : `${resource}.${group}`;
  const details: Record<string, unknown> = { name, kind: resource };
  if (group !== '') details.group = group;
  return failure(404, 'NotFound', `${qualified} "${name}" not found`, details);
}

export const methodNotAllowed = (): Failure =>
  failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const badRequest = (message: string): Failure => failure(400, 'BadRequest', message);

export const notAcceptable = (): Failure =>
  failure(406, 'NotAcceptable', 'the server was unable to respond with a content type that the client supports');

/** The answer to a continue token whose snapshot the server no longer holds, worded as kube-apiserver words it. */
export const continueExpired = (): Failure => failure(410, 'Expired',
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without '
  + 'the continue parameter.');
