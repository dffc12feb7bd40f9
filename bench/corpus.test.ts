import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCopies, copyPath, corpusFiles } from './corpus.js';

describe('the benchmark corpus', () => {
  let folder: string;
  let source: string;
  let target: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kspm-bench-corpus-'));
    source = join(folder, 'source');
    target = join(folder, 'bench', 'corpus');
    await mkdir(join(source, 'repo-a', 'deploy'), { recursive: true });
    await mkdir(join(source, 'repo-b', '.chainsaw-test'), { recursive: true });
    await writeFile(join(source, 'summary.json'), '{"about": "the corpus, not part of it"}');
    await writeFile(join(source, 'FILES.tsv'), 'staged_path\n');
    await writeFile(join(source, 'repo-a', 'deploy', 'app.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n');
    await writeFile(join(source, 'repo-a', 'README.md'), '# not a manifest\n');
    await writeFile(join(source, 'repo-b', 'pod.json'), '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}');
    await writeFile(join(source, 'repo-b', 'job.yml'), 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: c}\n');
    await writeFile(join(source, 'repo-b', '.chainsaw-test', 'pod-bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\n');
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('lists the manifests of the source folders, not the files describing the corpus', async () => {
    const files = await corpusFiles(source);
    assert.deepEqual(files.paths, [join('repo-a', 'deploy', 'app.yaml'), join('repo-b', '.chainsaw-test', 'pod-bad.yaml'), join('repo-b', 'job.yml'), join('repo-b', 'pod.json')]);
    let bytes = 0;
    for (const path of files.paths) bytes += (await stat(join(source, path))).size;
    assert.equal(files.bytes, bytes);
  });

  it('gives hidden folders visible names in the copies, and leaves file names alone', () => {
    assert.equal(copyPath(join('kyverno', '.chainsaw-test', 'x', '.kyverno-test', '.pod.yaml')), join('kyverno', '_chainsaw-test', 'x', '_kyverno-test', '.pod.yaml'));
    assert.equal(copyPath(join('a', 'b.yaml')), join('a', 'b.yaml'));
  });

  it('builds the copies once, reuses them, and drops surplus copies', async () => {
    const first = await buildCopies(source, target, 3);
    assert.deepEqual({ files: first.files, built: first.built, copies: first.copies }, { files: 4, built: 3, copies: 3 });
    assert.deepEqual((await readdir(target)).sort(), ['copy-1', 'copy-2', 'copy-3']);
    assert.ok(existsSync(join(target, 'copy-2', 'repo-a', 'deploy', 'app.yaml')));
    assert.ok(existsSync(join(target, 'copy-2', 'repo-b', '_chainsaw-test', 'pod-bad.yaml')), 'hidden folder made visible');
    assert.ok(!existsSync(join(target, 'copy-2', 'summary.json')));

    assert.equal((await buildCopies(source, target, 3)).built, 0);
    assert.equal((await buildCopies(source, target, 1)).built, 0);
    assert.deepEqual(await readdir(target), ['copy-1']);
  });

  it('rebuilds a copy when the source changed or the copy went missing', async () => {
    await buildCopies(source, target, 2);
    await writeFile(join(source, 'repo-b', 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n');
    const changed = await buildCopies(source, target, 2);
    assert.deepEqual({ files: changed.files, built: changed.built }, { files: 5, built: 2 });
    assert.ok(existsSync(join(target, 'copy-1', 'repo-b', 'extra.yaml')));

    await rm(join(target, 'copy-2'), { recursive: true });
    assert.equal((await buildCopies(source, target, 2)).built, 1);
    assert.ok(existsSync(join(target, 'copy-2', 'repo-b', 'extra.yaml')));
  });
});
