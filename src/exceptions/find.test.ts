import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { K8sObject } from '../model/k8s.js';
import { describeRef, refOf, type ResourceRef } from '../model/resource.js';
import { annotationException } from './annotation.js';
import { findException } from './find.js';
import { emptyExceptions, ExceptionSet, type FileException } from './set.js';

const NOW = new Date('2027-03-31T12:00:00Z');
const FILE = 'exceptions.yaml';

const reportsDeployment: ResourceRef = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'legacy-billing', name: 'reports-nightly' };
const webDeployment: ResourceRef = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
const clusterRole: ResourceRef = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'reports-reader' };

function entry(fields: Partial<FileException>): FileException {
  return { controls: ['image-mutable-tag'], reason: 'vendor image', owner: 'team-payments', origin: FILE, ...fields };
}

function withExpiry(expires: string, end: string): Partial<FileException> {
  return { expires, end: new Date(end) };
}

function annotated(annotations: Record<string, string>) {
  const object: K8sObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', annotations } };
  const ref = refOf(object);
  return annotationException(object, ref, describeRef(ref), NOW).exception;
}

describe('findException with an exceptions file', () => {
  it('without resources an entry covers every resource for its controls', () => {
    const set = new ExceptionSet([entry({ controls: ['pss-*'] })]);
    assert.equal(findException('pss-privileged', webDeployment, set, undefined, NOW)?.status, 'active');
    assert.equal(findException('pss-host-ports', clusterRole, set, undefined, NOW)?.status, 'active');
    assert.equal(findException('image-mutable-tag', webDeployment, set, undefined, NOW), null);
  });

  it('carries source, reason, owner, expiry and origin', () => {
    const set = new ExceptionSet([entry({ ...withExpiry('2027-03-31', '2027-04-01T00:00:00Z'), line: 7 })]);
    assert.deepEqual(findException('image-mutable-tag', webDeployment, set, undefined, NOW), {
      source: 'file',
      reason: 'vendor image',
      owner: 'team-payments',
      expires: '2027-03-31',
      status: 'active',
      origin: FILE,
    });
  });

  const selectorCases: [name: string, selector: FileException['resources'], ref: ResourceRef, covered: boolean][] = [
    ['kind, namespace glob and name glob', [{ kind: 'Deployment', namespace: 'legacy-*', name: 'reports-*' }], reportsDeployment, true],
    ['another kind', [{ kind: 'StatefulSet', namespace: 'legacy-*' }], reportsDeployment, false],
    ['kind glob', [{ kind: '*Set' }], { ...reportsDeployment, kind: 'DaemonSet' }, true],
    ['kind is case-sensitive', [{ kind: 'deployment' }], reportsDeployment, false],
    ['another namespace', [{ namespace: 'legacy-*' }], webDeployment, false],
    ['name only, any namespace', [{ name: 'web' }], webDeployment, true],
    ['name only, another name', [{ name: 'reports-*' }], webDeployment, false],
    ['empty namespace means any', [{ namespace: '', name: 'web' }], webDeployment, true],
    ['any entry of the list may match', [{ name: 'nope' }, { kind: 'Deployment', namespace: 'shop' }], webDeployment, true],
    ['cluster-scoped resource, no namespace given', [{ kind: 'ClusterRole', name: 'reports-*' }], clusterRole, true],
    ['cluster-scoped resource, namespace pattern given', [{ kind: 'ClusterRole', namespace: 'legacy-*' }], clusterRole, false],
    ['cluster-scoped resource, empty namespace', [{ kind: 'ClusterRole', namespace: '' }], clusterRole, true],
  ];
  for (const [name, resources, ref, covered] of selectorCases) {
    it(`resources: ${name}`, () => {
      const set = new ExceptionSet([entry({ resources })]);
      const found = findException('image-mutable-tag', ref, set, undefined, NOW);
      assert.equal(found !== null, covered);
    });
  }

  it('an expired entry is reported as expired', () => {
    const set = new ExceptionSet([entry(withExpiry('2027-03-30', '2027-03-31T00:00:00Z'))]);
    assert.equal(findException('image-mutable-tag', webDeployment, set, undefined, NOW)?.status, 'expired');
  });

  it('prefers an active entry over an earlier expired one', () => {
    const set = new ExceptionSet([
      entry({ reason: 'old', ...withExpiry('2027-03-30', '2027-03-31T00:00:00Z') }),
      entry({ reason: 'renewed', ...withExpiry('2027-06-30', '2027-07-01T00:00:00Z') }),
    ]);
    const found = findException('image-mutable-tag', webDeployment, set, undefined, NOW);
    assert.equal(found?.reason, 'renewed');
    assert.equal(found?.status, 'active');
  });

  it('an empty set covers nothing', () => {
    assert.equal(findException('image-mutable-tag', webDeployment, emptyExceptions(), undefined, NOW), null);
  });
});

