/**
 * Discovery as kubectl does it: the core group through /api and /api/v1, every other group (CRDs included) through
 * /apis and its preferred version. Only resources that can be listed are kept; subresources (`pods/log`) are not
 * resources of their own.
 */
import { isRecord, list, record } from '../model/k8s.js';
import type { ClusterConnection } from './connection.js';
import { ApiStatusError } from './errors.js';

export interface ApiResource {
  /** '' for the core group. */
  group: string;
  version: string;
  /** The plural resource name, as in the URL: `pods`. */
  name: string;
  kind: string;
  namespaced: boolean;
  /** `pods` for the core group, `rolebindings.rbac.authorization.k8s.io` otherwise: how kubectl and 403s name it. */
  qualifiedName: string;
  /** `v1` or `apps/v1`. */
  apiVersion: string;
}

export interface Discovery {
  /** The server's gitVersion, e.g. v1.33.2-eks-abc; undefined when /version does not say. */
  serverVersion: string | undefined;
  resources: ApiResource[];
  /** Every group version served (`v1`, `apps/v1`, `flowcontrol.apiserver.k8s.io/v1beta3`), preferred or not. */
  servedVersions: string[];
  /** Group versions the server would not describe (an aggregated API down, a 403): their resources go unread. */
  failedGroups: DiscoveryFailure[];
}

export interface DiscoveryFailure {
  /** `metrics.k8s.io/v1beta1`. */
  groupVersion: string;
  reason: string;
  status: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function listable(document: unknown, group: string, version: string): ApiResource[] {
  const apiVersion = group === '' ? version : `${group}/${version}`;
  return list(isRecord(document) ? document.resources : undefined).flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const name = text(entry.name);
    const kind = text(entry.kind);
    if (name === undefined || kind === undefined || name.includes('/')) return [];
    if (!list(entry.verbs).includes('list')) return [];
    const qualifiedName = group === '' ? name : `${name}.${group}`;
    return [{ group, version, name, kind, namespaced: entry.namespaced === true, qualifiedName, apiVersion }];
  });
}

function preferredVersion(group: Record<string, unknown>): string | undefined {
  const preferred = isRecord(group.preferredVersion) ? text(group.preferredVersion.version) : undefined;
  if (preferred !== undefined) return preferred;
  const first = list(group.versions).find(isRecord);
  return first === undefined ? undefined : text(first.version);
}

async function coreResources(connection: ClusterConnection): Promise<{ versions: string[]; resources: ApiResource[] }> {
  const versions = list(record(await connection.get('/api'))?.versions).filter((value): value is string => typeof value === 'string');
  const version = versions.includes('v1') ? 'v1' : versions[0];
  if (version === undefined) return { versions, resources: [] };
  return { versions, resources: listable(await connection.get(`/api/${version}`), '', version) };
}

function groupVersionsOf(group: Record<string, unknown>): string[] {
  return list(group.versions).flatMap((version) => (isRecord(version) && typeof version.groupVersion === 'string' ? [version.groupVersion] : []));
}

type GroupAnswer = { resources: ApiResource[] } | { failure: DiscoveryFailure };

async function groupVersionResources(connection: ClusterConnection, group: string, version: string): Promise<GroupAnswer> {
  try {
    return { resources: listable(await connection.get(`/apis/${group}/${version}`), group, version) };
  } catch (error) {
    if (!(error instanceof ApiStatusError)) throw error;
    return { failure: { groupVersion: `${group}/${version}`, reason: error.message, status: error.status } };
  }
}

async function groupResources(connection: ClusterConnection): Promise<{ versions: string[]; answers: GroupAnswer[] }> {
  const groups = list(record(await connection.get('/apis'))?.groups).filter(isRecord);
  const answers = await Promise.all(groups.flatMap((group) => {
    const name = text(group.name);
    const version = preferredVersion(group);
    return name === undefined || version === undefined ? [] : [groupVersionResources(connection, name, version)];
  }));
  return { versions: groups.flatMap(groupVersionsOf), answers };
}

async function serverVersion(connection: ClusterConnection): Promise<string | undefined> {
  try {
    return text(record(await connection.get('/version'))?.gitVersion);
  } catch (error) {
    if (error instanceof ApiStatusError) return undefined;
    throw error;
  }
}

/** Every listable resource the server serves, and its version. */
export async function discover(connection: ClusterConnection): Promise<Discovery> {
  const [version, core, groups] = await Promise.all([serverVersion(connection), coreResources(connection), groupResources(connection)]);
  return {
    serverVersion: version,
    resources: [...core.resources, ...groups.answers.flatMap((answer) => ('resources' in answer ? answer.resources : []))],
    servedVersions: [...core.versions, ...groups.versions],
    failedGroups: groups.answers.flatMap((answer) => ('failure' in answer ? [answer.failure] : [])),
  };
}
