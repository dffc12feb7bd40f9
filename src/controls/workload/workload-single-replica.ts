import { record } from '../../model/k8s.js';
import { defineControl } from '../types.js';

export default defineControl(
  {
    id: 'workload-single-replica',
    title: 'Deployment or StatefulSet with a single replica',
    severity: 'low',
    category: 'Workload',
    description:
      'Flags Deployments and StatefulSets with `spec.replicas: 1`. An absent count is left alone: it is usual when a HorizontalPodAutoscaler owns it.',
    rationale: 'A single replica makes every node drain, eviction or crash an outage, and a denial of service needs to take down only one pod.',
    remediation: 'Run at least two replicas (`spec: {replicas: 2}` or an HPA with `minReplicas: 2`), spread them with topologySpreadConstraints and protect them with a PodDisruptionBudget.',
    frameworks: [],
    appliesTo: ['Deployment', 'StatefulSet'],
  },
  (object) => {
    if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') return [];
    if (record(object.spec)?.replicas !== 1) return [];
    return [{ path: ['spec', 'replicas'], message: `the ${object.kind} runs a single replica`, found: 1, expected: 'at least 2' }];
  },
);
