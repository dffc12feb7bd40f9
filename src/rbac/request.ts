/** What is asked of the authorizer, in the attributes the API server gives it. */
export type AuthorizationRequest = ResourceRequest | NonResourceRequest;

export interface ResourceRequest {
  type: 'resource';
  verb: string;
  /** `''` for the core group. */
  group: string;
  resource: string;
  subresource?: string;
  /** The object's name; absent for create, list, watch and deletecollection of a collection. */
  name?: string;
  /** The namespace of the request; absent for cluster-scoped resources or all namespaces at once. */
  namespace?: string;
}

export interface NonResourceRequest {
  type: 'nonResource';
  verb: string;
  /** `/metrics`, `/healthz`, ... */
  path: string;
}

/** `pods` or `pods/exec`: how rules name what a request touches. */
export function combinedResource(request: ResourceRequest): string {
  return request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
}

/** `get pods/exec (core) "web" in shop`, `get /metrics`: how a request reads in messages. */
export function describeRequest(request: AuthorizationRequest): string {
  if (request.type === 'nonResource') return `${request.verb} ${request.path}`;
  const group = request.group === '' ? '' : `.${request.group}`;
  const name = request.name ? ` "${request.name}"` : '';
  const where = request.namespace ? ` in namespace ${request.namespace}` : '';
  return `${request.verb} ${request.resource}${group}${request.subresource ? `/${request.subresource}` : ''}${name}${where}`;
}
