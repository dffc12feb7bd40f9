import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitPathReference } from './path-reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('splitPathReference', () => {
  const existing = new Set(['img.tar', 'dir', 'odd:name']);
  const exists = (path: string) => existing.has(path);

  it('takes the whole text as a path when it exists, colons and all', () => {
    assert.deepEqual(splitPathReference('odd:name', exists), { path: 'odd:name' });
  });

  it('splits at the first colon that leaves an existing path, the rest being the tag', () => {
    assert.deepEqual(splitPathReference('img.tar:nginx:1.27', exists), { path: 'img.tar', tag: 'nginx:1.27' });
    assert.deepEqual(splitPathReference('dir:latest', exists), { path: 'dir', tag: 'latest' });
  });

  it('takes a trailing @sha256 digest as the selector', () => {
    assert.deepEqual(splitPathReference(`dir@${DIGEST}`, exists), { path: 'dir', digest: DIGEST });
  });

  it('says which path does not exist', () => {
    assert.throws(() => splitPathReference('missing:tag', exists), /^Error: missing:tag: no such file or directory$/);
    assert.throws(() => splitPathReference(`gone@${DIGEST}`, exists), /^Error: gone: no such file or directory$/);
  });
});
