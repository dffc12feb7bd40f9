/** Small builders for control tests: the same pod spec wrapped in each workload kind. */
import type { K8sObject } from '../../model/k8s.js';

export type WorkloadKind = 'Pod' | 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** Where each kind's pod spec sits, as formatPath prints it. */
export const SPEC_PATH: Readonly<Record<WorkloadKind, string>> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
};

const METADATA = { name: 'app', namespace: 'shop' };

export function workload(kind: WorkloadKind, spec: Record<string, unknown>, metadata: Record<string, unknown> = METADATA): K8sObject {
  const template = { metadata: { labels: { app: 'app' } }, spec };
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata, spec };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { template } };
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '0 * * * *', jobTemplate: { spec: { template } } } };
    default:
      return { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: { app: 'app' } }, template } };
  }
}

/** A container that passes every workload control; tests override the field they are about. */
export function container(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'app',
    image: 'registry.example.com/shop/app:1.4.2',
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi', 'ephemeral-storage': '1Gi' } },
    securityContext: { readOnlyRootFilesystem: true, runAsUser: 10001, runAsGroup: 10001, capabilities: { drop: ['ALL'] } },
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    ...overrides,
  };
}

/** A pod of one container, overriding the container fields given. */
export function podOf(overrides: Record<string, unknown> = {}, kind: WorkloadKind = 'Pod'): K8sObject {
  return workload(kind, { containers: [container(overrides)] });
}
