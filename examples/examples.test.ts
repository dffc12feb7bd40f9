/**
 * Keeps the bundled examples honest: every manifest parses and names itself, the demo has the size and the parts
 * its README promises, and its scan configuration and exceptions are valid.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { loadConfig } from '../src/config.js';
import { loadExceptionsFile } from '../src/exceptions/index.js';
import { isRecord, list } from '../src/model/k8s.js';

const EXAMPLES = dirname(fileURLToPath(import.meta.url));
const DEMO = join(EXAMPLES, 'demo');
/** Files in the demo folder that configure kspm rather than describe the cluster. */
const DEMO_CONFIG_FILES = new Set(['kspm.yaml', 'exceptions.yaml']);
/** The control ids the demo's exceptions may name (they exist in the catalogue). */
const KNOWN_CONTROL_IDS = new Set([
  'pss-host-path-volumes',
  'pss-host-namespaces',
  'pss-privileged',
  'host-path-sensitive',
  'image-mutable-tag',
  'resources-missing-limits',
  'probes-missing-liveness',
]);

function filesUnder(folder: string, extensions: readonly string[]): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .map((name) => join(folder, name))
    .sort();
}

/** The documents of a manifest file, with `kind: List` expanded into its items. */
function objectsIn(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  const documents = file.endsWith('.json') ? [JSON.parse(text) as unknown] : loadAll(text).filter((document) => document != null);
  return documents.flatMap((document) => (isRecord(document) && document.kind === 'List' ? list(document.items) : [document]));
}

function demoManifests(): string[] {
  return filesUnder(DEMO, ['.yaml', '.yml', '.json']).filter((file) => !DEMO_CONFIG_FILES.has(relative(DEMO, file)));
}

function assertNamed(object: unknown, where: string): asserts object is Record<string, unknown> & { metadata: Record<string, unknown> } {
  assert.ok(isRecord(object), `${where}: a document is not a mapping`);
  assert.equal(typeof object.apiVersion, 'string', `${where}: apiVersion missing`);
  assert.equal(typeof object.kind, 'string', `${where}: kind missing`);
  assert.ok(isRecord(object.metadata) && typeof object.metadata.name === 'string' && object.metadata.name !== '', `${where}: metadata.name missing`);
}

const demoObjects = () => demoManifests().flatMap((file) => objectsIn(file).map((object) => ({ file: relative(EXAMPLES, file), object })));

test('every demo and kustomize manifest parses and has apiVersion, kind and metadata.name', () => {
  const files = [...demoManifests(), ...filesUnder(join(EXAMPLES, 'kustomize'), ['.yaml'])];
  assert.ok(files.length > 10);
  for (const file of files) {
    const objects = objectsIn(file);
    assert.ok(objects.length > 0, `${file} holds no object`);
    for (const object of objects) assertNamed(object, relative(EXAMPLES, file));
  }
});

