import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPlatform, parsePlatform, platformMatches } from './platform.js';

describe('platforms', () => {
  it('parses os/arch[/variant] and says what form it expects', () => {
    assert.deepEqual(parsePlatform('linux/amd64'), { os: 'linux', architecture: 'amd64' });
    assert.deepEqual(parsePlatform('linux/arm64/v8'), { os: 'linux', architecture: 'arm64', variant: 'v8' });
    for (const bad of ['linux', 'linux/', '/amd64', 'linux/arm/v7/x', 'linux/arm/']) {
      assert.throws(() => parsePlatform(bad), /expected os\/architecture\[\/variant\]/, bad);
    }
    assert.equal(formatPlatform(parsePlatform('linux/arm/v7')), 'linux/arm/v7');
  });

  it('matches when every field the wanted platform sets is equal', () => {
    const arm64v8 = { os: 'linux', architecture: 'arm64', variant: 'v8' };
    assert.equal(platformMatches(arm64v8, parsePlatform('linux/arm64')), true);
    assert.equal(platformMatches(arm64v8, parsePlatform('linux/arm64/v8')), true);
    assert.equal(platformMatches({ os: 'linux', architecture: 'arm', variant: 'v6' }, parsePlatform('linux/arm/v7')), false);
    assert.equal(platformMatches({ os: 'windows', architecture: 'amd64' }, parsePlatform('linux/amd64')), false);
    assert.equal(platformMatches({ os: 'windows', architecture: 'amd64', osVersion: '10.0.1' }, { os: 'windows', architecture: 'amd64', osVersion: '10.0.2' }), false);
  });
});
