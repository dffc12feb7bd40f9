import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitDocuments } from './split.js';

const summary = (text: string) => splitDocuments(text).map(({ text: body, line, contentLine }) => ({ body, line, contentLine }));

describe('splitDocuments', () => {
  it('splits at --- lines and remembers where each document starts', () => {
    assert.deepEqual(summary('a: 1\n---\nb: 2\n---\n# note\nc: 3\n'), [
      { body: 'a: 1\n', line: 1, contentLine: 1 },
      { body: 'b: 2\n', line: 3, contentLine: 3 },
      { body: '# note\nc: 3\n', line: 5, contentLine: 6 },
    ]);
  });

  it('skips empty and comment-only documents, and directives before a marker', () => {
    assert.deepEqual(summary('---\n# only a comment\n---\n\n---\n%YAML 1.2\n---\nkind: A\n---\n'), [{ body: 'kind: A\n', line: 8, contentLine: 8 }]);
  });

  it('ends a document at ... and starts the next after it', () => {
    assert.deepEqual(summary('a: 1\n...\nb: 2\n'), [
      { body: 'a: 1\n', line: 1, contentLine: 1 },
      { body: 'b: 2\n', line: 3, contentLine: 3 },
    ]);
  });

  it('keeps the marker when content starts on its line', () => {
    assert.deepEqual(summary('--- |\n  text\n--- # comment\nx: 1'), [
      { body: '--- |\n  text\n', line: 1, contentLine: 1 },
      { body: 'x: 1', line: 4, contentLine: 4 },
    ]);
  });

  it('does not split at markers that are not alone at column 0', () => {
    const text = 'a: |\n  ---\n  x\nb: "---"\n----: 1\n---x: 2\n';
    assert.equal(splitDocuments(text).length, 1);
  });

  it('accepts CRLF line ends', () => {
    assert.deepEqual(summary('a: 1\r\n---\r\nb: 2\r\n').map((d) => d.line), [1, 3]);
  });

  it('reports the last line of each document', () => {
    assert.deepEqual(splitDocuments('a: 1\nb: 2\n---\nc: 3\n').map((d) => d.endLine), [2, 4]);
    assert.deepEqual(splitDocuments('a: 1\n---\nc: 3').map((d) => d.endLine), [1, 3]);
  });
});
