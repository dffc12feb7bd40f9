import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBaseline } from './baseline.js';

describe('the baseline parse', () => {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kspm-bench-baseline-'));
    const files: Record<string, string> = {
      'two.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n# only a comment\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n',
      'list.yaml': 'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: d}}\n  - just a string\n',
      'pods.yaml': 'apiVersion: v1\nkind: PodList\nitems:\n  - {apiVersion: v1, kind: Pod, metadata: {name: g}}\n  - {metadata: {name: no-kind}}\n',
      'values.yaml': 'replicaCount: 2\n',
      'pod.json': '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "e"}}',
      // Rejected by js-yaml; readers that let the last key win see one object.
      'duplicate-keys.yml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: f}\nkind: Secret\n',
      'broken.yaml': 'apiVersion: v1\nkind: [unclosed\n',
      'notes.txt': 'not a manifest',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('counts files, bytes and objects, lists the files js-yaml rejects, and reports its peak RSS', async () => {
    const baseline = await runBaseline(folder, process.cwd());
    const { counts } = baseline;
    assert.equal(counts.files, 7);
    assert.equal(counts.documents, 6);
    assert.equal(counts.objects, 6);
    assert.deepEqual(counts.rejected.sort(), [join(folder, 'broken.yaml'), join(folder, 'duplicate-keys.yml')]);
    assert.equal(baseline.objectsInRejected, 1);
    assert.equal(baseline.run.status, 0);
    assert.ok(baseline.run.peakRssMiB !== undefined && baseline.run.peakRssMiB > 1);
    assert.ok(counts.bytes > 200);
  });

  it('fails loudly when the folder cannot be read', async () => {
    await assert.rejects(runBaseline(join(folder, 'missing'), process.cwd()), /baseline parse failed \(exit 1\)/);
  });
});
