/**
 * The inventory of a real install bundle (Online Boutique's release manifests, in the shared corpus), read the way
 * `kspm inventory` reads files; what it must list is taken from the corpus's own object index.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedData } from '../../test/helpers/shared.js';
import { readSources } from '../sources/index.js';
import { AssetCollector } from './collector.js';
import { renderInventoryTable } from './render-table.js';

const corpus = sharedData('k8s-manifests-corpus');
const BUNDLE = 'microservices-demo/release/kubernetes-manifests.yaml';

describe('inventory of the Online Boutique release bundle', { skip: corpus === undefined }, async () => {
  const index = readFileSync(join(corpus ?? '', 'OBJECTS.tsv'), 'utf8').split('\n').map((line) => line.split('\t'));
  const indexed = (kind: string) => index.filter((row) => row[0] === BUNDLE && row[3] === kind).map((row) => row[5]!).sort();
  const file = join(corpus ?? '', BUNDLE);
  const collector = new AssetCollector();
  for await (const item of readSources([file])) {
    assert.equal(item.type, 'resource');
    if (item.type === 'resource') collector.add(item.resource.object, { file: item.resource.source.file });
  }
  const inventory = collector.result();

  it('lists every Deployment of the bundle as a workload from its file', () => {
    assert.deepEqual(inventory.workloads.map((workload) => workload.name).sort(), indexed('Deployment'));
    assert.ok(inventory.workloads.every((workload) => workload.kind === 'Deployment' && workload.file === file && workload.namespace === undefined));
  });

  it('finds the workloads behind every Service, and sees the LoadBalancer exposed', () => {
    assert.deepEqual(inventory.services.map((service) => service.name).sort(), indexed('Service'));
    for (const service of inventory.services) {
      const expected = service.name === 'frontend-external' ? 'frontend' : service.name;
      assert.deepEqual(service.workloads, [{ kind: 'Deployment', name: expected }], service.name);
      assert.equal(service.exposed, service.name === 'frontend-external', service.name);
    }
  });

  it('counts every workload under a declared service account, or the default one', () => {
    const declared = indexed('ServiceAccount');
    assert.deepEqual(inventory.serviceAccounts.filter((account) => !account.missing).map((account) => account.name).sort(), [...declared, 'default'].sort());
    assert.deepEqual(inventory.serviceAccounts.filter((account) => account.missing), []);
    assert.deepEqual(inventory.serviceAccounts.find((account) => account.name === 'default')?.workloads, [{ kind: 'Deployment', name: 'redis-cart' }]);
  });

  it('splits the images by registry, the digest-pinned init image included', () => {
    assert.deepEqual(inventory.registries.map((registry) => registry.host), ['docker.io', 'us-central1-docker.pkg.dev']);
    const busybox = inventory.images.find((image) => image.repository === 'library/busybox');
    assert.equal(busybox?.tag, '1.38.0');
    assert.match(busybox?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(busybox?.workloads, [{ kind: 'Deployment', name: 'loadgenerator' }]);
  });

  it('renders as a table that fits the screen', () => {
    const text = renderInventoryTable(inventory, { color: false, width: 100 });
    assert.deepEqual(text.split('\n').filter((line) => line.length > 100), []);
    assert.match(text, new RegExp(`WORKLOADS {2}${indexed('Deployment').length} workloads`));
  });
});
