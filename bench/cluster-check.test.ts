import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareInventories, itemIdentity, reportIdentity } from './cluster-check.js';

describe('comparing a cluster report with kubectl', () => {
  it('identifies kubectl items by metadata and report resources by their top-level fields, alike', () => {
    const item = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: {} };
    const resource = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web', source: { cluster: 'test' } };
    assert.equal(itemIdentity(item), 'apps/v1 Deployment shop/web');
    assert.equal(reportIdentity(resource), itemIdentity(item));
    assert.equal(itemIdentity({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } }), 'v1 Node /worker-1');
  });

  it('accepts the same identities in any order', () => {
    assert.deepEqual(compareInventories(['a', 'b', 'c'], ['c', 'a', 'b']), []);
  });

  it('reports a different count, repeats, and what each side lacks', () => {
    assert.deepEqual(compareInventories(['a', 'b', 'b', 'x'], ['a', 'b', 'c']), [
      'the report lists 4 resources, kubectl returned 3 items',
      'the report lists 1 resources more than once: b',
      '1 items kubectl returned are not in the report: c',
      '1 resources in the report were not returned by kubectl: x',
    ]);
    assert.deepEqual(compareInventories(['a', 'b'], ['a', 'a']), [
      'kubectl returned 1 items more than once: a',
      '1 resources in the report were not returned by kubectl: b',
    ]);
  });

  it('shows a few of many differences and counts the rest', () => {
    const kubectl = Array.from({ length: 8 }, (_, index) => `n${index}`);
    assert.deepEqual(compareInventories([], kubectl), [
      'the report lists 0 resources, kubectl returned 8 items',
      '8 items kubectl returned are not in the report: n0, n1, n2, n3, n4 and 3 more',
    ]);
  });
});
