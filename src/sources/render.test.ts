import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InputError, FileResource, FileItem } from '../model/resource.js';
import { readSources } from './index.js';

const workspace = mkdtempSync(join(tmpdir(), 'kspm-render-test-'));
after(() => rmSync(workspace, { recursive: true, force: true }));

async function collect(inputs: string[]): Promise<{ resources: FileResource[]; errors: InputError[] }> {
  const items: FileItem[] = [];
  for await (const item of readSources(inputs)) items.push(item);
  return {
    resources: items.flatMap((item) => (item.type === 'resource' ? [item.resource] : [])),
    errors: items.flatMap((item) => (item.type === 'error' ? [item.error] : [])),
  };
}

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs `body` with PATH set to `path`, restoring it after. */
async function withPath<T>(path: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return await body();
  } finally {
    process.env.PATH = saved;
  }
}

describe('Kustomize directories', () => {
  const kubectl = hasKubectl();
  if (!kubectl) process.stderr.write('\n!!! SKIPPING: kubectl is not on PATH; the Kustomize tests need it !!!\n\n');

  it('renders with kubectl kustomize and reports each resource at the file and line it came from', { skip: !kubectl && 'kubectl is absent' }, async () => {
    const dir = join(workspace, 'overlay');
    mkdirSync(join(dir, 'base'), { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), 'namePrefix: prod-\nresources:\n  - base\n  - sa.yaml\n');
    writeFileSync(join(dir, 'base', 'kustomization.yaml'), 'resources:\n  - pods.yaml\n');
    writeFileSync(
      join(dir, 'base', 'pods.yaml'),
      '# two pods\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\n  annotations: {team: shop}\nspec:\n  containers:\n    - name: app\n      image: busybox\n',
    );
    writeFileSync(join(dir, 'sa.yaml'), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n');
    const { resources, errors } = await collect([dir]);
    assert.deepEqual(errors, []);
    assert.deepEqual(resources.map((r) => [r.ref.kind, r.ref.name, r.source.file, r.source.line]).sort(), [
      ['Pod', 'prod-web', join(dir, 'base', 'pods.yaml'), 2],
      ['Pod', 'prod-worker', join(dir, 'base', 'pods.yaml'), 11],
      ['ServiceAccount', 'prod-runner', join(dir, 'sa.yaml'), 1],
    ]);
    const worker = resources.find((r) => r.ref.name === 'prod-worker')!;
    assert.equal(worker.locate(['spec', 'containers', 0, 'image']).line, 19, 'fields point into the original file');
    assert.deepEqual(worker.object.metadata?.annotations, { team: 'shop' }, 'the origin annotation kspm asked for is removed');
    assert.equal(resources.find((r) => r.ref.name === 'prod-web')!.object.metadata?.annotations, undefined);
  });

  it('reports a failed render with the tool\'s message', { skip: !kubectl && 'kubectl is absent' }, async () => {
    const dir = join(workspace, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'kustomization.yml'), 'resources:\n  - missing.yaml\n');
    const { resources, errors } = await collect([dir]);
    assert.deepEqual(resources, []);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.code, 'render-failed');
    assert.equal(errors[0]!.file, dir);
    assert.match(errors[0]!.message, /missing\.yaml/);
  });
});

describe('Helm charts', () => {
  const chart = join(workspace, 'chart');
  const bin = join(workspace, 'bin');

  before(() => {
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'replicas: 1\n');
    mkdirSync(bin);
    // A stand-in for helm: checks how it is called and prints what `helm template` prints.
    const rendered = [
      '---',
      '# Source: demo/templates/service.yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '---',
      '# Source: demo/templates/app.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 1',
      '---',
      '# Source: demo/templates/app.yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: extra',
    ].join('\n');
    writeFileSync(
      join(bin, 'helm'),
      `#!/bin/sh\n[ "$1" = template ] || { echo "unexpected command $1" >&2; exit 1; }\n[ -n "$HELM_CACHE_HOME" ] || { echo "HELM_CACHE_HOME unset" >&2; exit 1; }\ncat <<'EOF'\n${rendered}\nEOF\n`,
    );
    chmodSync(join(bin, 'helm'), 0o755);
  });

  it('renders with helm template and maps each resource to its template and line', async () => {
    const { resources, errors } = await withPath(`${bin}:${process.env.PATH ?? ''}`, () => collect([chart]));
    assert.deepEqual(errors, []);
    // app.yaml rendered to the Deployment's 6 lines, a `---`, then the ConfigMap: so the ConfigMap is on line 8.
    assert.deepEqual(
      resources.map((r) => [r.ref.kind, r.source.file, r.source.line]),
      [
        ['Service', join(chart, 'templates', 'service.yaml'), 1],
        ['Deployment', join(chart, 'templates', 'app.yaml'), 1],
        ['ConfigMap', join(chart, 'templates', 'app.yaml'), 8],
      ],
    );
    assert.deepEqual(resources[1]!.locate(['spec', 'replicas']), { line: 6, column: 3 });
    assert.deepEqual(resources[2]!.locate(['metadata', 'name']), { line: 11, column: 3 });
  });

  it('says how to fix a missing helm, naming the chart', async () => {
    const empty = join(workspace, 'empty-bin');
    mkdirSync(empty);
    const { resources, errors } = await withPath(empty, () => collect([chart]));
    assert.deepEqual(resources, []);
    assert.equal(errors.length, 1);
    const [error] = errors;
    assert.equal(error!.code, 'renderer-missing');
    assert.equal(error!.file, chart);
    assert.match(error!.message, /`helm` is not on PATH/);
    assert.match(error!.message, /Install Helm 3/);
    assert.ok(error!.message.includes(`helm template NAME ${chart} | kspm scan -`), error!.message);
  });
});
