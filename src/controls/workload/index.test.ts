import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { load, loadAll } from 'js-yaml';
import { WORKLOAD_CONTROLS } from './index.js';
import { DEFAULT_TEST_OPTIONS } from '../testing.js';
import { NSA_SECTIONS } from '../../frameworks/nsa.js';
import { isRecord, list, type K8sObject } from '../../model/k8s.js';
import { formatPath, type FieldPath } from '../../model/path.js';
import { sharedData } from '../../../test/helpers/shared.js';

const ids = WORKLOAD_CONTROLS.map((control) => control.meta.id);

describe('WORKLOAD_CONTROLS catalogue', () => {
  it('holds the workload, image and secret controls, sorted by unique kebab-case id', () => {
    assert.ok(WORKLOAD_CONTROLS.length >= 20, `only ${WORKLOAD_CONTROLS.length} controls`);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const wanted of ['image-mutable-tag', 'image-registry-not-allowed', 'secret-literal-env', 'host-path-sensitive', 'resources-missing-limits']) {
      assert.ok(ids.includes(wanted), `${wanted} is missing`);
    }
  });

  it('describes every control fully', () => {
    for (const { meta, scope } of WORKLOAD_CONTROLS) {
      assert.equal(scope, 'resource');
      assert.ok(['Workload', 'Images', 'Secrets'].includes(meta.category), `${meta.id}: category ${meta.category}`);
      for (const field of ['title', 'description', 'rationale', 'remediation'] as const) assert.ok(meta[field].length > 10, `${meta.id}: ${field}`);
    }
  });

  it('refers only to NSA sections and MITRE techniques that exist', () => {
    for (const { meta } of WORKLOAD_CONTROLS) {
      for (const ref of meta.frameworks) {
        if (ref.framework === 'nsa') assert.ok(ref.id in NSA_SECTIONS, `${meta.id}: unknown NSA section ${ref.id}`);
        else if (ref.framework === 'mitre') assert.match(ref.id, /^T\d{4}(\.\d{3})?$/, `${meta.id}: ${ref.id}`);
        else assert.equal(ref.framework, 'cis', `${meta.id}: unknown framework ${ref.framework}`);
      }
    }
  });

  const kubeBench = sharedData('kube-bench-cfg');
  it('refers only to CIS 1.12 policy sections that exist', { skip: kubeBench ? false : 'shared kube-bench-cfg data is absent' }, () => {
    const policies = load(readFileSync(join(kubeBench!, 'cfg', 'cis-1.12', 'policies.yaml'), 'utf8'));
    const known = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (isRecord(node)) {
        if (typeof node.id === 'string' || typeof node.id === 'number') known.add(String(node.id));
        Object.values(node).forEach(collect);
      }
    };
    collect(policies);
    assert.ok(known.has('5.4.1'), 'the policies file was read');
    for (const { meta } of WORKLOAD_CONTROLS) {
      for (const ref of meta.frameworks) if (ref.framework === 'cis') assert.ok(known.has(ref.id), `${meta.id}: no CIS 1.12 section ${ref.id}`);
    }
  });
});

/** The strings (of 8 characters or more) at and below a field: what a secret control points at and must not echo. */
function stringsAt(object: K8sObject, path: FieldPath): string[] {
  let node: unknown = object;
  for (const key of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) Object.values(value).forEach(visit);
    else if (typeof value === 'string' && value.length >= 8) out.push(value);
  };
  visit(node);
  return out;
}

const corpus = sharedData('k8s-manifests-corpus');

function corpusObjects(root: string, file: string): K8sObject[] {
  const text = readFileSync(join(root, file), 'utf8');
  const documents = file.endsWith('.json') ? [JSON.parse(text) as unknown] : loadAll(text, undefined, { json: true });
  return documents.flatMap((doc) => (isRecord(doc) && doc.kind === 'List' ? list(doc.items) : [doc])).filter(isRecord) as K8sObject[];
}

describe('WORKLOAD_CONTROLS on the real-world manifest corpus', { skip: corpus ? false : 'shared k8s-manifests-corpus data is absent' }, () => {
  const root = corpus!;

  it('never throw, always point at a field, and never echo the value they point at', () => {
    const files = readFileSync(join(root, 'FILES.tsv'), 'utf8').split('\n').slice(1).map((row) => row.split('\t')[0]).filter((file): file is string => !!file);
    const options = { ...DEFAULT_TEST_OPTIONS, allowedRegistries: ['registry.k8s.io', '*.gcr.io'] };
    let objects = 0;
    const reported = new Set<string>();
    for (const file of files) {
      for (const object of corpusObjects(root, file)) {
        objects++;
        for (const control of WORKLOAD_CONTROLS) {
          const violations = control.check(object, options);
          if (violations.length > 0) reported.add(control.meta.id);
          for (const violation of violations) {
            assert.ok(violation.path.length > 0 && violation.message !== '' && violation.expected !== '', `${control.meta.id} in ${file}`);
            // secrets-as-env points at references (Secret and key names), which it may name
            if (control.meta.category !== 'Secrets' || control.meta.id === 'secrets-as-env') continue;
            const output = JSON.stringify([violation.message, violation.found]);
            for (const secret of stringsAt(object, violation.path)) assert.ok(!output.includes(secret), `${control.meta.id} echoes a value in ${file} ${formatPath(violation.path)}`);
          }
        }
      }
    }
    assert.ok(objects > 10000, `read ${objects} objects`);
    for (const id of ['host-path-runtime-socket', 'secret-literal-env', 'secret-manifest-data', 'capability-sys-admin', 'configmap-secret-like']) assert.ok(reported.has(id), `${id} found nothing`);
  });

  const findings = (file: string, id: string) => {
    const control = WORKLOAD_CONTROLS.find((candidate) => candidate.meta.id === id)!;
    return corpusObjects(root, file).flatMap((object) => control.check(object, DEFAULT_TEST_OPTIONS).map((v) => formatPath(v.path)));
  };

  it('finds the Docker socket mounted by the archived Sysdig agent DaemonSet', () => {
    assert.deepEqual(findings('kubernetes-examples/_archived/sysdig-cloud/sysdig-daemonset.yaml', 'host-path-runtime-socket'), ['spec.template.spec.volumes[0].hostPath.path']);
  });

  it('finds the node root mounted by the kube-prometheus node exporter, and its SYS_TIME capability', () => {
    const file = 'kube-prometheus/manifests/nodeExporter-daemonset.yaml';
    assert.equal(findings(file, 'host-path-runtime-socket').length, 1);
    assert.deepEqual(findings(file, 'capability-dangerous'), ['spec.template.spec.containers[0].securityContext.capabilities.add[0]']);
  });

  it('finds the literal MySQL root password of the mysql-cinder-pd example', () => {
    assert.deepEqual(findings('kubernetes-examples/databases/mysql-cinder-pd/mysql.yaml', 'secret-literal-env'), ['spec.containers[0].env[0].value']);
  });
});