describe('findException with annotations', () => {
  it('covers only the listed controls of the annotated object', () => {
    const annotation = annotated({ 'kspm.io/ignore': 'pss-*', 'kspm.io/ignore-reason': 'sidecar needs it' });
    const found = findException('pss-privileged', webDeployment, emptyExceptions(), annotation, NOW);
    assert.deepEqual(found, { source: 'annotation', reason: 'sidecar needs it', status: 'active', origin: 'Deployment shop/web' });
    assert.equal(findException('image-mutable-tag', webDeployment, emptyExceptions(), annotation, NOW), null);
  });

  it('comes before an active file entry', () => {
    const annotation = annotated({ 'kspm.io/ignore': 'image-mutable-tag', 'kspm.io/ignore-reason': 'from the object' });
    const set = new ExceptionSet([entry({ reason: 'from the file' })]);
    assert.equal(findException('image-mutable-tag', webDeployment, set, annotation, NOW)?.source, 'annotation');
  });

  it('gives way to an active file entry when it has expired', () => {
    const annotation = annotated({ 'kspm.io/ignore': 'image-mutable-tag', 'kspm.io/ignore-reason': 'x', 'kspm.io/ignore-expires': '2027-03-30' });
    const set = new ExceptionSet([entry({})]);
    assert.equal(findException('image-mutable-tag', webDeployment, set, annotation, NOW)?.source, 'file');
    assert.deepEqual(findException('image-mutable-tag', webDeployment, emptyExceptions(), annotation, NOW)?.status, 'expired');
  });

  it('is returned as a copy, so a finding cannot change the next one', () => {
    const annotation = annotated({ 'kspm.io/ignore': 'image-mutable-tag', 'kspm.io/ignore-reason': 'x' });
    const first = findException('image-mutable-tag', webDeployment, emptyExceptions(), annotation, NOW)!;
    first.reason = 'changed';
    assert.equal(findException('image-mutable-tag', webDeployment, emptyExceptions(), annotation, NOW)?.reason, 'x');
  });
});

describe('ExceptionSet.unused', () => {
  it('lists the entries that matched no finding, with origin, line and controls', () => {
    const set = new ExceptionSet([
      entry({ controls: ['pss-*'], line: 5 }),
      entry({ controls: ['image-mutable-tagg'], line: 11 }),
      entry({ controls: ['image-mutable-tag'], resources: [{ namespace: 'retired' }], line: 17 }),
    ]);
    assert.equal(set.unused().length, 3);
    findException('pss-privileged', webDeployment, set, undefined, NOW);
    findException('image-mutable-tag', webDeployment, set, undefined, NOW);
    assert.deepEqual(set.unused(), [
      { origin: FILE, line: 11, controls: ['image-mutable-tagg'] },
      { origin: FILE, line: 17, controls: ['image-mutable-tag'] },
    ]);
  });

  it('counts an expired entry that matched as used: it is reported on the finding instead', () => {
    const set = new ExceptionSet([entry(withExpiry('2027-03-30', '2027-03-31T00:00:00Z'))]);
    findException('image-mutable-tag', webDeployment, set, undefined, NOW);
    assert.deepEqual(set.unused(), []);
  });
});
