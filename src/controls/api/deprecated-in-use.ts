import type { InventoryEntry } from '../../inventory/inventory.js';
import { defineInventoryControl, type Violation } from '../types.js';
import { DEPRECATED_KINDS, findDeprecation, parseMinor, type ApiDeprecation } from './deprecations.js';

/**
 * Whether a deprecated version is still in use where the objects live: served by the cluster they were read from or,
 * for manifests, deprecated and not yet removed in the target version (as api-deprecated judges).
 */
type StillServed = (deprecation: ApiDeprecation) => boolean;

function servedBy(servedVersions: readonly string[]): StillServed {
  const served = new Set(servedVersions);
  return (deprecation) => served.has(deprecation.apiVersion);
}

function servedByTarget(target: number | undefined): StillServed {
  return (deprecation) =>
    target !== undefined && target >= deprecation.deprecatedIn && (deprecation.removedIn === undefined || target < deprecation.removedIn);
}

function writtenThroughDeprecated(entry: InventoryEntry, stillServed: StillServed): Violation[] {
  return (entry.writtenWith ?? []).flatMap((apiVersion) => {
    const deprecation = findDeprecation(apiVersion, entry.ref.kind);
    if (!deprecation || !stillServed(deprecation)) return [];
    const { deprecatedIn, removedIn, replacement } = deprecation;
    const consequence =
      removedIn === undefined
        ? 'no removal is scheduled yet'
        : `clients still writing through it break when the cluster is upgraded to 1.${removedIn}, which no longer serves it`;
    return [
      {
        path: ['metadata'],
        message: `written through ${apiVersion}, deprecated in Kubernetes 1.${deprecatedIn} (replacement: ${replacement}); ${consequence}`,
        found: { writtenWith: apiVersion, kind: entry.ref.kind, deprecatedIn: `1.${deprecatedIn}`, removedIn: removedIn === undefined ? null : `1.${removedIn}` },
        expected: `every client writing the object uses ${replacement}`,
      },
    ];
  });
}

export default defineInventoryControl(
  {
    id: 'api-deprecated-in-use',
    title: 'Object still written through a deprecated API version',
    severity: 'medium',
    category: 'API Lifecycle',
    description:
      'Flags objects that some client writes through a deprecated apiVersion (named by their managedFields or kubectl\'s last-applied configuration) that the cluster still serves, even when the object is read back in the current version.',
    rationale:
      'The API server converts between versions, so the stored object looks current while a controller, pipeline or chart keeps sending the old version. Those writes fail as soon as an upgrade removes the version, in the middle of a deployment or an operator\'s reconcile loop.',
    remediation:
      'Find the writers: the field managers in `kubectl get -o yaml --show-managed-fields`, the `apiserver_requested_deprecated_apis` metric or the `k8s.io/deprecated` audit annotation. Move their manifests, charts and client libraries to the replacement version. A writer that no longer runs keeps its entry until another manager takes over its fields (`kubectl apply --server-side --force-conflicts` with the replacement version).',
    frameworks: [{ framework: 'nsa', id: 'upgrades' }],
    appliesTo: DEPRECATED_KINDS,
    links: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/', 'https://kubernetes.io/blog/2020/09/03/warnings/'],
  },
  (inventory, options) => {
    const stillServed = inventory.cluster ? servedBy(inventory.cluster.servedVersions) : servedByTarget(parseMinor(options.kubernetesVersion));
    return inventory
      .all()
      .filter((entry) => DEPRECATED_KINDS.includes(entry.ref.kind))
      .map((entry) => ({ entry, violations: writtenThroughDeprecated(entry, stillServed) }));
  },
);
