import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryEnd, isExpired } from './expiry.js';

describe('expiryEnd', () => {
  it('a date lasts through the end of that day UTC', () => {
    const end = expiryEnd('2027-03-31');
    assert.equal(end?.toISOString(), '2027-04-01T00:00:00.000Z');
    assert.equal(isExpired(end!, new Date('2027-03-31T00:00:00Z')), false);
    assert.equal(isExpired(end!, new Date('2027-03-31T23:59:59.999Z')), false);
    assert.equal(isExpired(end!, new Date('2027-04-01T00:00:00Z')), true);
  });

  it('the last day of a year and a leap day roll over correctly', () => {
    assert.equal(expiryEnd('2026-12-31')?.toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(expiryEnd('2028-02-29')?.toISOString(), '2028-03-01T00:00:00.000Z');
  });

  it('a timestamp ends at that instant, honouring its offset', () => {
    const end = expiryEnd('2027-03-31T18:00:00+02:00');
    assert.equal(end?.toISOString(), '2027-03-31T16:00:00.000Z');
    assert.equal(isExpired(end!, new Date('2027-03-31T15:59:59.999Z')), false);
    assert.equal(isExpired(end!, new Date('2027-03-31T16:00:00Z')), true);
    assert.equal(expiryEnd('2027-03-31t16:00:00.5z')?.toISOString(), '2027-03-31T16:00:00.500Z');
  });

  for (const text of ['', 'tomorrow', '31/03/2027', '2027-3-31', '2027-02-29', '2027-13-01', '2027-04-31', '2027-03-31T24:00:00Z', '2027-02-30T10:00:00Z', '2027-03-31T10:00:00', '2027-03-31 ', ' 2027-03-31T10:00Z']) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      assert.equal(expiryEnd(text), undefined);
    });
  }
});
