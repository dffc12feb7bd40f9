/**
 * Bad input is bounded and reported, never fatal: each case gives an error item naming the file (and line where
 * known) while the good files of the same run are still read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import type { InputError, FileResource, FileItem } from '../src/model/resource.js';
import { readSources, type ReadOptions } from '../src/sources/index.js';

const workspace = mkdtempSync(join(tmpdir(), 'kspm-bad-input-'));
after(() => rmSync(workspace, { recursive: true, force: true }));

const GOOD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: NAME\n';
const good = (name: string) => GOOD.replace('NAME', name);

async function collect(inputs: string[], options?: ReadOptions): Promise<{ resources: FileResource[]; errors: InputError[] }> {
  const items: FileItem[] = [];
  for await (const item of readSources(inputs, options)) items.push(item);
  return {
    resources: items.flatMap((item) => (item.type === 'resource' ? [item.resource] : [])),
    errors: items.flatMap((item) => (item.type === 'error' ? [item.error] : [])),
  };
}

function errorFor(errors: InputError[], file: string): InputError {
  const error = errors.find((candidate) => candidate.file === file);
  assert.ok(error, `no error for ${file}; errors: ${JSON.stringify(errors)}`);
  return error;
}

function aliasBomb(): string {
  const names = 'abcdefghi';
  const lines = [`${names[0]}: &${names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}

describe('bad input', () => {
  it('reports each broken file and still reads the good ones beside it', { timeout: 60_000 }, async () => {
    const dir = join(workspace, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-good.yaml'), good('first'));
    // Not text at all: a PNG header and bytes that are not UTF-8.
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x10]));
    // Valid UTF-8, but control characters no YAML parser accepts.
    writeFileSync(join(dir, 'control.yml'), 'kind: \u0000\u0001\u0002\n');
    writeFileSync(join(dir, 'broken.yaml'), `${good('ok-before')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\nspec: {}\n`);
    writeFileSync(join(dir, 'bomb.yaml'), aliasBomb());
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\ndata:\n  city: M'), Buffer.from([0xfc]), Buffer.from('nchen\n')]));
    writeFileSync(join(dir, 'no-kind.yaml'), 'metadata:\n  name: orphan\n');
    writeFileSync(join(dir, 'deep.yaml'), `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(50_000)}\n`);
    writeFileSync(join(dir, 'bom.yaml'), `\uFEFF${good('with-bom')}`);
    writeFileSync(join(dir, 'bad.json'), '{\n  "apiVersion": "v1",\n  "kind": "Secret"\n  "data": {}\n}\n');
    writeFileSync(join(dir, 'z-good.json'), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'last' } }));
    const { resources, errors } = await collect([dir, join(workspace, 'does-not-exist.yaml')]);

    assert.deepEqual(resources.map((r) => r.ref.name), ['first', 'with-bom', 'ok-before', 'last']);
    assert.equal(errorFor(errors, join(dir, 'binary.yaml')).code, 'not-utf8');
    assert.equal(errorFor(errors, join(dir, 'control.yml')).code, 'parse-failed');
    const broken = errorFor(errors, join(dir, 'broken.yaml'));
    assert.equal(broken.code, 'parse-failed');
    assert.ok(broken.line !== undefined && broken.line >= 9, `line ${broken.line}`);
    assert.equal(errorFor(errors, join(dir, 'bomb.yaml')).code, 'alias-limit');
    assert.deepEqual(errorFor(errors, join(dir, 'latin1.yaml')), { file: join(dir, 'latin1.yaml'), code: 'not-utf8', line: 4, message: errorFor(errors, join(dir, 'latin1.yaml')).message });
    assert.deepEqual(
      [errorFor(errors, join(dir, 'no-kind.yaml')).code, errorFor(errors, join(dir, 'no-kind.yaml')).line],
      ['missing-kind', 1],
    );
    assert.equal(errorFor(errors, join(dir, 'deep.yaml')).code, 'parse-failed');
    assert.deepEqual([errorFor(errors, join(dir, 'bad.json')).code, errorFor(errors, join(dir, 'bad.json')).line], ['parse-failed', 4]);
    assert.equal(errorFor(errors, join(workspace, 'does-not-exist.yaml')).code, 'read-failed');
    assert.match(errorFor(errors, join(workspace, 'does-not-exist.yaml')).message, /does not exist/);
    assert.equal(errors.length, 9, JSON.stringify(errors, null, 1));
  });

  it('refuses a 100 MB document by its size, without reading it', { timeout: 120_000 }, async () => {
    const dir = join(workspace, 'huge');
    mkdirSync(dir);
    const huge = join(dir, 'huge.yaml');
    const fd = openSync(huge, 'w');
    writeSync(fd, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n');
    const line = Buffer.from(`  key: "${'x'.repeat(1000)}"\n`.replace('key', 'k'));
    const block = Buffer.concat(Array(1024).fill(line));
    for (let written = 0; written < 100 * 1024 * 1024; written += block.length) writeSync(fd, block);
    closeSync(fd);
    writeFileSync(join(dir, 'small.yaml'), good('small'));

    const before = process.memoryUsage().rss;
    const { resources, errors } = await collect([dir]);
    const growth = process.memoryUsage().rss - before;

    assert.deepEqual(resources.map((r) => r.ref.name), ['small']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.file, huge);
    assert.equal(errors[0]!.code, 'too-large');
    assert.ok(growth < 48 * 1024 * 1024, `RSS grew by ${(growth / 1048576).toFixed(0)} MiB`);
  });

  it('stops reading stdin once it passes the limit', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const endless = new Readable({
      read() {
        pulled++;
        this.push(chunk);
      },
    });
    const { resources, errors } = await collect(['-'], { stdin: endless, maxFileBytes: 1024 * 1024 });
    assert.deepEqual(resources, []);
    assert.deepEqual(errors.map((e) => [e.file, e.code]), [['<stdin>', 'too-large']]);
    assert.ok(pulled < 64, `pulled ${pulled} chunks`);
  });

  it('reads stdin as the file <stdin>', async () => {
    const { resources } = await collect(['-'], { stdin: Readable.from([Buffer.from(good('piped'))]) });
    assert.deepEqual(resources.map((r) => [r.ref.name, r.source.file, r.source.line]), [['piped', '<stdin>', 1]]);
  });

  it('reports unreadable entries of a directory (dangling link, FIFO) without opening them, and walks a directory named x.yaml', { timeout: 30_000 }, async () => {
    const dir = join(workspace, 'entries');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.yaml'), good('good'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    mkdirSync(join(dir, 'x.yaml'));
    writeFileSync(join(dir, 'x.yaml', 'inner.yaml'), good('inner'));
    writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, '.hidden', 'skipped.yaml'), good('hidden'));
    symlinkSync(dir, join(dir, 'loop'));

    const { resources, errors } = await collect([dir]);
    assert.deepEqual(resources.map((r) => [r.ref.name, r.source.file]), [
      ['good', join(dir, 'good.yaml')],
      ['inner', join(dir, 'x.yaml', 'inner.yaml')],
    ]);
    assert.deepEqual(errors.map((e) => [e.file, e.code]), [
      [join(dir, 'dangling.yaml'), 'read-failed'],
      [join(dir, 'pipe.yaml'), 'read-failed'],
    ]);
    assert.match(errors[1]!.message, /FIFO/);
  });
});
