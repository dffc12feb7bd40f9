/** Framework files: what loads, and the errors that name the file and control when one does not hold together. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../../test/helpers/shared.js';
import { formatLoadError, loadFrameworkDir, loadFrameworkFile, parseFramework } from './load.js';

const HEAD = `id: mine
title: My framework
version: "1"
description: Our own rules.
controls:
`;

function errorsOf(text: string): string[] {
  const outcome = parseFramework(text, 'mine.yaml');
  assert.ok(outcome.errors, 'expected the file to be refused');
  return outcome.errors.map(formatLoadError);
}

describe('parseFramework', () => {
  it('loads a valid framework with automated and manual controls', () => {
    const outcome = parseFramework(`${HEAD}  - {id: A-1, title: No privileged pods, section: Pods, checks: [pss-privileged, node-cis-4.2.1]}
  - id: A-2
    title: Firewalls
    manual: {reason: not in the API, audit: read the rules}
    providerManaged: [eks]
`, 'mine.yaml');
    assert.equal(outcome.errors, undefined);
    assert.deepEqual(outcome.framework!.controls.map((control) => control.id), ['A-1', 'A-2']);
    assert.deepEqual(outcome.framework!.controls[1]!.providerManaged, ['eks']);
  });

  it('names the line of a YAML syntax error', () => {
    const [error, ...rest] = errorsOf(`${HEAD}  - id: A-1\n    title: [unclosed\n`);
    assert.match(error!, /^mine\.yaml: not valid YAML \(line 8\): Flow sequence .*\]$/);
    assert.deepEqual(rest, []);
  });

  it('names the control whose check does not exist', () => {
    assert.deepEqual(errorsOf(`${HEAD}  - {id: A-1, title: t, checks: [pss-privileged, no-such-control, node-cis-x]}\n`), [
      'mine.yaml: control A-1: check "no-such-control" is neither a kspm control (see kspm controls) nor a node check (node-cis-<CIS id>)',
      'mine.yaml: control A-1: check "node-cis-x" is neither a kspm control (see kspm controls) nor a node check (node-cis-<CIS id>)',
    ]);
  });

  it('refuses ids used twice, checks listed twice, and controls with neither checks nor manual', () => {
    assert.deepEqual(errorsOf(`${HEAD}  - {id: A-1, title: t, checks: [pss-privileged, pss-privileged]}\n  - {id: A-1, title: u}\n`), [
      'mine.yaml: control A-1: a check is listed twice',
      'mine.yaml: control A-1: id used by more than one control',
      'mine.yaml: control A-1: needs checks (kspm check ids) or manual (reason and audit)',
    ]);
  });

  it('names the control and field of a shape error, and the field of a framework-level one', () => {
    const errors = errorsOf(`id: Mine!\ntitle: t\nversion: "1"\ndescription: d\ncontrols:\n  - {id: A-1, title: t, checks: []}\n  - {title: no id, manual: {reason: r}}\n  - {id: A-3, title: t, checks: [pss-privileged], owner: me}\n`);
    assert.equal(errors.length, 5, errors.join('\n'));
    assert.match(errors[0]!, /^mine\.yaml: id: expected lower-case letters/);
    assert.match(errors[1]!, /^mine\.yaml: control A-1: checks: /);
    assert.match(errors[2]!, /^mine\.yaml: control #2: id: /);
    assert.match(errors[3]!, /^mine\.yaml: control #2: manual\.audit: /);
    assert.match(errors[4]!, /^mine\.yaml: control A-3: .*owner/);
  });

  it('loads the example framework of docs/compliance.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'compliance.md'), 'utf8');
    const example = /```yaml\n(id: our-policy[\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(example, 'docs/compliance.md has its example framework');
    const outcome = parseFramework(example, 'docs/compliance.md');
    assert.deepEqual(outcome.errors?.map(formatLoadError), undefined);
    assert.deepEqual(outcome.framework!.controls.map((control) => control.id), ['OP-1', 'OP-2', 'OP-3', 'OP-4']);
  });

  it('refuses a file with no controls', () => {
    assert.match(errorsOf(`${HEAD.replace('controls:\n', 'controls: []\n')}`)[0]!, /^mine\.yaml: controls: /);
  });
});

describe('loadFrameworkFile and loadFrameworkDir', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-frameworks-'));
    writeFileSync(join(dir, 'mine.yaml'), `${HEAD}  - {id: A-1, title: t, checks: [pss-privileged]}\n`);
    writeFileSync(join(dir, 'other.yaml'), `${HEAD}  - {id: A-1, title: t, checks: [pss-privileged]}\n`);
    writeFileSync(join(dir, 'broken.yaml'), `${HEAD.replace('mine', 'broken')}  - {id: B-1, title: t}\n`);
    writeFileSync(join(dir, 'notes.txt'), 'not a framework');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('says when a file cannot be read', async () => {
    const outcome = await loadFrameworkFile(join(dir, 'absent.yaml'));
    assert.deepEqual(outcome.errors?.map(formatLoadError), [`${join(dir, 'absent.yaml')}: cannot read: no such file`]);
  });

  it('loads every good YAML file of a folder and reports the others: broken ones, and ids that differ from the file name', async () => {
    const catalogue = await loadFrameworkDir(dir);
    assert.deepEqual(catalogue.frameworks.map((framework) => framework.id), ['mine']);
    assert.deepEqual(catalogue.errors.map(formatLoadError), [
      `${join(dir, 'broken.yaml')}: control B-1: needs checks (kspm check ids) or manual (reason and audit)`,
      `${join(dir, 'other.yaml')}: id "mine" differs from the file name (expected "other")`,
    ]);
  });
});
