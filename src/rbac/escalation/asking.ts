/** Questions put to the authorizer for one user, and the edges their answers open. */
import { describeBinding, describeRole, type Grant } from '../model.js';
import { describeRequest, type ResourceRequest } from '../request.js';
import type { Edge } from './edge.js';
import type { EscalationNode } from './nodes.js';
import type { UserPermissions } from './user-permissions.js';

export const RBAC = 'rbac.authorization.k8s.io';
export const WRITES = ['create', 'update', 'patch'];

/** A request the holder is allowed, with the grant that allows it. */
export interface Allowed {
  request: ResourceRequest;
  grant: Grant;
}

/** `create pods in namespace ci (ClusterRole edit through RoleBinding ci/dev)`. */
export function describeAllowed({ request, grant }: Allowed): string {
  return `${describeRequest(request)} (${describeRole(grant.role)} through ${describeBinding(grant.binding)})`;
}

/** `create pods`, `patch deployments.apps`, `create pods/exec`: a request's verb and resource, without its scope. */
export function describeVerb(request: ResourceRequest): string {
  const group = request.group === '' ? '' : `.${request.group}`;
  return `${request.verb} ${request.resource}${group}${request.subresource ? `/${request.subresource}` : ''}`;
}

export function ask(verb: string, group: string, resource: string, where: { subresource?: string; namespace?: string; name?: string } = {}): ResourceRequest {
  return { type: 'resource', verb, group, resource, ...where };
}

export function allowed(permissions: UserPermissions, request: ResourceRequest): Allowed | undefined {
  const decision = permissions.authorize(request);
  return decision.allowed && decision.grant ? { request, grant: decision.grant } : undefined;
}

export function firstAllowed(permissions: UserPermissions, requests: ResourceRequest[]): Allowed | undefined {
  for (const request of requests) {
    const found = allowed(permissions, request);
    if (found) return found;
  }
  return undefined;
}

/** The request allowed under each name that rules restricted by resourceNames let through. */
export function allowedByName(permissions: UserPermissions, request: ResourceRequest): Allowed[] {
  return permissions.namesFor(request).flatMap((name) => allowed(permissions, { ...request, name }) ?? []);
}

/** Allowed for some object name the holder picks itself (a CSR it creates under a name its rules allow). */
export function allowedForSomeName(permissions: UserPermissions, requests: ResourceRequest[]): Allowed | undefined {
  return firstAllowed(permissions, requests) ?? requests.flatMap((request) => allowedByName(permissions, request))[0];
}

/** An edge allowed by the grants found, explained by them and by why the step works. */
export function edge(to: EscalationNode, action: string, why: string, found: Allowed[], held = false): Edge {
  return { to, action, explanation: `${found.map(describeAllowed).join('; ')}: ${why}`, grants: found.map((each) => each.grant), held };
}

