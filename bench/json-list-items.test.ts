import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ListItemSplitter, listItems } from './json-list-items.js';

const ITEMS = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'braces', namespace: 'a' }, data: { text: '} ] { [ "quoted" \\ }' } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nested', namespace: 'b', items: [1, 2] }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ünïcode-名前' } },
];
const DOCUMENT = JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '', items: 'not these' }, items: ITEMS }, null, 4);

function split(text: string, size: number): unknown[] {
  const bytes = Buffer.from(text);
  const splitter = new ListItemSplitter();
  const items: unknown[] = [];
  for (let start = 0; start < bytes.length; start += size) items.push(...splitter.feed(bytes.subarray(start, start + size)));
  return items;
}

describe('ListItemSplitter', () => {
  it('cuts out every item of the top-level items array, however the text is chunked', () => {
    for (const size of [1, 2, 7, 64, DOCUMENT.length]) assert.deepEqual(split(DOCUMENT, size), ITEMS, `chunks of ${size} bytes`);
  });

  it('finds no items in an empty list, or in an items member that is not the top-level one', () => {
    assert.deepEqual(split('{"kind":"List","items":[]}', 3), []);
    assert.deepEqual(split('{"kind":"List","metadata":{"items":[{"a":1}]},"items":[{"b":2}]}', 5), [{ b: 2 }]);
  });

  it('streams the items of a file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kspm-list-items-'));
    try {
      await writeFile(join(folder, 'list.json'), DOCUMENT);
      const items: unknown[] = [];
      for await (const item of listItems(join(folder, 'list.json'))) items.push(item);
      assert.deepEqual(items, ITEMS);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
