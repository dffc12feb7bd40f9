import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InputError, FileResource, FileItem } from '../model/resource.js';
import { textItems } from './documents.js';

function items(text: string, json = false): FileItem[] {
  return [...textItems(text, { file: 'm.yaml', lineOffset: 0 }, json)];
}
const resources = (list: FileItem[]): FileResource[] => list.flatMap((item) => (item.type === 'resource' ? [item.resource] : []));
const errors = (list: FileItem[]): InputError[] => list.flatMap((item) => (item.type === 'error' ? [item.error] : []));

describe('textItems', () => {
  it('yields each document as a resource with its file, line and identity', () => {
    const found = resources(items('# header\napiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns}\n---\n\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n'));
    assert.deepEqual(
      found.map((r) => ({ ref: r.ref, source: r.source })),
      [
        { ref: { apiVersion: 'v1', kind: 'Pod', name: 'a', namespace: 'ns' }, source: { file: 'm.yaml', line: 2 } },
        { ref: { apiVersion: 'v1', kind: 'Service', name: 'b' }, source: { file: 'm.yaml', line: 7 } },
      ],
    );
    assert.deepEqual(found[1]!.locate(['metadata', 'name']), { line: 10, column: 3 });
  });

  it('expands kind: List and *List kinds item by item, at the items\' lines', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: one}',
      '- apiVersion: v1',
      '  kind: Secret',
      '  metadata:',
      '    name: two',
      '- just a string',
      '- kind: Pod',
    ].join('\n');
    const list = items(text);
    assert.deepEqual(resources(list).map((r) => [r.ref.kind, r.ref.name, r.source.line]), [['ConfigMap', 'one', 4], ['Secret', 'two', 7]]);
    assert.deepEqual(resources(list)[1]!.locate(['metadata', 'name']), { line: 10, column: 5 });
    assert.deepEqual(errors(list).map((e) => [e.code, e.line]), [['not-an-object', 11], ['missing-kind', 12]]);
    const podList = resources(items('{"apiVersion": "v1", "kind": "PodList", "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}]}', true));
    assert.deepEqual(podList.map((r) => r.ref.name), ['p']);
  });

  it('names what is missing and where', () => {
    assert.deepEqual(errors(items('kind: Pod\nmetadata: {}\n---\napiVersion: v1\n---\nfoo: bar\n---\n- a\n---\nkind: 7\napiVersion: v1\n')), [
      { file: 'm.yaml', line: 1, code: 'missing-kind', message: 'the object has no string `apiVersion`; not a Kubernetes resource' },
      { file: 'm.yaml', line: 4, code: 'missing-kind', message: 'the object has no string `kind`; not a Kubernetes resource' },
      { file: 'm.yaml', line: 6, code: 'missing-kind', message: 'the object has neither a string `kind` nor a string `apiVersion`; not a Kubernetes resource' },
      { file: 'm.yaml', line: 8, code: 'not-an-object', message: 'expected a mapping (a Kubernetes object), found a sequence' },
      { file: 'm.yaml', line: 10, code: 'missing-kind', message: 'the object has no string `kind`; not a Kubernetes resource' },
    ]);
  });

  it('reports a broken document at its line in the file and goes on', () => {
    const list = items('apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\nmetadata:\n  name: [x\n---\napiVersion: v1\nkind: C\n');
    assert.deepEqual(resources(list).map((r) => r.ref.kind), ['A', 'C']);
    const [error] = errors(list);
    assert.equal(error?.code, 'parse-failed');
    assert.ok(error!.line! >= 7, `line ${error?.line}`);
  });

  it('locates JSON fields through the full parser', () => {
    const [pod] = resources(items('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": {\n    "containers": [{"name": "a", "image": "x"}]\n  }\n}\n', true));
    assert.deepEqual(pod!.locate(['spec', 'containers', 0, 'image']), { line: 5, column: 34 });
  });
  it('refuses objects whose metadata the API server would refuse, naming the field', () => {
    const found = items('apiVersion: v1\nkind: Pod\nmetadata: {name: [1]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ok, namespace: no}\n---\napiVersion: v1\nkind: Pod\nmetadata: oops\n');
    assert.deepEqual(
      found.map((item) => (item.type === 'error' ? [item.error.code, item.error.line, item.error.message.split(';')[0]] : ['resource'])),
      [
        ['invalid-object', 1, 'its metadata.name is a sequence, not a string'],
        ['invalid-object', 5, 'its metadata.namespace is a boolean, not a string'],
        ['invalid-object', 9, 'its metadata is a string, not a mapping'],
      ],
    );
  });
});
