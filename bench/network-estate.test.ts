import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkEstateOf } from '../src/network/estate.js';
import { generateNetworkEstate } from './network-estate.js';

describe('the network benchmark estate', () => {
  const options = { pods: 60, namespaces: 6, policies: 24, replicas: 3, seed: 3 };

  it('holds the pods, namespaces and policies asked for, replicas sharing their labels', () => {
    const estate = networkEstateOf(generateNetworkEstate(options).objects);
    assert.equal(estate.workloads.length, 60);
    assert.equal(estate.namespaces.size, 6);
    assert.equal(estate.policies.length, 24);
    const labelSets = new Set(estate.workloads.map((workload) => `${workload.namespace}/${JSON.stringify(workload.labels)}`));
    assert.equal(labelSets.size, 20);
  });

  it('is the same for the same seed', () => {
    assert.deepEqual(generateNetworkEstate(options).objects, generateNetworkEstate(options).objects);
  });
});
