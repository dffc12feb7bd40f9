/** Reads a request path into what it asks for: a discovery document, a list, or one named object. */
export type Route =
  | { kind: 'version' }
  | { kind: 'api' }
  | { kind: 'apis' }
  | { kind: 'group'; group: string }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'resource'; group: string; version: string; namespace?: string; resource: string; name?: string }
  | { kind: 'unknown' };

function resourceRoute(group: string, version: string, rest: string[]): Route {
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const [, namespace = '', resource = '', name, ...extra] = rest;
    if (extra.length > 0) return { kind: 'unknown' };
    return name === undefined
      ? { kind: 'resource', group, version, namespace, resource }
      : { kind: 'resource', group, version, namespace, resource, name };
  }
  const [resource = '', name, ...extra] = rest;
  if (extra.length > 0) return { kind: 'unknown' };
  return name === undefined ? { kind: 'resource', group, version, resource } : { kind: 'resource', group, version, resource, name };
}

export function route(pathname: string): Route {
  const segments = pathname.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
  const [root, first, second, ...rest] = segments;
  if (root === 'version' && first === undefined) return { kind: 'version' };
  if (root === 'api') {
    if (first === undefined) return { kind: 'api' };
    if (second === undefined) return { kind: 'groupVersion', group: '', version: first };
    return resourceRoute('', first, [second, ...rest]);
  }
  if (root === 'apis') {
    if (first === undefined) return { kind: 'apis' };
    if (second === undefined) return { kind: 'group', group: first };
    if (rest.length === 0) return { kind: 'groupVersion', group: first, version: second };
    return resourceRoute(first, second, rest);
  }
  return { kind: 'unknown' };
}
