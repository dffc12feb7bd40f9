/**
 * Discovery documents in the legacy (unaggregated) form a real API server answers with. Clients that ask for
 * aggregated discovery (apidiscovery.k8s.io/v2) accept this form when the Content-Type is plain application/json,
 * and then fetch each group version, as they do from servers older than 1.26.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../../../src/model/k8s.js';
import { apiVersionOf, type ResourceCatalogue } from './resources.js';

/** `GET /api`: the real document, with the server's own address in place of the recorded one. */
export function apiVersions(discoveryDir: string, hostPort: string): Record<string, unknown> {
  const document: unknown = JSON.parse(readFileSync(join(discoveryDir, 'api.json'), 'utf8'));
  const versions = isRecord(document) && Array.isArray(document.versions) ? document.versions : ['v1'];
  return {
    kind: 'APIVersions',
    versions,
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }],
  };
}

function groupVersionsOf(catalogue: ResourceCatalogue, group: string): Array<{ groupVersion: string; version: string }> {
  return catalogue.groupVersions
    .filter((entry) => entry.group === group)
    .map((entry) => ({ groupVersion: apiVersionOf(group, entry.version), version: entry.version }));
}

function apiGroup(catalogue: ResourceCatalogue, group: string): Record<string, unknown> {
  const versions = groupVersionsOf(catalogue, group);
  return { name: group, versions, preferredVersion: versions[0] };
}

/** `GET /apis`. */
export function apiGroupList(catalogue: ResourceCatalogue): Record<string, unknown> {
  const groups = [...new Set(catalogue.groupVersions.map((entry) => entry.group).filter((group) => group !== ''))];
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((group) => apiGroup(catalogue, group)) };
}

/** `GET /apis/<group>`, or undefined when the group is not served. */
export function apiGroupDocument(catalogue: ResourceCatalogue, group: string): Record<string, unknown> | undefined {
  if (groupVersionsOf(catalogue, group).length === 0) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(catalogue, group) };
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`; the core answer carries no apiVersion, as the real one does not. */
export function apiResourceList(catalogue: ResourceCatalogue, group: string, version: string): Record<string, unknown> | undefined {
  const entry = catalogue.groupVersion(group, version);
  if (entry === undefined) return undefined;
  const groupVersion = apiVersionOf(group, version);
  return group === ''
    ? { kind: 'APIResourceList', groupVersion, resources: entry.resources }
    : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: entry.resources };
}

/** `GET /version`; major and minor follow gitVersion, with a `+` on the minor for vendor builds as EKS and GKE show. */
export function versionInfo(gitVersion: string): Record<string, unknown> {
  const match = /^v(\d+)\.(\d+)\.\d+(.*)$/.exec(gitVersion);
  const major = match?.[1] ?? '';
  const minor = match === null ? '' : `${match[2]}${match[3] === '' ? '' : '+'}`;
  return {
    major, minor, gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-06-01T00:00:00Z',
    goVersion: 'go1.24.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
