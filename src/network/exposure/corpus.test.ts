/**
 * Exposure over the shared corpus of real manifests (upstream examples and install bundles). Each directory is judged
 * as one estate, since its files deploy together.
 */
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { sharedData } from '../../../test/helpers/shared.js';
import { controllerOf } from '../../inventory/ownership.js';
import { podTemplateOf } from '../../inventory/pod-spec.js';
import type { K8sObject } from '../../model/k8s.js';
import { readSources } from '../../sources/index.js';
import { exposureOf, type WorkloadExposure } from './index.js';

const corpus = sharedData('k8s-manifests-corpus');

describe('exposure of the real-manifest corpus', { skip: corpus === undefined }, () => {
  it('judges every directory without failing and finds a plausible share of exposed workloads', async () => {
    const estates = new Map<string, K8sObject[]>();
    for await (const item of readSources([corpus!])) {
      if (item.type !== 'resource') continue;
      const directory = dirname(item.resource.source.file);
      const objects = estates.get(directory);
      if (objects) objects.push(item.resource.object);
      else estates.set(directory, [item.resource.object]);
    }
    const exposed: WorkloadExposure[] = [...estates.values()].flatMap((objects) => exposureOf(objects));
    const ways = exposed.flatMap(({ exposures }) => exposures);
    const via = new Set(ways.map((way) => way.via));

    const workloads = [...estates.values()].flat().filter((object) => podTemplateOf(object) && object.kind !== 'PodTemplate' && !controllerOf(object)).length;
    // 97 of 684 when written: most samples run behind ClusterIP Services.
    assert.ok(exposed.length >= 50 && exposed.length <= workloads / 4, `${exposed.length} exposed of ${workloads} workloads`);
    for (const expected of ['LoadBalancer', 'NodePort', 'Ingress', 'Gateway', 'hostNetwork', 'hostPort'] as const) assert.ok(via.has(expected), `no ${expected} exposure found`);
    assert.ok(ways.some((way) => way.via === 'Ingress' && way.tls === true), 'no Ingress served over TLS');
    assert.ok(ways.every((way) => way.detail !== '' && way.object.name !== ''));
    // The Online Boutique bundle publishes its frontend, and only it, through a LoadBalancer.
    const boutique = exposed.filter(({ exposures }) => exposures.some((way) => way.via === 'LoadBalancer' && way.object.name === 'frontend-external'));
    assert.ok(boutique.length > 0 && boutique.every(({ workload }) => workload.name === 'frontend'));
  });
});
