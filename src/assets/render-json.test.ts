import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssetCollector } from './collector.js';
import { estateObjects, LAB, SECRET_VALUES } from './fixtures.js';
import { INVENTORY_VERSION } from './model.js';
import { renderInventoryJson } from './render-json.js';

function estateInventory() {
  const collector = new AssetCollector();
  collector.addCluster(LAB);
  for (const object of estateObjects()) collector.add(object, { cluster: 'lab' });
  return collector.result();
}

describe('renderInventoryJson', () => {
  const inventory = estateInventory();
  const text = renderInventoryJson(inventory);

  it('round-trips: the JSON parses back to the inventory, under its version', () => {
    assert.deepEqual(JSON.parse(text), { inventoryVersion: INVENTORY_VERSION, ...inventory });
    assert.equal(INVENTORY_VERSION, '1.0.0');
  });

  it('is pretty-printed with the sections in a fixed order', () => {
    assert.ok(text.startsWith('{\n  "inventoryVersion": "1.0.0",\n  "clusters": [\n'));
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(Object.keys(JSON.parse(text) as object), [
      'inventoryVersion', 'clusters', 'nodes', 'namespaces', 'workloads', 'images', 'registries', 'serviceAccounts', 'subjects', 'services', 'ingresses', 'secrets',
    ]);
  });

  it('never holds the data of a secret, nor its keys', () => {
    for (const value of [...SECRET_VALUES, 'tls.key', 'stringData', 'password']) assert.ok(!text.includes(value), `${value} leaked into the JSON`);
    assert.ok(text.includes('"name": "db-credentials"'));
  });

  it('renders an empty inventory as empty sections', () => {
    const empty = new AssetCollector().result();
    assert.deepEqual(JSON.parse(renderInventoryJson(empty)), { inventoryVersion: '1.0.0', ...empty });
    assert.ok(Object.values(empty).every((section) => Array.isArray(section) && section.length === 0));
  });
});
