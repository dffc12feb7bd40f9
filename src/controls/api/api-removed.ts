import { defineControl } from '../types.js';
import { DEPRECATED_KINDS, findDeprecation, parseMinor } from './deprecations.js';

export default defineControl(
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
  (object, options) => {
    const target = parseMinor(options.kubernetesVersion);
    const entry = findDeprecation(object.apiVersion, object.kind);
    if (target === undefined || entry?.removedIn === undefined || target < entry.removedIn) return [];
    return [
      {
        path: ['apiVersion'],
        message: `${entry.apiVersion} ${String(object.kind)} is not served since Kubernetes 1.${entry.removedIn} (target 1.${target}); use ${entry.replacement}`,
        found: { apiVersion: entry.apiVersion, kind: object.kind, removedIn: `1.${entry.removedIn}` },
        expected: entry.replacement,
      },
    ];
  },
);
