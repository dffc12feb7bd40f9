import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ResourceRef } from '../model/resource.js';
import { loadExceptionsFile } from './file.js';
import { findException } from './find.js';

const NOW = new Date('2027-03-31T12:00:00Z');
const reports: ResourceRef = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'legacy-billing', name: 'reports-nightly' };

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kspm-exceptions-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

const VALID_YAML = `apiVersion: kspm.io/v1
kind: ExceptionList
exceptions:
  - controls: [image-mutable-tag, "pss-*"]
    resources:
      - kind: Deployment
        namespace: "legacy-*"
        name: "reports-*"
    reason: "Vendor image; tracked in SEC-123"
    owner: team-payments
    expires: 2027-03-31
`;

describe('loadExceptionsFile', () => {
  it('loads a YAML file whose entries then match findings', async () => {
    const path = await fileWith('valid.yaml', VALID_YAML);
    const { exceptions, errors } = await loadExceptionsFile(path);
    assert.deepEqual(errors, []);
    assert.equal(exceptions.size, 1);
    assert.deepEqual(findException('pss-privileged', reports, exceptions, undefined, NOW), {
      source: 'file',
      reason: 'Vendor image; tracked in SEC-123',
      owner: 'team-payments',
      expires: '2027-03-31',
      status: 'active',
      origin: path,
    });
    const nextDay = new Date('2027-04-01T00:00:00Z');
    assert.equal(findException('image-mutable-tag', reports, exceptions, undefined, nextDay)?.status, 'expired');
    assert.equal(findException('image-mutable-tag', { ...reports, namespace: 'shop' }, exceptions, undefined, NOW), null);
  });

  it('loads the same list written as JSON, with the line of an invalid entry', async () => {
    const list = {
      apiVersion: 'kspm.io/v1',
      kind: 'ExceptionList',
      exceptions: [{ controls: ['pss-*'], reason: 'r', owner: 'o' }, { controls: ['x'], reason: 'no owner' }],
    };
    const path = await fileWith('valid.json', JSON.stringify(list, null, 2));
    const { exceptions, errors } = await loadExceptionsFile(path);
    assert.deepEqual(errors.map((error) => [error.line, error.code]), [[12, 'invalid-exception']]);
    assert.equal(findException('pss-host-ports', reports, exceptions, undefined, NOW)?.status, 'active');
    assert.deepEqual(exceptions.unused(), []);
  });

  it('reports unused entries with their line', async () => {
    const path = await fileWith('unused.yaml', VALID_YAML);
    const { exceptions } = await loadExceptionsFile(path);
    assert.deepEqual(exceptions.unused(), [{ origin: path, line: 4, controls: ['image-mutable-tag', 'pss-*'] }]);
  });

  it('accepts an empty list', async () => {
    const path = await fileWith('empty.yaml', 'apiVersion: kspm.io/v1\nkind: ExceptionList\nexceptions: []\n');
    const { exceptions, errors } = await loadExceptionsFile(path);
    assert.equal(exceptions.size, 0);
    assert.deepEqual(errors, []);
  });

  it('skips invalid entries with their line and keeps the others', async () => {
    const path = await fileWith(
      'mixed.yaml',
      `apiVersion: kspm.io/v1
kind: ExceptionList
exceptions:
  - controls: [pss-privileged]
    owner: team-a
  - controls: [image-mutable-tag]
    reason: ok
    owner: team-b
  - controls: []
    reason: nothing listed
    owner: team-c
  - controls: [pss-*]
    reason: bad date
    owner: team-d
    expires: "2027-02-30"
  - controls: ["a, b"]
    reason: two ids in one item
    owner: team-e
  - controls: [x]
    resources: [{}]
    reason: empty selector
    owner: team-f
  - controls: [x]
    reason: typo in a field
    owner: team-g
    expire: 2027-01-01
  - "just a string"
`,
    );
    const { exceptions, errors } = await loadExceptionsFile(path);
    assert.equal(exceptions.size, 1);
    assert.equal(findException('image-mutable-tag', reports, exceptions, undefined, NOW)?.owner, 'team-b');
    assert.deepEqual(
      errors.map((error) => [error.file, error.line, error.code]),
      [4, 9, 12, 16, 19, 23, 27].map((line) => [path, line, 'invalid-exception']),
    );
    const messages = errors.map((error) => error.message);
    assert.match(messages[0]!, /^exception 1 is invalid and was skipped: .*reason/);
    assert.match(messages[1]!, /exception 3 .*controls/);
    assert.match(messages[2]!, /exception 4 .*YYYY-MM-DD.*expires/);
    assert.match(messages[3]!, /one control id or glob per item/);
    assert.match(messages[4]!, /needs kind, namespace or name/);
    assert.match(messages[5]!, /expire/);
    assert.match(messages[6]!, /expected object/);
    for (const message of messages) assert.doesNotMatch(message, /\n/);
  });

  it('throws naming the file when it is missing', async () => {
    const path = join(folder, 'absent.yaml');
    await assert.rejects(loadExceptionsFile(path), (error: Error) => error.message.includes(path) && /cannot read/.test(error.message));
  });

  const broken: [name: string, text: string, problem: RegExp][] = [
    ['not YAML', 'exceptions: [\n  - a\n', /not valid YAML or JSON/],
    ['not JSON', '{"apiVersion": "kspm.io/v1",, }', /not valid YAML or JSON/],
    ['several documents', 'a: 1\n---\nb: 2\n', /not valid YAML or JSON/],
    ['empty', '', /invalid/],
    ['a list at the top', '- controls: [x]\n', /invalid/],
    ['wrong kind', 'apiVersion: kspm.io/v1\nkind: Exceptions\nexceptions: []\n', /invalid[\s\S]*kind/],
    ['wrong apiVersion', 'apiVersion: v1\nkind: ExceptionList\nexceptions: []\n', /invalid[\s\S]*apiVersion/],
    ['exceptions not a list', 'apiVersion: kspm.io/v1\nkind: ExceptionList\nexceptions: {controls: [x]}\n', /invalid[\s\S]*exceptions/],
    ['exceptions missing', 'apiVersion: kspm.io/v1\nkind: ExceptionList\n', /invalid[\s\S]*exceptions/],
  ];
  for (const [name, text, problem] of broken) {
    it(`throws naming the file and the problem: ${name}`, async () => {
      const path = await fileWith(`broken-${name.replace(/\W+/g, '-')}.yaml`, text);
      await assert.rejects(loadExceptionsFile(path), (error: Error) => error.message.includes(path) && problem.test(error.message));
    });
  }
});
