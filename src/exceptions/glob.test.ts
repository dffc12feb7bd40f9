import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anyMatcher, globMatcher } from './glob.js';

describe('globMatcher', () => {
  const cases: [pattern: string, value: string, expected: boolean][] = [
    ['image-mutable-tag', 'image-mutable-tag', true],
    ['image-mutable-tag', 'image-mutable-tag-2', false],
    ['pss-*', 'pss-privileged', true],
    ['pss-*', 'pss-', true],
    ['pss-*', 'xpss-privileged', false],
    ['*-tag', 'image-mutable-tag', true],
    ['reports-?', 'reports-1', true],
    ['reports-?', 'reports-12', false],
    ['*', '', true],
    ['a.b', 'aXb', false],
    ['a.b', 'a.b', true],
    ['(x)+', '(x)+', true],
    ['Deployment', 'deployment', false],
  ];
  for (const [pattern, value, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(value)}`, () => {
      assert.equal(globMatcher(pattern)(value), expected);
    });
  }

  it('anyMatcher matches when one pattern does', () => {
    const matches = anyMatcher(['image-mutable-tag', 'pss-*']);
    assert.equal(matches('pss-host-ports'), true);
    assert.equal(matches('image-mutable-tag'), true);
    assert.equal(matches('rbac-wildcard'), false);
    assert.equal(anyMatcher([])('anything'), false);
  });
});
