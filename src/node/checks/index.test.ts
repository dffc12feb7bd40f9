/**
 * The node checks cover exactly the CIS 1.12 checks kube-bench lists in sections 1.1, 4.1 and 4.2, with unique ids
 * and the metadata every check carries.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import { NODE_CHECKS } from './index.js';

const kubeBench = sharedData('kube-bench-cfg');

function cisIds(file: string, groups: string[]): string[] {
  const document = parse(readFileSync(join(kubeBench!, 'cfg', 'cis-1.12', file), 'utf8')) as { groups: { id: string; checks: { id: string }[] }[] };
  return document.groups.filter((group) => groups.includes(String(group.id))).flatMap((group) => group.checks.map((check) => String(check.id)));
}

describe('node check catalogue', () => {
  it('covers CIS 1.12 sections 1.1, 4.1 and 4.2 as kube-bench lists them', { skip: kubeBench ? false : 'kube-bench cfg absent' }, () => {
    const expected = [...cisIds('master.yaml', ['1.1']), ...cisIds('node.yaml', ['4.1', '4.2'])];
    assert.equal(expected.length, 45);
    assert.deepEqual(NODE_CHECKS.map((check) => check.cis), expected);
  });

  it('every check has a node-cis id, a title, a remediation and a unique id', () => {
    assert.equal(new Set(NODE_CHECKS.map((check) => check.id)).size, NODE_CHECKS.length);
    for (const check of NODE_CHECKS) {
      assert.equal(check.id, `node-cis-${check.cis}`);
      assert.ok(check.title.length > 10 && check.remediation.length > 10, check.id);
    }
  });
});
