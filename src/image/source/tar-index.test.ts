import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tarOf } from '../layers/layer-fixtures.js';
import { TarIndex } from './tar-index.js';

const temp = mkdtempSync(join(tmpdir(), 'kspm-tar-index-'));
after(() => rmSync(temp, { recursive: true, force: true }));

async function indexOf(name: string, bytes: Buffer): Promise<TarIndex> {
  const file = join(temp, name);
  writeFileSync(file, bytes);
  return TarIndex.build(file);
}

async function streamed(index: TarIndex, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of index.stream(name)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
}

describe('TarIndex', () => {
  it('finds entries by name (long pax names too) and reads them by range, following links', async () => {
    const longName = `${'deep/'.repeat(40)}file.txt`; // ustar prefix + name
    const paxName = `dir/${'n'.repeat(150)}`; // a component longer than 100: pax path record
    const big = 'x'.repeat(70_000);
    const index = await indexOf('a.tar', await tarOf([
      { name: './manifest.json', content: '[]' },
      { name: longName, content: 'long' },
      { name: paxName, content: 'pax' },
      { name: 'big', content: big },
      { name: 'empty', content: '' },
      { name: 'dir/link', type: 'symlink', linkname: '../big' },
      { name: 'hard', type: 'link', linkname: 'manifest.json' },
    ]));
    assert.equal((await index.read('manifest.json'))?.toString(), '[]');
    assert.equal((await index.read(longName))?.toString(), 'long');
    assert.equal((await index.read(paxName))?.toString(), 'pax');
    assert.equal(await streamed(index, 'big'), big);
    assert.equal(await streamed(index, 'dir/link'), big);
    assert.equal(await streamed(index, 'empty'), '');
    assert.equal((await index.read('hard'))?.toString(), '[]');
    assert.equal(await index.read('absent'), undefined);
    assert.equal(index.has('dir/link'), true);
  });

  it('refuses a file that is not a tar, and one cut short', async () => {
    await assert.rejects(TarIndex.build(join(temp, 'missing.tar')), /ENOENT/);
    await assert.rejects(indexOf('text.tar', Buffer.from('hello '.repeat(200))), /not a tar archive, or damaged at byte 0/);
    const whole = await tarOf([{ name: 'big', content: 'y'.repeat(10_000) }]);
    await assert.rejects(indexOf('cut.tar', whole.subarray(0, 4096)), /ends inside an entry \(truncated archive\)/);
  });
});
