import { DEPRECATED_KINDS } from './deprecations.js';
import { apiLifecycleControl } from './lifecycle.js';

export default apiLifecycleControl(
  {
    id: 'api-removed',
    title: 'API version removed in the target Kubernetes version',
    severity: 'high',
    category: 'API Lifecycle',
    description: 'Flags resources written in an apiVersion that the target Kubernetes version (--kubernetes-version) no longer serves.',
    rationale:
      'The API server rejects objects in a removed version: deployments fail at the next upgrade or apply, often in the middle of a rollout or an incident, and security fixes that need the upgrade are blocked.',
    remediation: 'Rewrite the manifest in the replacement apiVersion (`kubectl convert` helps) and adjust the fields that changed between versions.',
    frameworks: [{ framework: 'nsa', id: 'upgrades' }],
    appliesTo: DEPRECATED_KINDS,
    links: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
  },
  (entry, target, object) => {
    if (entry.removedIn === undefined || target < entry.removedIn) return undefined;
    return {
      message: `${entry.apiVersion} ${String(object.kind)} is not served since Kubernetes 1.${entry.removedIn} (target 1.${target}); use ${entry.replacement}`,
      found: { apiVersion: entry.apiVersion, kind: object.kind, removedIn: `1.${entry.removedIn}` },
    };
  },
);
