import { DEPRECATED_KINDS } from './deprecations.js';
import { apiLifecycleControl } from './lifecycle.js';

export default apiLifecycleControl(
  {
    id: 'api-deprecated',
    title: 'API version deprecated in the target Kubernetes version',
    severity: 'low',
    category: 'API Lifecycle',
    description:
      'Flags resources written in an apiVersion that the target Kubernetes version still serves but has deprecated; removed ones are reported by api-removed.',
    rationale:
      'Deprecated versions are removed in a later release: manifests left on them break at that upgrade, and the API server already answers them with warnings.',
    remediation: 'Move the manifest to the replacement apiVersion now, while both versions are served and the change can be rolled back.',
    frameworks: [{ framework: 'nsa', id: 'upgrades' }],
    appliesTo: DEPRECATED_KINDS,
    links: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
  },
  (entry, target, object) => {
    if (target < entry.deprecatedIn) return undefined;
    if (entry.removedIn !== undefined && target >= entry.removedIn) return undefined;
    const removal = entry.removedIn === undefined ? 'no removal is scheduled' : `removed in 1.${entry.removedIn}`;
    return {
      message: `${entry.apiVersion} ${String(object.kind)} is deprecated since Kubernetes 1.${entry.deprecatedIn} (${removal}); use ${entry.replacement}`,
      found: { apiVersion: entry.apiVersion, kind: object.kind, deprecatedIn: `1.${entry.deprecatedIn}`, removedIn: entry.removedIn === undefined ? null : `1.${entry.removedIn}` },
    };
  },
);
