import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endOfLife, isPast, OLDEST_TRACKED_MINOR, oldestSupportedMinor } from './releases.js';

describe('Kubernetes release end-of-life table', () => {
  it('has a valid date for every minor from 1.19 to 1.37, each later than the one before', () => {
    assert.equal(OLDEST_TRACKED_MINOR, 19);
    let previous = '';
    for (let minor = 19; minor <= 37; minor++) {
      const day = endOfLife(minor);
      assert.ok(day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)), `1.${minor}: ${day}`);
      assert.ok(day > previous, `1.${minor} ends after 1.${minor - 1}`);
      previous = day;
    }
    assert.equal(endOfLife(18), undefined);
    assert.equal(endOfLife(38), undefined);
  });

  it('keeps a release supported through the whole of its end-of-life day (UTC)', () => {
    assert.equal(isPast('2025-02-28', new Date('2025-02-28T23:59:59.999Z')), false);
    assert.equal(isPast('2025-02-28', new Date('2025-03-01T00:00:00Z')), true);
  });

  it('finds the oldest supported minor on a given day', () => {
    assert.equal(oldestSupportedMinor(new Date('2026-10-27T12:00:00Z')), 34);
    assert.equal(oldestSupportedMinor(new Date('2026-10-28T00:00:00Z')), 35);
    assert.equal(oldestSupportedMinor(new Date('2027-10-29T00:00:00Z')), undefined);
  });
});
