import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { isRecord, type K8sObject } from '../model/k8s.js';
import { describeRef, refOf } from '../model/resource.js';
import { sharedData } from '../../test/helpers/shared.js';
import { annotationException } from './annotation.js';

const NOW = new Date('2027-03-31T12:00:00Z');

function deployment(annotations: unknown, namespace = 'payments'): K8sObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'reports', namespace, annotations } as K8sObject['metadata'] };
}

function parse(object: K8sObject, now = NOW) {
  const ref = refOf(object);
  return annotationException(object, ref, describeRef(ref), now);
}

describe('annotationException', () => {
  it('has nothing to say about objects without kspm.io/ignore', () => {
    assert.deepEqual(parse(deployment(undefined)), {});
    assert.deepEqual(parse(deployment({ 'kspm.io/ignore-reason': 'orphan reason' })), {});
    assert.deepEqual(parse({ kind: 'Pod', metadata: 'oops' } as unknown as K8sObject), {});
    assert.deepEqual(parse(deployment(['kspm.io/ignore'])), {});
  });

  it('reads ids and globs separated by commas and/or spaces, with reason, owner and expiry', () => {
    const { exception, error } = parse(
      deployment({
        'kspm.io/ignore': ' image-mutable-tag,pss-*  workload-no-limits ,, ',
        'kspm.io/ignore-reason': ' Vendor image; tracked in SEC-123 ',
        'kspm.io/ignore-owner': 'team-payments',
        'kspm.io/ignore-expires': '2027-03-31',
      }),
    );
    assert.equal(error, undefined);
    assert.deepEqual(exception?.controls, ['image-mutable-tag', 'pss-*', 'workload-no-limits']);
    assert.deepEqual(exception?.applied, {
      source: 'annotation',
      reason: 'Vendor image; tracked in SEC-123',
      owner: 'team-payments',
      expires: '2027-03-31',
      status: 'active',
      origin: 'Deployment payments/reports',
    });
    assert.equal(exception?.coversControl('pss-host-ports'), true);
    assert.equal(exception?.coversControl('workload-no-limits'), true);
    assert.equal(exception?.coversControl('image-allowed-registry'), false);
  });

  it('is active through the expiry day and expired the day after', () => {
    const annotations = { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'migration', 'kspm.io/ignore-expires': '2027-03-31' };
    assert.equal(parse(deployment(annotations), new Date('2027-03-31T23:59:59Z')).exception?.applied.status, 'active');
    assert.equal(parse(deployment(annotations), new Date('2027-04-01T00:00:00Z')).exception?.applied.status, 'expired');
  });

  it('accepts an RFC 3339 timestamp as expiry', () => {
    const annotations = { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'migration', 'kspm.io/ignore-expires': '2027-03-31T11:00:00Z' };
    assert.equal(parse(deployment(annotations)).exception?.applied.status, 'expired');
  });

  it('works on cluster-scoped objects', () => {
    const role: K8sObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'admin-ish', annotations: { 'kspm.io/ignore': 'rbac-*', 'kspm.io/ignore-reason': 'break-glass role' } },
    };
    const { exception } = parse(role);
    assert.equal(exception?.applied.origin, 'ClusterRole admin-ish');
    assert.equal(exception?.applied.owner, undefined);
  });

  const invalid: [name: string, annotations: Record<string, unknown>, message: RegExp][] = [
    ['missing reason', { 'kspm.io/ignore': 'pss-*' }, /needs a kspm\.io\/ignore-reason/],
    ['blank reason', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': '   ' }, /needs a kspm\.io\/ignore-reason/],
    ['reason of the wrong type', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 42 }, /needs a kspm\.io\/ignore-reason/],
    ['no control named', { 'kspm.io/ignore': ' , ', 'kspm.io/ignore-reason': 'x' }, /names no control/],
    ['ignore not a string', { 'kspm.io/ignore': ['pss-*'], 'kspm.io/ignore-reason': 'x' }, /must be a string/],
    ['owner not a string', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'x', 'kspm.io/ignore-owner': { team: 'a' } }, /ignore-owner must be a string/],
    ['unparseable expiry', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'x', 'kspm.io/ignore-expires': 'end of Q3' }, /"end of Q3" is not a date/],
    ['impossible date', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'x', 'kspm.io/ignore-expires': '2027-02-30' }, /"2027-02-30" is not a date/],
    ['expiry as a number', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'x', 'kspm.io/ignore-expires': 20270331 }, /"20270331" is not a date/],
    ['expiry null', { 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'x', 'kspm.io/ignore-expires': null }, /"null" is not a date/],
  ];
  for (const [name, annotations, message] of invalid) {
    it(`reports an invalid exception naming the object: ${name}`, () => {
      const { exception, error } = parse(deployment(annotations));
      assert.equal(exception, undefined, 'the findings stay open');
      assert.equal(error?.code, 'invalid-exception');
      assert.match(error?.message ?? '', /^Deployment payments\/reports: /);
      assert.match(error?.message ?? '', message);
    });
  }

  const corpus = sharedData('k8s-manifests-corpus');
  it('finds no exception and no error in real manifests, which carry no kspm.io annotations', { skip: corpus ? false : 'shared corpus absent' }, () => {
    const folders = ['argo-cd', 'kube-prometheus', 'ingress-nginx', 'istio-samples', 'calico', 'longhorn'];
    let withAnnotations = 0;
    for (const file of folders.flatMap((folder) => yamlFiles(join(corpus!, folder)))) {
      for (const document of loadAll(readFileSync(file, 'utf8'))) {
        if (!isRecord(document)) continue;
        const object = document as K8sObject;
        if (isRecord(object.metadata) && isRecord(object.metadata.annotations)) withAnnotations++;
        assert.deepEqual(parse(object), {}, `${file}: ${describeRef(refOf(object))}`);
      }
    }
    assert.ok(withAnnotations > 100, `expected many annotated objects, saw ${withAnnotations}`);
  });
});

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => /\.ya?ml$/.test(path) && statSync(path).isFile());
}
