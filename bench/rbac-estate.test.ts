import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterViewOf } from '../src/rbac/cluster-view.js';
import { generateRbacEstate } from './rbac-estate.js';

describe('the RBAC benchmark estate', () => {
  const options = { subjects: 200, roles: 80, bindings: 400, namespaces: 10, seed: 7 };

  it('holds the subjects, roles and bindings asked for, each binding naming a role that exists', () => {
    const estate = generateRbacEstate(options);
    const view = clusterViewOf(estate.objects);
    assert.deepEqual(estate.counts, { subjects: 200, roles: 80, bindings: 400, namespaces: 10, workloads: 120 });
    assert.equal(view.model.allRoles().length, 80);
    assert.equal(view.model.bindings().length, 400);
    for (const binding of view.model.bindings()) assert.ok(view.model.role(binding.role), `${binding.key.name} names a missing role`);
    const named = new Set(view.model.bindings().flatMap((binding) => binding.subjects.map((subject) => `${subject.kind}/${subject.namespace ?? ''}/${subject.name}`)));
    assert.equal(named.size, 200, 'every subject is bound at least once');
  });

  it('is the same for the same seed and differs for another', () => {
    assert.deepEqual(generateRbacEstate(options).objects, generateRbacEstate(options).objects);
    assert.notDeepEqual(generateRbacEstate(options).objects, generateRbacEstate({ ...options, seed: 8 }).objects);
  });
});
