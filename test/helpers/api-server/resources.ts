/**
 * The resources a test API server serves, in the shape of discovery's APIResource: the core group from the real
 * `/api/v1` document in shared data, the built-in groups below, and custom resources given by a test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord, list } from '../../../src/model/k8s.js';

export interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

/** One group version and its resources; the core group is the empty string. */
export interface GroupVersionResources {
  group: string;
  version: string;
  resources: ApiResource[];
}

/** A custom resource definition reduced to what discovery and routing need. */
export interface CustomResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular?: string;
  namespaced: boolean;
  shortNames?: string[];
}

/** A top-level resource (not a subresource) with the group version that serves it. */
export interface ServedResource {
  group: string;
  version: string;
  resource: ApiResource;
  custom: boolean;
}

const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS_VERBS = ['get', 'patch', 'update'];

function top(name: string, kind: string, namespaced: boolean, shortNames: string[] = [], categories: string[] = []): ApiResource {
  const resource: ApiResource = { name, singularName: kind.toLowerCase(), namespaced, kind, verbs: READ_WRITE };
  if (shortNames.length > 0) resource.shortNames = shortNames;
  if (categories.length > 0) resource.categories = categories;
  return resource;
}

function sub(parent: string, name: string, kind: string, namespaced: boolean, verbs = STATUS_VERBS): ApiResource {
  return { name: `${parent}/${name}`, singularName: '', namespaced, kind, verbs };
}

/** The groups every cluster serves besides core, as kube-apiserver 1.33 describes them. */
const BUILT_IN_GROUPS: GroupVersionResources[] = [
  {
    group: 'apps', version: 'v1', resources: [
      top('controllerrevisions', 'ControllerRevision', true),
      top('daemonsets', 'DaemonSet', true, ['ds'], ['all']),
      sub('daemonsets', 'status', 'DaemonSet', true),
      top('deployments', 'Deployment', true, ['deploy'], ['all']),
      sub('deployments', 'scale', 'Scale', true),
      sub('deployments', 'status', 'Deployment', true),
      top('replicasets', 'ReplicaSet', true, ['rs'], ['all']),
      sub('replicasets', 'scale', 'Scale', true),
      sub('replicasets', 'status', 'ReplicaSet', true),
      top('statefulsets', 'StatefulSet', true, ['sts'], ['all']),
      sub('statefulsets', 'scale', 'Scale', true),
      sub('statefulsets', 'status', 'StatefulSet', true),
    ],
  },
  {
    group: 'batch', version: 'v1', resources: [
      top('cronjobs', 'CronJob', true, ['cj'], ['all']),
      sub('cronjobs', 'status', 'CronJob', true),
      top('jobs', 'Job', true, [], ['all']),
      sub('jobs', 'status', 'Job', true),
    ],
  },
  {
    group: 'networking.k8s.io', version: 'v1', resources: [
      top('ingressclasses', 'IngressClass', false),
      top('ingresses', 'Ingress', true, ['ing']),
      sub('ingresses', 'status', 'Ingress', true),
      top('networkpolicies', 'NetworkPolicy', true, ['netpol']),
    ],
  },
  {
    group: 'rbac.authorization.k8s.io', version: 'v1', resources: [
      top('clusterrolebindings', 'ClusterRoleBinding', false),
      top('clusterroles', 'ClusterRole', false),
      top('rolebindings', 'RoleBinding', true),
      top('roles', 'Role', true),
    ],
  },
];

function stringList(value: unknown): string[] {
  return list(value).filter((entry): entry is string => typeof entry === 'string');
}

function parseResource(value: unknown): ApiResource | undefined {
  if (!isRecord(value)) return undefined;
  const { name, singularName, namespaced, kind } = value;
  if (typeof name !== 'string' || typeof kind !== 'string' || typeof namespaced !== 'boolean') return undefined;
  const resource: ApiResource = {
    name, kind, namespaced,
    singularName: typeof singularName === 'string' ? singularName : '',
    verbs: stringList(value.verbs),
  };
  const shortNames = stringList(value.shortNames);
  if (shortNames.length > 0) resource.shortNames = shortNames;
  const categories = stringList(value.categories);
  if (categories.length > 0) resource.categories = categories;
  return resource;
}

/** The core group's resources, read from the real `/api/v1` answer in the shared discovery folder. */
export function readCoreResources(discoveryDir: string): GroupVersionResources {
  const document: unknown = JSON.parse(readFileSync(join(discoveryDir, 'api__v1.json'), 'utf8'));
  const resources = list(isRecord(document) ? document.resources : undefined)
    .map(parseResource)
    .filter((resource): resource is ApiResource => resource !== undefined);
  return { group: '', version: 'v1', resources };
}

function customGroupVersions(customs: readonly CustomResource[]): GroupVersionResources[] {
  const byGroupVersion = new Map<string, GroupVersionResources>();
  for (const custom of customs) {
    const key = `${custom.group}/${custom.version}`;
    const entry = byGroupVersion.get(key) ?? { group: custom.group, version: custom.version, resources: [] };
    const resource = top(custom.plural, custom.kind, custom.namespaced, custom.shortNames ?? []);
    resource.singularName = custom.singular ?? custom.kind.toLowerCase();
    entry.resources.push(resource, sub(custom.plural, 'status', custom.kind, custom.namespaced));
    byGroupVersion.set(key, entry);
  }
  return [...byGroupVersion.values()];
}

export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** Every group version served, and look-ups from a URL's resource or an object's apiVersion and kind. */
export class ResourceCatalogue {
  readonly groupVersions: GroupVersionResources[];
  private readonly customGroups: Set<string>;

  constructor(core: GroupVersionResources, customs: readonly CustomResource[] = []) {
    this.groupVersions = [core, ...BUILT_IN_GROUPS, ...customGroupVersions(customs)];
    this.customGroups = new Set(customs.map((custom) => custom.group));
  }

  groupVersion(group: string, version: string): GroupVersionResources | undefined {
    return this.groupVersions.find((entry) => entry.group === group && entry.version === version);
  }

  byName(group: string, version: string, name: string): ServedResource | undefined {
    const resource = this.groupVersion(group, version)?.resources.find((entry) => entry.name === name);
    return resource === undefined ? undefined : { group, version, resource, custom: this.customGroups.has(group) };
  }

  byKind(apiVersion: string, kind: string): ServedResource | undefined {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    const resource = this.groupVersion(group, version)?.resources
      .find((entry) => entry.kind === kind && !entry.name.includes('/'));
    return resource === undefined ? undefined : { group, version, resource, custom: this.customGroups.has(group) };
  }
}
