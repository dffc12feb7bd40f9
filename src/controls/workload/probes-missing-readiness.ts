import { podTemplateOf } from '../../inventory/pod-spec.js';
import { isRecord } from '../../model/k8s.js';
import { defineControl } from '../types.js';
import { containerName } from './pod-helpers.js';
import { longRunningContainers } from './probes.js';

export default defineControl(
  {
    id: 'probes-missing-readiness',
    title: 'Container without a readiness probe',
    severity: 'low',
    category: 'Workload',
    description: 'Flags long-running containers (and sidecars) without a `readinessProbe`; Jobs, CronJobs and run-to-completion pods are skipped.',
    rationale: 'Without a readiness probe a pod receives traffic as soon as it starts and while it is overloaded, and rollouts proceed past broken versions.',
    remediation: 'Add `readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5}` (or `tcpSocket`/`exec`/`grpc`) that fails while the container cannot serve.',
    frameworks: [],
    appliesTo: 'workloads',
  },
  (object) => {
    const template = podTemplateOf(object);
    if (!template) return [];
    return longRunningContainers(object, template)
      .filter(({ container }) => !isRecord(container.readinessProbe))
      .map(({ container, path }) => ({
        path: [...path, 'readinessProbe'],
        message: `container "${containerName(container)}" has no readiness probe`,
        found: 'not set',
        expected: 'a readinessProbe (httpGet, tcpSocket, exec or grpc)',
      }));
  },
);