test('the demo has 35-45 objects of the kinds its README lists', () => {
  const objects = demoObjects();
  assert.ok(objects.length >= 35 && objects.length <= 45, `demo has ${objects.length} objects`);
  const kinds = new Set(objects.map(({ object }) => (isRecord(object) ? object.kind : undefined)));
  for (const kind of ['Namespace', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Pod', 'Service', 'Ingress', 'NetworkPolicy', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
    assert.ok(kinds.has(kind), `demo has no ${kind}`);
  }
  const files = new Set(demoManifests().map((file) => relative(DEMO, file)));
  assert.ok([...files].some((file) => file.endsWith('.json')), 'demo has no JSON manifest');
  assert.ok(
    demoManifests().some((file) => loadAll(readFileSync(file, 'utf8')).some((document) => isRecord(document) && document.kind === 'List')),
    'demo has no kind: List file',
  );
});

test('images pinned by digest carry a well-formed sha256 digest', () => {
  const images = demoObjects().flatMap(({ object }) => [...JSON.stringify(object).matchAll(/"image":"([^"]+)"/g)].map((match) => match[1]!));
  const pinned = images.filter((image) => image.includes('@'));
  assert.ok(pinned.length >= 3, 'too few digest-pinned images');
  for (const image of pinned) assert.match(image, /@sha256:[0-9a-f]{64}$/, image);
});

test('kspm.yaml is a valid scan configuration whose exceptions file exists', async () => {
  const config = await loadConfig(join(DEMO, 'kspm.yaml'));
  assert.deepEqual(config.allowedRegistries, ['ghcr.io/acme-shop', 'registry.k8s.io']);
  assert.equal(config.kubernetesVersion, '1.33');
  assert.ok(config.exceptionsFile && existsSync(config.exceptionsFile), `missing ${config.exceptionsFile}`);
  const loaded = await loadExceptionsFile(config.exceptionsFile);
  assert.deepEqual(loaded.errors, []);
});

test('exceptions name known controls, existing demo objects, an owner and an expiry', () => {
  const file = loadAll(readFileSync(join(DEMO, 'exceptions.yaml'), 'utf8'))[0];
  assert.ok(isRecord(file) && file.apiVersion === 'kspm.io/v1' && file.kind === 'ExceptionList');
  const objects = demoObjects().map(({ object }) => object).filter(isRecord);
  const exists = (target: Record<string, unknown>) =>
    objects.some((object) => object.kind === target.kind && isRecord(object.metadata) && object.metadata.name === target.name && (object.metadata.namespace ?? 'default') === target.namespace);
  const expiries: string[] = [];
  for (const exception of list(file.exceptions)) {
    assert.ok(isRecord(exception));
    for (const control of list(exception.controls)) assert.ok(KNOWN_CONTROL_IDS.has(String(control)), `unknown control ${String(control)}`);
    for (const target of list(exception.resources)) assert.ok(isRecord(target) && exists(target), `no demo object ${JSON.stringify(target)}`);
    assert.equal(typeof exception.owner, 'string');
    assert.equal(typeof exception.reason, 'string');
    assert.match(String(exception.expires), /^\d{4}-\d{2}-\d{2}$/);
    expiries.push(String(exception.expires));
  }
  // One exception still active for years to come, one long expired: the report shows both states.
  assert.deepEqual(expiries.sort(), ['2026-01-31', '2027-06-30']);
});

test('one demo object carries an annotation exception with reason and owner', () => {
  const annotated = demoObjects().flatMap(({ object }) => {
    const annotations = isRecord(object) && isRecord(object.metadata) && isRecord(object.metadata.annotations) ? object.metadata.annotations : {};
    return typeof annotations['kspm.io/ignore'] === 'string' ? [annotations] : [];
  });
  assert.equal(annotated.length, 1);
  const [annotations] = annotated;
  assert.ok(KNOWN_CONTROL_IDS.has(String(annotations!['kspm.io/ignore'])));
  assert.equal(typeof annotations!['kspm.io/ignore-reason'], 'string');
  assert.equal(typeof annotations!['kspm.io/ignore-owner'], 'string');
});

test('the kustomize overlay renders to a pinned Deployment and a Service', (t) => {
  const rendered = spawnSync('kubectl', ['kustomize', join(EXAMPLES, 'kustomize', 'overlays', 'production')], { encoding: 'utf8' });
  if (rendered.error) {
    t.skip('kubectl is not installed');
    return;
  }
  assert.equal(rendered.status, 0, rendered.stderr);
  const objects = loadAll(rendered.stdout).filter(isRecord);
  assert.deepEqual(objects.map((object) => object.kind).sort(), ['Deployment', 'Service']);
  assert.match(JSON.stringify(objects), /ghcr\.io\/acme-shop\/status-page:1\.4\.0/);
});

test('the helm chart has its metadata, values and templates', () => {
  const chart = join(EXAMPLES, 'helm', 'status-page');
  const metadata = loadAll(readFileSync(join(chart, 'Chart.yaml'), 'utf8'))[0];
  assert.ok(isRecord(metadata) && metadata.apiVersion === 'v2' && metadata.name === 'status-page');
  assert.ok(isRecord(loadAll(readFileSync(join(chart, 'values.yaml'), 'utf8'))[0]));
  for (const template of ['deployment.yaml', 'service.yaml']) assert.ok(existsSync(join(chart, 'templates', template)));
});
