import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import { sharedData } from '../../test/helpers/shared.js';
import type { FieldPath } from '../model/path.js';
import { DocumentLocator, LineLocator, ParsedLocator } from './locate.js';
import { parseYamlDocument } from './parse.js';
import { splitDocuments } from './split.js';

const POD = `# a pod
apiVersion: v1
kind: Pod
metadata:
  name: web   # trailing comment
  "quoted.key/x": 'it''s'
  labels: {app: web, "tier": front}
spec:
  containers:
  - name: app
    image: nginx:1
    command: ["sh", "-c", "echo a: b"]
    args:
      - --flag
      -   spaced
    env:
    -
      name: A
      value: |
        line: one
          line two
  - name: side
    image: busybox
  volumes:
    - name: v
      hostPath:
        path: /var/run
`;

function fast(text: string, path: FieldPath) {
  return new LineLocator(text).locate(load(text), path);
}

describe('LineLocator', () => {
  const cases: [FieldPath, number, number][] = [
    [[], 2, 1],
    [['metadata', 'name'], 5, 3],
    [['metadata', 'quoted.key/x'], 6, 3],
    [['metadata', 'labels', 'tier'], 7, 22],
    [['metadata', 'labels', 'app'], 7, 12],
    [['spec', 'containers', 0], 10, 5],
    [['spec', 'containers', 0, 'image'], 11, 5],
    [['spec', 'containers', 0, 'command', 2], 12, 27],
    [['spec', 'containers', 0, 'args', 1], 15, 11],
    [['spec', 'containers', 0, 'env', 0, 'value'], 19, 7],
    [['spec', 'containers', 1, 'image'], 23, 5],
    [['spec', 'volumes', 0, 'hostPath', 'path'], 27, 9],
  ];
  for (const [path, line, column] of cases) {
    it(`finds ${path.join('.') || 'the root'} where yaml 2 does`, () => {
      assert.deepEqual(fast(POD, path), { line, column });
      assert.deepEqual(new ParsedLocator(POD).locate(path), { line, column });
    });
  }

  it('answers the deepest existing field for paths that go on past the text', () => {
    assert.deepEqual(fast(POD, ['spec', 'containers', 1, 'securityContext', 'privileged']), { line: 22, column: 5 });
    assert.deepEqual(fast(POD, ['spec', 'containers', 7]), { line: 9, column: 3 });
    assert.deepEqual(fast(POD, ['status']), { line: 2, column: 1 });
  });

  it('is not fooled by block scalar content that looks like keys or sequences', () => {
    const text = 'data:\n  script: |\n    image: fake\n    - item\n  image: real\n';
    assert.deepEqual(fast(text, ['data', 'image']), { line: 5, column: 3 });
  });

  it('follows multi-line quoted scalars even when continued at a shallow indentation', () => {
    const text = 'a:\n  text: "starts here\n and goes on"\n  next: 1\n';
    assert.deepEqual(fast(text, ['a', 'next']), { line: 4, column: 3 });
  });

  it('leaves what it cannot be sure of to the full parser', () => {
    const anchors = 'base: &b\n  x: 1\nuse:\n  <<: *b\n  y: 2\n';
    assert.equal(fast(anchors, ['use', 'x']), undefined);
    assert.deepEqual(new DocumentLocator(anchors, load(anchors), true).locate(['use', 'x']), { line: 2, column: 3 });
    const spanning = 'args: [\n  "a",\n  "b"]\nafter: 1\n';
    assert.equal(fast(spanning, ['args', 1]), undefined);
    assert.deepEqual(new DocumentLocator(spanning, load(spanning), true).locate(['args', 1]), { line: 3, column: 3 });
    assert.deepEqual(fast(spanning, ['after']), { line: 4, column: 1 });
  });
});

function* allPaths(value: unknown, path: (string | number)[] = []): Generator<FieldPath> {
  yield path;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* allPaths(value[i], [...path, i]);
  else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) yield* allPaths(child, [...path, key]);
}

function manifestFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) manifestFiles(path, into);
    else if (/\.ya?ml$/.test(name)) into.push(path);
  }
  return into;
}

describe('LineLocator over the manifests corpus', () => {
  it('agrees with yaml 2 on every path of a few hundred real documents', (t) => {
    const corpus = sharedData('k8s-manifests-corpus');
    if (!corpus) return t.skip('k8s-manifests-corpus is absent');
    const files = manifestFiles(corpus);
    // Every 12th file: all sources, a few hundred documents, and the big rendered bundles among them.
    const sample = files.filter((_, index) => index % 12 === 0);
    let documents = 0;
    let sure = 0;
    let paths = 0;
    const disagreements: string[] = [];
    for (const file of sample) {
      for (const document of splitDocuments(readFileSync(file, 'utf8'))) {
        const parsed = parseYamlDocument(document.text);
        if (!parsed.ok || !parsed.exact) continue;
        documents++;
        const fastLocator = new LineLocator(document.text);
        const parsedLocator = new ParsedLocator(document.text);
        for (const path of allPaths(parsed.value)) {
          paths++;
          const fastAnswer = fastLocator.locate(parsed.value, path);
          if (!fastAnswer) continue;
          sure++;
          const expected = parsedLocator.locate(path);
          if (fastAnswer.line !== expected.line || fastAnswer.column !== expected.column) {
            disagreements.push(`${file}:${document.line} ${JSON.stringify(path)} fast ${fastAnswer.line}:${fastAnswer.column} yaml ${expected.line}:${expected.column}`);
          }
        }
      }
    }
    assert.ok(documents >= 300, `only ${documents} documents sampled`);
    assert.deepEqual(disagreements.slice(0, 20), []);
    assert.ok(sure / paths > 0.98, `the fast locator was sure of only ${sure} of ${paths} paths`);
  });
});
