import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { blobOf, gzip, layerOf, tarOf, ZSTD_AVAILABLE, zstdCompress, type FixtureEntry } from './layer-fixtures.js';
import { walkLayers, type LayerBlob, type LayerWarning, type MergedEntry, type WalkOptions } from './walk.js';

async function walk(layers: LayerBlob[], options: Partial<WalkOptions> = {}) {
  const warnings: LayerWarning[] = [];
  const entries = new Map<string, MergedEntry>();
  for await (const entry of walkLayers<never>(layers, {
    maxBytes: 1 << 30,
    wanted: () => true,
    onWarning: (warning) => warnings.push(warning),
    ...options,
  })) {
    entries.set(entry.path, entry);
  }
  return { entries, warnings };
}

const file = (name: string, content: string): FixtureEntry => ({ name, content });
const dir = (name: string): FixtureEntry => ({ name, type: 'directory', mode: 0o755 });
const symlink = (name: string, linkname: string): FixtureEntry => ({ name, type: 'symlink', linkname });

describe('walkLayers', () => {
  it('applies whiteouts across three layers, each entry attributed to the layer it last came from', async () => {
    const base = await layerOf([dir('app'), file('app/a', 'A1'), file('app/b', 'B1'), dir('app/lib'), file('app/lib/x', 'X')]);
    const middle = await layerOf([file('app/.wh.a', ''), file('app/.wh.lib', ''), file('app/b', 'B2')]);
    const top = await layerOf([file('app/a', 'A3'), file('app/.wh.b', '')]);
    const { entries } = await walk([base, middle, top]);
    assert.deepEqual([...entries.keys()].sort(), ['app', 'app/a']);
    assert.equal(entries.get('app/a')?.content?.toString(), 'A3');
    assert.equal(entries.get('app/a')?.layer, top.digest);
    assert.equal(entries.get('app')?.layer, base.digest);
  });

  it('empties an opaque directory of lower-layer entries but keeps the same layer\'s own', async () => {
    const base = await layerOf([dir('etc'), dir('etc/conf.d'), file('etc/conf.d/old', 'old'), file('etc/keep', 'k')]);
    const top = await layerOf([file('etc/conf.d/new', 'new'), file('etc/conf.d/.wh..wh..opq', '')]);
    const { entries } = await walk([base, top]);
    assert.deepEqual([...entries.keys()].sort(), ['etc', 'etc/conf.d', 'etc/conf.d/new', 'etc/keep']);
  });

  it('lets a file in an upper layer hide a whole directory below', async () => {
    const base = await layerOf([dir('opt'), file('opt/tool', 't')]);
    const top = await layerOf([file('opt', 'now a file')]);
    const { entries } = await walk([base, top]);
    assert.deepEqual([...entries.keys()], ['opt']);
    assert.equal(entries.get('opt')?.kind, 'file');
  });

  it('normalises ./ prefixes and keeps only wanted files\' contents', async () => {
    const layer = await layerOf([dir('./'), dir('./var/lib/dpkg/'), file('./var/lib/dpkg/status', 'Package: bash\n'), file('./big', 'x'.repeat(1000))]);
    const { entries } = await walk([layer], { wanted: (path) => path === 'var/lib/dpkg/status' });
    assert.deepEqual([...entries.keys()], ['var/lib/dpkg/status']);
    assert.equal(entries.get('var/lib/dpkg/status')?.content?.toString(), 'Package: bash\n');
  });

  it('tells wanted() which files are executable, and condenses wanted files as they are read', async () => {
    const layer = await layerOf([
      dir('usr/bin'),
      { name: 'usr/bin/tool', content: 'ELF-ish bytes', mode: 0o755 },
      { name: 'usr/bin/data', content: 'not executable', mode: 0o644 },
      symlink('usr/bin/alias', 'tool'),
    ]);
    const asked: [string, boolean][] = [];
    const entries = new Map<string, MergedEntry<number>>();
    for await (const entry of walkLayers<number>([layer], {
      maxBytes: 1 << 20,
      wanted: (path, executable) => {
        asked.push([path, executable]);
        return executable || path === 'usr/bin/alias';
      },
      condense: ({ content }) => content.length,
      onWarning: () => undefined,
    })) entries.set(entry.path, entry);
    assert.ok(asked.some(([path, executable]) => path === 'usr/bin/tool' && executable));
    assert.ok(asked.some(([path, executable]) => path === 'usr/bin/data' && !executable));
    assert.deepEqual([...entries.keys()].sort(), ['usr/bin/alias', 'usr/bin/tool']);
    const tool = entries.get('usr/bin/tool')!;
    assert.equal(tool.condensed, 'ELF-ish bytes'.length);
    assert.equal(tool.content, undefined, 'the bytes are dropped once condensed');
    assert.equal(entries.get('usr/bin/alias')?.condensed, 'ELF-ish bytes'.length, 'a symlink carries what its target condensed to');
  });

  it('resolves relative, absolute and chained symlinks within the image', async () => {
    const layer = await layerOf([
      dir('usr/lib'),
      file('usr/lib/os-release', 'ID=alpine\n'),
      dir('etc'),
      symlink('etc/os-release', '../usr/lib/os-release'),
      symlink('etc/abs-release', '/usr/lib/os-release'),
      symlink('lib', 'usr/lib'),
      symlink('etc/chain', '../lib/os-release'),
    ]);
    const { entries, warnings } = await walk([layer]);
    assert.deepEqual(warnings, []);
    for (const path of ['etc/os-release', 'etc/abs-release', 'etc/chain']) {
      assert.equal(entries.get(path)?.kind, 'symlink', path);
      assert.equal(entries.get(path)?.resolvedPath, 'usr/lib/os-release', path);
      assert.equal(entries.get(path)?.content?.toString(), 'ID=alpine\n', path);
    }
    assert.equal(entries.get('lib')?.resolvedPath, 'usr/lib');
  });

  it('refuses symlinks that escape the image root, directly or through a chain, with warnings', async () => {
    const layer = await layerOf([
      dir('etc'),
      symlink('etc/passwd-out', '../../etc/passwd'),
      symlink('up', '..'),
      symlink('etc/via-up', '../up/secret'),
      symlink('loop-a', 'loop-b'),
      symlink('loop-b', 'loop-a'),
    ]);
    const { entries, warnings } = await walk([layer]);
    assert.equal(entries.has('etc/passwd-out'), false);
    assert.equal(entries.has('up'), false);
    assert.equal(entries.get('etc/via-up')?.resolvedPath, undefined);
    assert.equal(entries.get('loop-a')?.resolvedPath, undefined);
    const messages = warnings.map((warning) => `${warning.path}: ${warning.message}`);
    assert.ok(messages.some((m) => m.startsWith('etc/passwd-out: symlink to "../../etc/passwd" escapes the image root')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('up: symlink to ".." escapes')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('etc/via-up:') && m.includes('does not exist')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('loop-a:') && m.includes('more than 40 links')), messages.join('\n'));
  });

  it('aborts on ../ traversal and absolute entry names, naming the layer and the entry', async () => {
    const traversal = await layerOf([file('a/../../etc/cron.d/evil', 'x')]);
    await assert.rejects(walk([traversal]), {
      message: `layer ${traversal.digest}: entry "a/../../etc/cron.d/evil" escapes the layer root`,
    });
    const absolute = await layerOf([file('/etc/passwd', 'x')]);
    await assert.rejects(walk([absolute]), { message: `layer ${absolute.digest}: entry "/etc/passwd" has an absolute path` });
    const whiteout = await layerOf([file('.wh...', '')]);
    await assert.rejects(walk([whiteout]), /escapes the layer root/);
  });

  it('skips device and fifo entries with a warning', async () => {
    const layer = await layerOf([
      dir('dev'),
      { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3 },
      { name: 'dev/sda', type: 'block-device', devmajor: 8, devminor: 0 },
      { name: 'run/pipe', type: 'fifo' },
      file('etc/hostname', 'h'),
    ]);
    const { entries, warnings } = await walk([layer]);
    assert.deepEqual([...entries.keys()].sort(), ['dev', 'etc', 'etc/hostname']);
    assert.deepEqual(
      warnings.map((warning) => [warning.path, warning.layer]),
      [['dev/null', layer.digest], ['dev/sda', layer.digest], ['run/pipe', layer.digest]],
    );
  });

  it('reads hardlinks as files sharing their target\'s content, surviving a later whiteout of the target', async () => {
    const base = await layerOf([file('usr/bin/perl5.36', 'PERL'), { name: 'usr/bin/perl', type: 'link', linkname: 'usr/bin/perl5.36' }]);
    const top = await layerOf([file('usr/bin/.wh.perl5.36', '')]);
    const { entries } = await walk([base, top]);
    assert.equal(entries.get('usr/bin/perl')?.kind, 'file');
    assert.equal(entries.get('usr/bin/perl')?.content?.toString(), 'PERL');
    assert.equal(entries.has('usr/bin/perl5.36'), false);

    const escaping = await layerOf([{ name: 'x', type: 'link', linkname: '../../etc/shadow' }]);
    await assert.rejects(walk([escaping]), /entry "x" escapes the layer root/);
    const dangling = await layerOf([{ name: 'y', type: 'link', linkname: 'missing' }]);
    const result = await walk([dangling]);
    assert.equal(result.entries.has('y'), false);
    assert.match(result.warnings[0]?.message ?? '', /hardlink to "missing"/);
  });

  it('stops a decompression bomb (gzip or zstd) at the size bound', async () => {
    const tar = await tarOf([{ name: 'zeros', content: Buffer.alloc(64 << 20) }]);
    const bombs = [gzip(tar), ...(ZSTD_AVAILABLE ? [zstdCompress(tar)] : [])];
    for (const bytes of bombs) {
      assert.ok(bytes.length < 200_000, 'the bomb is small compressed');
      const bomb = blobOf(bytes);
      await assert.rejects(walk([bomb], { maxBytes: 1 << 20, wanted: () => false }), {
        message: `layer ${bomb.digest} expands beyond ${1 << 20} bytes`,
      });
    }
  });

  it('counts the bound over all layers together', async () => {
    const first = await layerOf([file('a', 'x'.repeat(6000))]);
    const second = await layerOf([file('b', 'x'.repeat(6000))]);
    await assert.rejects(walk([first, second], { maxBytes: 12_000 }), { message: `layer ${second.digest} expands beyond 12000 bytes` });
  });

  it('fails on a digest mismatch, naming both digests, even after the tar end and its padding', async () => {
    const padded = Buffer.concat([await tarOf([file('a', 'x')]), Buffer.alloc(10240)]);
    const blobs = { plain: padded, gzip: gzip(padded), ...(ZSTD_AVAILABLE ? { zstd: zstdCompress(padded) } : {}) };
    const wrong = `sha256:${'0'.repeat(64)}`;
    for (const [compression, bytes] of Object.entries(blobs)) {
      const layer = blobOf(bytes);
      await assert.rejects(walk([{ digest: wrong, stream: layer.stream }]), {
        message: `digest mismatch: expected ${wrong}, got ${layer.digest}`,
      }, compression);
      assert.equal((await walk([blobOf(bytes)])).entries.get('a')?.content?.toString(), 'x', compression);
    }
  });

  it('reads plain, gzip and zstd layers of one image alike', async () => {
    const plain = blobOf(await tarOf([file('one', '1')]));
    const gzipped = blobOf(gzip(await tarOf([file('two', '2')])));
    const layers = [plain, gzipped];
    if (ZSTD_AVAILABLE) layers.push(blobOf(zstdCompress(await tarOf([file('three', '3')]))));
    else process.stderr.write('\n!!! SKIPPING the zstd layer: no zstd binary on this machine !!!\n\n');
    const { entries } = await walk(layers);
    assert.equal(entries.get('one')?.content?.toString(), '1');
    assert.equal(entries.get('two')?.content?.toString(), '2');
    if (ZSTD_AVAILABLE) assert.equal(entries.get('three')?.content?.toString(), '3');
  });

  it('sees the same tree as the system tar lists for an archive it made', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kspm-walk-'));
    try {
      const tree = join(root, 'tree');
      mkdirSync(join(tree, 'etc/ssl/certs'), { recursive: true });
      mkdirSync(join(tree, 'usr/lib'), { recursive: true });
      mkdirSync(join(tree, 'empty'));
      writeFileSync(join(tree, 'usr/lib/os-release'), 'ID=debian\n');
      writeFileSync(join(tree, 'etc/ssl/certs/ca.pem'), 'PEM'.repeat(500));
      writeFileSync(join(tree, `${'long-name-'.repeat(12)}.txt`), 'gnu or pax long name');
      symlinkSync('../usr/lib/os-release', join(tree, 'etc/os-release'));
      const archive = join(root, 'layer.tar.gz');
      execFileSync('tar', ['-czf', archive, '-C', tree, '.']);
      const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.replace(/^\.\//, '').replace(/\/$/, ''))
        .filter((line) => line !== '' && line !== '.')
        .sort();
      const { entries, warnings } = await walk([blobOf(readFileSync(archive))]);
      assert.deepEqual(warnings, []);
      assert.deepEqual([...entries.keys()].sort(), listed);
      assert.equal(entries.get('etc/os-release')?.content?.toString(), 'ID=debian\n');
      assert.equal(entries.get('etc/ssl/certs/ca.pem')?.content?.toString(), 'PEM'.repeat(500));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
