import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedData } from '../../test/helpers/shared.js';
import { MAX_DEPTH, parseJsonDocument, parseYamlDocument } from './parse.js';

function value(text: string): unknown {
  const result = parseYamlDocument(text);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value;
}

describe('parseYamlDocument', () => {
  it('keeps dates as strings and reads YAML 1.1 booleans, as Kubernetes (go-yaml v2) reads them', () => {
    assert.deepEqual(value('date: 2024-01-02\nwhen: 2024-01-02T10:00:00Z\nanswer: yes\nquoted: "yes"\nport: 8080\nflag: On\nno: y\nplain: nope\n'), {
      date: '2024-01-02',
      when: '2024-01-02T10:00:00Z',
      answer: true,
      quoted: 'yes',
      port: 8080,
      flag: true,
      false: true,
      plain: 'nope',
    });
  });

  it('reads YAML 1.1 booleans the same way when yaml 2 parses the document', () => {
    const result = parseYamlDocument('privileged: yes\nhostNetwork: on\nreadOnly: off\nk: 1\nk: 2\n');
    assert.ok(result.ok);
    assert.equal(result.exact, false);
    assert.deepEqual(result.value, { privileged: true, hostNetwork: true, readOnly: false, k: 2 });
  });

  it('applies merge keys', () => {
    assert.deepEqual(value('base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n'), { base: { a: 1, b: 2 }, derived: { a: 1, b: 3 } });
  });

  it('falls back to yaml 2 for documents js-yaml rejects (duplicate keys: the last wins)', () => {
    const result = parseYamlDocument('kind: Pod\nmetadata:\n  name: a\n  name: b\n');
    assert.ok(result.ok);
    assert.equal(result.exact, false);
    assert.deepEqual(result.value, { kind: 'Pod', metadata: { name: 'b' } });
  });

  it('reads multi-line double-quoted scalars with shallow indentation (kube-bench etcd.yaml)', (t) => {
    const dir = sharedData('kube-bench-cfg');
    if (!dir) return t.skip('kube-bench-cfg is absent');
    const result = parseYamlDocument(readFileSync(join(dir, 'cfg', 'cis-1.12', 'etcd.yaml'), 'utf8'));
    assert.ok(result.ok, result.ok ? '' : result.message);
    // A double-quoted scalar continued on a line no deeper than its key comes out joined by a space.
    assert.match(JSON.stringify(result.value), /"text":"Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate \(Automated\)"/);
  });

  it('reports broken YAML with its line', () => {
    const result = parseYamlDocument('kind: Pod\nmetadata:\n  name: [a, b\nspec: {}\n');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.code, 'parse-failed');
    assert.ok(result.line !== undefined && result.line >= 3, `line ${result.line}`);
  });

  it('refuses alias bombs', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const result = parseYamlDocument(levels.join('\n') + '\n');
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.code, 'alias-limit');
  });

  it('reports an undefined alias as such, with its line, without repeating its name', () => {
    const result = parseYamlDocument('apiVersion: v1\nkind: ConfigMap\ndata:\n  x: 1\n  y: *SUPERSECRET\n');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.code, 'parse-failed');
    assert.equal(result.line, 5);
    assert.match(result.message, /undefined alias/);
    assert.doesNotMatch(result.message, /SUPERSECRET/);
  });

  it('accepts a few harmless aliases', () => {
    assert.deepEqual(value('x: &x {a: 1}\nz: [*x, *x]\nurl: "http://h/?a=1&b=2"\n'), { x: { a: 1 }, z: [{ a: 1 }, { a: 1 }], url: 'http://h/?a=1&b=2' });
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    for (const text of ['a: ' + '['.repeat(100_000), 'a: ' + '['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5)]) {
      const result = parseYamlDocument(text);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.code, 'parse-failed');
    }
  });
});

describe('parseJsonDocument', () => {
  it('parses JSON', () => {
    assert.deepEqual(parseJsonDocument('{"kind": "Pod", "n": 1.5}'), { ok: true, value: { kind: 'Pod', n: 1.5 }, exact: false });
  });

  it('gives the line of an error without repeating the input', () => {
    for (const text of ['{\n  "kind": "Secret",\n  "data": {"token": c2VjcmV0}\n}', '{\n  "kind": "Pod",\n  "a": 1\n  "b": 2\n}']) {
      const result = parseJsonDocument(text);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.code, 'parse-failed');
      assert.ok(result.line === 3 || result.line === 4, `line ${result.line}`);
      assert.doesNotMatch(result.message, /c2VjcmV0|Secret/);
    }
  });

  it('refuses nesting deeper than the limit', () => {
    const result = parseJsonDocument('['.repeat(100_000) + ']'.repeat(100_000));
    assert.equal(result.ok, false);
  });
});
