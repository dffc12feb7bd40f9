import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from './seeded-random.js';

const draws = (random: SeededRandom, count: number) => Array.from({ length: count }, () => random.next());

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and changes it with the seed', () => {
    assert.deepEqual(draws(new SeededRandom(7), 20), draws(new SeededRandom(7), 20));
    assert.notDeepEqual(draws(new SeededRandom(7), 20), draws(new SeededRandom(8), 20));
  });

  it('draws whole numbers within both bounds, reaching each', () => {
    const random = new SeededRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  });

  it('makes version 4 UUIDs and Kubernetes-style name suffixes', () => {
    const random = new SeededRandom(3);
    for (let index = 0; index < 50; index++) {
      assert.match(random.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(random.nameSuffix(5), /^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    }
  });

  it('refuses to pick from nothing', () => {
    assert.throws(() => new SeededRandom(1).pick([]), RangeError);
  });
});
