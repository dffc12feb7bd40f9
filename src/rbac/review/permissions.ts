/**
 * A subject's effective permissions, scope by scope, merged into as few lines as say the same thing: every resource
 * granted the same verbs in the same API group shares a line (`get,list,watch on pods, services (core)`).
 */
import { roleId, type RbacModel, type RoleKey } from '../model.js';
import type { AppliedBinding } from './binding-index.js';

/** Verbs on resources of one API group (`''` is core, `*` every group), or on non-resource URLs. */
export type PermissionLine =
  | { verbs: string[]; apiGroup: string; resources: string[]; resourceNames?: string[] }
  | { verbs: string[]; nonResourceURLs: string[] };

export interface ScopePermissions {
  /** Absent for cluster-wide (ClusterRoleBindings); a RoleBinding's namespace otherwise. */
  namespace?: string;
  lines: PermissionLine[];
  /** The lines as one readable string, truncated with counts. */
  summary: string;
}

/** A line lists this many resources or URLs, then `+N more`; a scope this many lines, then `+N more`. */
const ITEMS_SHOWN = 6;
const LINES_SHOWN = 6;

/** One resource (or URL) of one rule and the verbs granted on it. */
interface Grantee {
  /** undefined for a non-resource URL. */
  apiGroup?: string;
  item: string;
  names: string[];
  verbs: string[];
  /** The API group, item and names, joined: grantees with the same one merge their verbs. */
  key: string;
}

function granteesOf(model: RbacModel, role: RoleKey): Grantee[] {
  return model.rulesOf(role).flatMap(({ rule }) => {
    const names = [...new Set(rule.resourceNames)].sort();
    const joined = names.join('\0');
    const onResources = rule.apiGroups.flatMap((apiGroup) => rule.resources.map((item) => ({ apiGroup, item, names, verbs: rule.verbs, key: `r\0${apiGroup}\0${item}\0${joined}` })));
    const onURLs = rule.nonResourceURLs.map((item) => ({ item, names: [], verbs: rule.verbs, key: `u\0${item}` }));
    return [...onResources, ...onURLs].filter((grantee) => grantee.verbs.length > 0);
  });
}

const groupOrder = (group: string) => (group === '' ? '0' : group === '*' ? '2' : `1${group}`);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byItem = (items: Iterable<string>) => [...items].sort(compare);

function verbsOf(verbs: Set<string>): string[] {
  return verbs.has('*') ? ['*'] : byItem(verbs);
}

function merge(grantees: readonly Grantee[]): PermissionLine[] {
  const verbsByItem = new Map<string, { grantee: Grantee; verbs: Set<string> }>();
  for (const grantee of grantees) {
    const entry = verbsByItem.get(grantee.key) ?? { grantee, verbs: new Set<string>() };
    for (const verb of grantee.verbs) entry.verbs.add(verb);
    verbsByItem.set(grantee.key, entry);
  }
  const lines = new Map<string, { order: string; apiGroup?: string; names: string[]; verbs: string[]; items: string[] }>();
  for (const { grantee, verbs } of verbsByItem.values()) {
    const sorted = verbsOf(verbs);
    const order = grantee.apiGroup === undefined ? '3' : groupOrder(grantee.apiGroup);
    const key = `${order}\u0001${grantee.names.join('\0')}\u0001${sorted.join('\0')}`;
    const line = lines.get(key) ?? { order, ...(grantee.apiGroup === undefined ? {} : { apiGroup: grantee.apiGroup }), names: grantee.names, verbs: sorted, items: [] };
    line.items.push(grantee.item);
    lines.set(key, line);
  }
  return [...lines.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([, line]): PermissionLine => {
      const items = byItem(line.items);
      if (line.apiGroup === undefined) return { verbs: line.verbs, nonResourceURLs: items };
      return { verbs: line.verbs, apiGroup: line.apiGroup, resources: items, ...(line.names.length > 0 ? { resourceNames: line.names } : {}) };
    });
}

function shown(items: readonly string[], limit: number, separator: string): string {
  const more = items.length > limit ? `${separator}+${items.length - limit} more` : '';
  return `${items.slice(0, limit).join(separator)}${more}`;
}

/** `get,list on pods, services (core)`, `get on secrets (core) named db,api`, `get on /healthz, /livez (non-resource)`. */
export function describeLine(line: PermissionLine): string {
  const verbs = line.verbs.join(',');
  if ('nonResourceURLs' in line) return `${verbs} on ${shown(line.nonResourceURLs, ITEMS_SHOWN, ', ')} (non-resource)`;
  const group = line.apiGroup === '' ? 'core' : line.apiGroup === '*' ? 'all groups' : line.apiGroup;
  const names = line.resourceNames ? ` named ${shown(line.resourceNames, ITEMS_SHOWN, ',')}` : '';
  return `${verbs} on ${shown(line.resources, ITEMS_SHOWN, ', ')} (${group})${names}`;
}

/** What the bindings grant, cluster-wide first, then namespace by namespace. */
export class PermissionSummariser {
  private readonly grantees = new Map<string, Grantee[]>();

  constructor(private readonly model: RbacModel) {}

  private granteesOf(role: RoleKey): Grantee[] {
    const id = roleId(role);
    const cached = this.grantees.get(id);
    if (cached) return cached;
    const found = granteesOf(this.model, role);
    this.grantees.set(id, found);
    return found;
  }

  summarise(applied: readonly AppliedBinding[]): ScopePermissions[] {
    const scopes = new Map<string, Grantee[]>();
    for (const { binding } of applied) {
      const namespace = binding.key.kind === 'RoleBinding' ? (binding.key.namespace ?? '') : undefined;
      // A RoleBinding grants nothing on non-resource URLs: they belong to no namespace.
      const grantees = this.granteesOf(binding.role).filter((grantee) => namespace === undefined || grantee.apiGroup !== undefined);
      const key = namespace === undefined ? '' : `ns:${namespace}`;
      const scope = scopes.get(key) ?? [];
      scope.push(...grantees);
      scopes.set(key, scope);
    }
    return [...scopes.entries()]
      .sort(([a], [b]) => compare(a, b))
      .flatMap(([key, grantees]) => {
        const lines = merge(grantees);
        if (lines.length === 0) return [];
        const summary = shown(lines.map(describeLine), LINES_SHOWN, '; ');
        return [{ ...(key === '' ? {} : { namespace: key.slice(3) }), lines, summary }];
      });
  }
}
