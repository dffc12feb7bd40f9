import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { K8sObject } from '../model/k8s.js';
import { mountsSecrets, outlineOf } from './outline.js';

const cronJob = (spec: Record<string, unknown>): K8sObject => ({
  apiVersion: 'batch/v1', kind: 'CronJob',
  metadata: { name: 'report', namespace: 'ops', labels: { team: 'ops' }, annotations: { big: 'x'.repeat(1000) }, managedFields: [{ manager: 'kubectl' }] },
  spec: { schedule: '@daily', jobTemplate: { spec: { template: { metadata: { labels: { app: 'report' } }, spec: { serviceAccountName: 'reporter', containers: [{ name: 'main', image: 'report:1', env: [{ name: 'A', value: 'b' }], ports: [{ name: 'metrics', containerPort: 9100 }] }], ...spec } } } } },
});

describe('workload outlines', () => {
  it('keep identity, pod labels, ports, host network and service account at the template path, and nothing else', () => {
    assert.deepEqual(outlineOf(cronJob({ hostNetwork: true })), {
      apiVersion: 'batch/v1', kind: 'CronJob',
      metadata: { name: 'report', namespace: 'ops', labels: { team: 'ops' } },
      spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: 'report' } }, spec: { containers: [{ name: 'main', ports: [{ name: 'metrics', containerPort: 9100 }] }], hostNetwork: true, serviceAccountName: 'reporter' } } } } },
    });
    assert.equal(outlineOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }), undefined);
  });

  it('tell whether the pod receives a Secret, by volume, projected volume or environment', () => {
    assert.equal(mountsSecrets(cronJob({})), false);
    assert.equal(mountsSecrets(cronJob({ volumes: [{ name: 'c', secret: { secretName: 'db' } }] })), true);
    assert.equal(mountsSecrets(cronJob({ volumes: [{ name: 'p', projected: { sources: [{ secret: { name: 'db' } }] } }] })), true);
    assert.equal(mountsSecrets(cronJob({ initContainers: [{ name: 'i', image: 'i', envFrom: [{ secretRef: { name: 'db' } }] }] })), true);
    assert.equal(mountsSecrets(cronJob({ containers: [{ name: 'm', image: 'm', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'p' } } }] }] })), true);
    assert.equal(mountsSecrets(cronJob({ volumes: [{ name: 'c', configMap: { name: 'x' } }] })), false);
  });
});
