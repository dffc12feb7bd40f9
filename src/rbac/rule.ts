// PolicyRules and the matching of the Kubernetes RBAC authorizer (pkg/apis/rbac/v1/evaluation_helpers.go):
// `*` matches every verb, API group or resource (subresources included); `*/exec` matches the exec subresource of any
// resource; anything else must match exactly, so `pods` does not grant `pods/exec` and `pods/*` grants no subresource
// (it names one literally called `*`). A rule with resourceNames allows only requests that name one of them, so it
// never allows create, list or deletecollection of a collection, unless it lists the empty name (as a template with an
// unset value leaves it): a nameless request's name is `""`, which that entry matches. nonResourceURLs match exactly,
// or by prefix when they end in `*`.
import { isRecord, list } from '../model/k8s.js';

/** A PolicyRule with its string entries only: entries of other types can never match a request. */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}

export function readRule(value: unknown): PolicyRule | undefined {
  if (!isRecord(value)) return undefined;
  return {
    verbs: strings(value.verbs),
    apiGroups: strings(value.apiGroups),
    resources: strings(value.resources),
    resourceNames: strings(value.resourceNames),
    nonResourceURLs: strings(value.nonResourceURLs),
  };
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === '*' || g === group);
}

/** `resource` is `pods` or `pods/exec`. */
export function resourceMatches(rule: PolicyRule, resource: string): boolean {
  const slash = resource.indexOf('/');
  const subresource = slash >= 0 ? resource.slice(slash + 1) : '';
  return rule.resources.some((r) => r === '*' || r === resource || (subresource !== '' && r === `*/${subresource}`));
}

/** An empty resourceNames allows every name; otherwise the request's name (`''` when it has none) must be listed. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(name);
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return rule.nonResourceURLs.some((url) => {
    if (url === '*' || url === path) return true;
    return url.endsWith('*') && path.startsWith(url.replace(/\*+$/, ''));
  });
}
