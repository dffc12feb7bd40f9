import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectorMatches } from './label-selector.js';

const web = { app: 'web', tier: 'front' };

const cases: { name: string; selector: unknown; labels?: Record<string, string>; selects: boolean }[] = [
  { name: 'empty selector selects everything', selector: {}, selects: true },
  { name: 'empty selector selects pods without labels', selector: { matchLabels: {}, matchExpressions: [] }, labels: {}, selects: true },
  { name: 'null fields are absent ones', selector: { matchLabels: null, matchExpressions: null }, selects: true },
  { name: 'every matchLabels pair must hold', selector: { matchLabels: { app: 'web', tier: 'front' } }, selects: true },
  { name: 'one pair differs', selector: { matchLabels: { app: 'web', tier: 'back' } }, selects: false },
  { name: 'pair for a missing label', selector: { matchLabels: { team: 'shop' } }, selects: false },
  { name: 'In a listed value', selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['back', 'front'] }] }, selects: true },
  { name: 'In other values', selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, selects: false },
  { name: 'In on a missing label', selector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['shop'] }] }, selects: false },
  { name: 'NotIn other values', selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['back'] }] }, selects: true },
  { name: 'NotIn a listed value', selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, selects: false },
  { name: 'NotIn holds for a missing label', selector: { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['shop'] }] }, selects: true },
  { name: 'Exists', selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, selects: true },
  { name: 'Exists on a missing label', selector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] }, selects: false },
  { name: 'DoesNotExist on a missing label', selector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist', values: [] }] }, selects: true },
  { name: 'DoesNotExist on a present label', selector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, selects: false },
  {
    name: 'labels and expressions together',
    selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }, { key: 'canary', operator: 'DoesNotExist' }] },
    selects: true,
  },
  { name: 'one failing expression of several', selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'Exists' }, { key: 'tier', operator: 'NotIn', values: ['front'] }] }, selects: false },
  { name: 'key and value names are case-sensitive', selector: { matchLabels: { App: 'web' } }, selects: false },
];

// Selectors the API server rejects in validation; as untrusted input they select nothing.
const invalid: { name: string; selector: unknown }[] = [
  { name: 'not an object', selector: 'app=web' },
  { name: 'null', selector: null },
  { name: 'matchLabels a list', selector: { matchLabels: ['app'] } },
  { name: 'matchLabels value not a string', selector: { matchLabels: { app: 1 } } },
  { name: 'matchExpressions an object', selector: { matchExpressions: { key: 'app', operator: 'Exists' } } },
  { name: 'unknown operator', selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } },
  { name: 'lower-case operator', selector: { matchExpressions: [{ key: 'app', operator: 'exists' }] } },
  { name: 'In without values', selector: { matchExpressions: [{ key: 'tier', operator: 'In' }] } },
  { name: 'NotIn without values', selector: { matchExpressions: [{ key: 'team', operator: 'NotIn', values: [] }] } },
  { name: 'Exists with values', selector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] } },
  { name: 'values not strings', selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: [1] }] } },
  { name: 'values not a list', selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: 'back' }] } },
  { name: 'expression without key', selector: { matchExpressions: [{ operator: 'DoesNotExist' }] } },
  { name: 'expression not an object', selector: { matchExpressions: ['app'] } },
];

describe('selectorMatches', () => {
  for (const { name, selector, labels = web, selects } of cases) {
    it(name, () => assert.equal(selectorMatches(selector, labels), selects));
  }
  for (const { name, selector } of invalid) {
    it(`selects nothing when invalid: ${name}`, () => assert.equal(selectorMatches(selector, web), false));
  }
  it('does not mistake inherited properties for labels', () => {
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {}), false);
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, {}), true);
  });
});
