import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Inventory } from '../../inventory/inventory.js';
import { DEFAULT_TEST_OPTIONS, testControl } from '../testing.js';
import control from './version-unsupported.js';
import { clusterFacts } from './testing.js';

// The harness scans on 2026-11-27 unless a case sets `now`.
const at = (instant: string) => ({ now: new Date(instant) });
const namespaceObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };

testControl(control, {
  valid: [
    { name: 'manifests without a cluster', objects: namespaceObject },
    { name: 'cluster whose version could not be read', objects: namespaceObject, cluster: clusterFacts() },
    { name: 'version that is not a Kubernetes 1.x one', objects: [], cluster: clusterFacts({ serverVersion: 'v2.0.0' }) },
    { name: 'supported release', objects: [], cluster: clusterFacts({ serverVersion: 'v1.35.0' }) },
    { name: 'last second of the end-of-life day', objects: [], cluster: clusterFacts({ serverVersion: 'v1.34.2' }), options: at('2026-10-27T23:59:59Z') },
    { name: 'on the end-of-life day, in a provider build', objects: [], cluster: clusterFacts({ serverVersion: 'v1.29.4-eks-4c4a2f8', distribution: 'eks' }), options: at('2025-02-28T08:00:00Z') },
    { name: 'release newer than the table', objects: [], cluster: clusterFacts({ serverVersion: 'v1.38.0' }) },
    { name: 'version without patch or v', objects: [], cluster: clusterFacts({ serverVersion: '1.36' }) },
  ],
  invalid: [
    {
      name: 'the day after end of life',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.34.2' }),
      options: at('2026-10-28T00:00:00Z'),
      violations: [{ path: 'gitVersion', subject: 'Cluster prod', message: /^the API server runs v1\.34\.2, and Kubernetes 1\.34 reached upstream end of life on 2026-10-27: the project no longer patches it$/ }],
    },
    {
      name: 'k3s build, with no provider to extend support',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.30.2+k3s1', distribution: 'k3s' }),
      violations: [{ path: 'gitVersion', message: /Kubernetes 1\.30 reached upstream end of life on 2025-07-15: the project no longer patches it$/ }],
    },
    {
      name: 'EKS build',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.29.4-eks-4c4a2f8', distribution: 'eks' }),
      options: at('2025-03-01T00:00:00Z'),
      violations: [{ path: 'gitVersion', message: 'on 2025-02-28: the project no longer patches it; Amazon EKS may still support it under extended support, so check its calendar (https://docs.aws.amazon.com/' }],
    },
    {
      name: 'GKE build',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.31.1-gke.1146000', distribution: 'gke' }),
      violations: [{ path: 'gitVersion', message: 'on 2025-11-11: the project no longer patches it; GKE may still support it under the Extended channel' }],
    },
    {
      name: 'AKS build',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.32.3', distribution: 'aks' }),
      violations: [{ path: 'gitVersion', message: 'AKS may still support it under long-term support' }],
    },
    {
      name: 'release older than the table',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.16.15' }),
      violations: [{ path: 'gitVersion', message: 'Kubernetes 1.16 reached upstream end of life before 1.19 did on 2021-10-28' }],
    },
    {
      name: 'the newest release of the table, once it has ended too',
      objects: [],
      cluster: clusterFacts({ serverVersion: 'v1.37.9' }),
      options: at('2028-01-01T00:00:00Z'),
      violations: [{ path: 'gitVersion', message: 'on 2027-10-28' }],
    },
  ],
});

describe('what cluster-version-unsupported asks for', () => {
  const expectedOn = (now: string, serverVersion: string) => {
    const inventory = new Inventory();
    inventory.cluster = clusterFacts({ serverVersion });
    return control.check(inventory, { ...DEFAULT_TEST_OPTIONS, now: new Date(now) }).flatMap((result) => result.violations.map((v) => v.expected));
  };

  it('names the oldest release still supported on the day of the scan', () => {
    assert.deepEqual(expectedOn('2026-11-27T00:00:00Z', 'v1.33.1'), ['Kubernetes 1.35 or newer (the oldest release the project still supports on 2026-11-27)']);
    assert.deepEqual(expectedOn('2027-03-01T00:00:00Z', 'v1.33.1'), ['Kubernetes 1.36 or newer (the oldest release the project still supports on 2027-03-01)']);
  });

  it('points to the release page once the table is out of date', () => {
    assert.deepEqual(expectedOn('2028-01-01T00:00:00Z', 'v1.37.0'), ['a Kubernetes release the project still supports on 2028-01-01 (https://kubernetes.io/releases/)']);
  });
});
