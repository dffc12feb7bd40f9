import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from './errors.js';
import { formatPlatform, parsePlatform, platformMatches, selectPlatform } from './platform.js';

describe('platforms', () => {
  it('parses os/arch[/variant] and refuses other shapes', () => {
    assert.deepEqual(parsePlatform('linux/arm/v7'), { os: 'linux', architecture: 'arm', variant: 'v7' });
    assert.deepEqual(parsePlatform('windows/amd64'), { os: 'windows', architecture: 'amd64' });
    for (const bad of ['linux', 'linux/', '/amd64', 'linux/arm/', 'a/b/c/d']) {
      assert.throws(() => parsePlatform(bad), (error: unknown) => error instanceof RegistryError && error.message.includes(`"${bad}"`), bad);
    }
  });

  it('matches a field only when the wanted platform sets it; arm64/v8 is plain arm64', () => {
    assert.ok(platformMatches({ os: 'linux', architecture: 'arm', variant: 'v7' }, { os: 'linux', architecture: 'arm' }));
    assert.ok(!platformMatches({ os: 'linux', architecture: 'arm', variant: 'v6' }, { os: 'linux', architecture: 'arm', variant: 'v7' }));
    assert.ok(platformMatches({ os: 'linux', architecture: 'arm64' }, { os: 'linux', architecture: 'arm64', variant: 'v8' }));
    assert.ok(!platformMatches({ os: 'windows', architecture: 'amd64' }, { os: 'linux', architecture: 'amd64' }));
  });

  it('selects the first matching entry, or lists the real platforms (not attestations) when none matches', () => {
    const entries = [
      { digest: 'a', platform: { os: 'linux', architecture: 'amd64' } },
      { digest: 'b', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
      { digest: 'c', platform: { os: 'unknown', architecture: 'unknown' } },
    ];
    assert.equal(selectPlatform(entries, parsePlatform('linux/arm'), 'index x').digest, 'b');
    assert.throws(() => selectPlatform(entries, parsePlatform('linux/riscv64'), 'index x'), (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.equal(error.kind, 'no-matching-platform');
      assert.equal(error.message, 'index x has no image for platform linux/riscv64; available: linux/amd64, linux/arm/v7');
      return true;
    });
    assert.equal(formatPlatform({ os: 'linux', architecture: 'arm', variant: 'v7' }), 'linux/arm/v7');
  });
});
