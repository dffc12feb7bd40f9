/** Small builders for the Pod Security control tests: a pod spec wrapped in the workload kinds PSA judges. */
import type { K8sObject } from '../../model/k8s.js';

type Fields = Record<string, unknown>;

export function container(name: string, securityContext?: Fields, fields: Fields = {}): Fields {
  return { name, image: 'registry.example/app:1.0', ...(securityContext ? { securityContext } : {}), ...fields };
}

export function pod(spec: Fields, metadata: Fields = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec };
}

export function deployment(spec: Fields, metadata: Fields = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' }, ...metadata }, spec } },
  };
}

export function cronJob(spec: Fields, metadata: Fields = {}): K8sObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report', namespace: 'shop' },
    spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { metadata, spec } } } },
  };
}

export function version(minor: number): { pssVersion: { minor: number } } {
  return { pssVersion: { minor } };
}
