import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AffectedPackage, AffectedRange, RangeEvent } from '../advisory.js';
import { evaluateAffected, semverOrder } from './ranges.js';

function entry(ranges: AffectedRange[], versions?: string[]): AffectedPackage {
  return { ecosystem: 'test', name: 'pkg', ranges, ...(versions ? { versions } : {}) };
}

const semverRange = (...events: RangeEvent[]): AffectedRange => ({ type: 'SEMVER', events });
const ecosystemRange = (...events: RangeEvent[]): AffectedRange => ({ type: 'ECOSYSTEM', events });

interface Case {
  name: string;
  ecosystem: string;
  entry: AffectedPackage;
  version: string;
  /** For affected cases: the fixed version expected (undefined when none). */
  fixed?: string;
}

const twoWindows = semverRange({ introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '2.0.0' }, { fixed: '2.3.1' });
const unsorted = semverRange({ fixed: '2.3.1' }, { introduced: '2.0.0' }, { fixed: '1.2.0' }, { introduced: '1.0.0' });
const fromZero = semverRange({ introduced: '0' }, { fixed: '1.5.0' });
const lastAffected = semverRange({ introduced: '0' }, { last_affected: '3.1.4' });
const limited = ecosystemRange({ introduced: '1.0' }, { limit: '1.5' });
const starLimit = ecosystemRange({ introduced: '1.0' }, { limit: '*' });
const prerelease = semverRange({ introduced: '2.0.0-alpha.1' }, { fixed: '2.0.0-rc.2' });
const pep440 = ecosystemRange({ introduced: '0' }, { fixed: '2.0.0rc1' });
const debian = ecosystemRange({ introduced: '0' }, { fixed: '1.2.1-2.2+wheezy3' });
const sameVersionEmpty = semverRange({ introduced: '1.0.0' }, { fixed: '1.0.0' });
const reopenedAtFix = semverRange({ introduced: '0' }, { fixed: '2.0.0' }, { introduced: '2.0.0' }, { fixed: '3.0.0' });
const severalFixes = semverRange({ introduced: '0' }, { fixed: '1.2.0' }, { fixed: '1.4.0' });
const gitOnly: AffectedRange = { type: 'GIT', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] };

const notAffected: Case[] = [
  // not affected
  { name: 'below the first window', ecosystem: 'npm', entry: entry([twoWindows]), version: '0.9.9' },
  { name: 'between two windows (at the first fix)', ecosystem: 'npm', entry: entry([twoWindows]), version: '1.2.0' },
  { name: 'between two windows', ecosystem: 'npm', entry: entry([twoWindows]), version: '1.9.0' },
  { name: 'at the second fix', ecosystem: 'npm', entry: entry([twoWindows]), version: '2.3.1' },
  { name: 'unsorted events, between windows', ecosystem: 'npm', entry: entry([unsorted]), version: '1.5.0' },
  { name: 'just after last_affected', ecosystem: 'crates.io', entry: entry([lastAffected]), version: '3.1.5' },
  { name: 'at the limit', ecosystem: 'PyPI', entry: entry([limited]), version: '1.5' },
  { name: 'past the limit', ecosystem: 'PyPI', entry: entry([limited]), version: '2.0' },
  { name: 'a prerelease before introduced', ecosystem: 'npm', entry: entry([prerelease]), version: '2.0.0-alpha.0' },
  { name: 'the fixing prerelease', ecosystem: 'npm', entry: entry([prerelease]), version: '2.0.0-rc.2' },
  { name: 'the release after the prerelease fix', ecosystem: 'npm', entry: entry([prerelease]), version: '2.0.0' },
  { name: 'PEP 440: the release candidate that fixes', ecosystem: 'PyPI', entry: entry([pep440]), version: '2.0.0rc1' },
  { name: 'dpkg: the fixed version', ecosystem: 'Debian', entry: entry([debian]), version: '1.2.1-2.2+wheezy3' },
  { name: 'dpkg: a later backport', ecosystem: 'Debian', entry: entry([debian]), version: '1.2.1-2.2+wheezy4' },
  { name: 'introduced and fixed at one version is empty', ecosystem: 'npm', entry: entry([sameVersionEmpty]), version: '1.0.0' },
  { name: 'Go: v-prefixed version at the fix', ecosystem: 'Go', entry: entry([fromZero]), version: 'v1.5.0' },
  { name: 'versions list only, not listed', ecosystem: 'PyPI', entry: entry([], ['1.0', '1.1']), version: '1.2' },
  { name: 'no ranges and no versions', ecosystem: 'npm', entry: entry([]), version: '1.0.0' },
  { name: 'GIT ranges are skipped', ecosystem: 'npm', entry: entry([gitOnly]), version: '1.0.0' },
  { name: 'installed version unparseable', ecosystem: 'npm', entry: entry([fromZero]), version: 'not-a-version' },
  { name: 'npm: a leading v is not SemVer', ecosystem: 'npm', entry: entry([fromZero]), version: 'v1.0.0' },
];

const affected: Case[] = [
  { name: 'in the first window', ecosystem: 'npm', entry: entry([twoWindows]), version: '1.0.0', fixed: '1.2.0' },
  { name: 'in the second window', ecosystem: 'npm', entry: entry([twoWindows]), version: '2.3.0', fixed: '2.3.1' },
  { name: 'unsorted events, second window', ecosystem: 'npm', entry: entry([unsorted]), version: '2.1.0', fixed: '2.3.1' },
  { name: 'unsorted events, first window', ecosystem: 'npm', entry: entry([unsorted]), version: '1.1.9', fixed: '1.2.0' },
  { name: 'introduced 0 covers the very first version', ecosystem: 'npm', entry: entry([fromZero]), version: '0.0.0', fixed: '1.5.0' },
  { name: 'at last_affected', ecosystem: 'crates.io', entry: entry([lastAffected]), version: '3.1.4' },
  { name: 'below the limit', ecosystem: 'PyPI', entry: entry([limited]), version: '1.4.9' },
  { name: 'limit * is no limit', ecosystem: 'PyPI', entry: entry([starLimit]), version: '99.0' },
  { name: 'the introducing prerelease', ecosystem: 'npm', entry: entry([prerelease]), version: '2.0.0-alpha.1', fixed: '2.0.0-rc.2' },
  { name: 'a prerelease in between', ecosystem: 'npm', entry: entry([prerelease]), version: '2.0.0-beta', fixed: '2.0.0-rc.2' },
  { name: 'build metadata is ignored', ecosystem: 'npm', entry: entry([fromZero]), version: '1.4.9+build.7', fixed: '1.5.0' },
  { name: 'PEP 440: a beta before the rc fix', ecosystem: 'PyPI', entry: entry([pep440]), version: '2.0.0b3', fixed: '2.0.0rc1' },
  { name: 'PEP 440: a dev release before the fix', ecosystem: 'PyPI', entry: entry([pep440]), version: '2.0.0.dev1', fixed: '2.0.0rc1' },
  { name: 'dpkg: the version before the fix', ecosystem: 'Debian', entry: entry([debian]), version: '1.2.1-2.2+wheezy2', fixed: '1.2.1-2.2+wheezy3' },
  { name: 'dpkg: tilde sorts before', ecosystem: 'Debian', entry: entry([debian]), version: '1.2.1-2.2+wheezy3~1', fixed: '1.2.1-2.2+wheezy3' },
  { name: 'Go: v-prefixed version below the fix', ecosystem: 'Go', entry: entry([fromZero]), version: 'v1.4.2', fixed: '1.5.0' },
  { name: 'Go: pseudo-version below the fix', ecosystem: 'Go', entry: entry([fromZero]), version: 'v0.0.0-20210101000000-abcdefabcdef', fixed: '1.5.0' },
  { name: 'versions list only', ecosystem: 'PyPI', entry: entry([], ['1.0', '1.1']), version: '1.1' },
  { name: 'versions list matches by PEP 440 equality', ecosystem: 'PyPI', entry: entry([], ['1.1']), version: '1.1.0' },
  { name: 'versions list even when the range has no ordering', ecosystem: 'Alpine', entry: entry([ecosystemRange({ introduced: '0' })], ['1.2-r0']), version: '1.2-r0' },
  { name: 'versions list beside a GIT range', ecosystem: 'npm', entry: entry([gitOnly], ['1.0.0']), version: '1.0.0' },
  { name: 'reopened at the fix of the previous window', ecosystem: 'npm', entry: entry([reopenedAtFix]), version: '2.0.0', fixed: '3.0.0' },
  { name: 'the smallest fix above the version', ecosystem: 'npm', entry: entry([severalFixes]), version: '1.1.0', fixed: '1.2.0' },
  {
    name: 'the smallest fix over several ranges that hold',
    ecosystem: 'npm',
    entry: entry([semverRange({ introduced: '0' }, { fixed: '1.9.0' }), semverRange({ introduced: '1.0.0' }, { fixed: '1.3.0' })]),
    version: '1.1.0',
    fixed: '1.3.0',
  },
];

describe('OSV range evaluation', () => {
  describe('not affected', () => {
    for (const c of notAffected) {
      it(c.name, () => {
        assert.equal(evaluateAffected(c.entry, c.version, c.ecosystem, 'TEST-1 pkg').affected, false);
      });
    }
  });
  describe('affected', () => {
    for (const c of affected) {
      it(c.name, () => {
        const verdict = evaluateAffected(c.entry, c.version, c.ecosystem, 'TEST-1 pkg');
        assert.equal(verdict.affected, true);
        assert.equal(verdict.fixedVersion, c.fixed);
      });
    }
  });

  it('an unparseable installed version is a note naming advisory, package and version, not a crash', () => {
    const verdict = evaluateAffected(entry([fromZero]), 'not-a-version', 'npm', 'GHSA-xxxx left-pad');
    assert.equal(verdict.affected, false);
    assert.match(verdict.notes.join('\n'), /GHSA-xxxx left-pad: installed version "not-a-version" is not a valid SemVer 2.0 version/);
  });

  it('an unparseable event version skips that range with a note, other ranges still count', () => {
    const broken = semverRange({ introduced: '0' }, { fixed: 'garbage' });
    const verdict = evaluateAffected(entry([broken, fromZero]), '1.0.0', 'npm', 'X-1 pkg');
    assert.equal(verdict.affected, true);
    assert.equal(verdict.fixedVersion, '1.5.0');
    assert.match(verdict.notes.join('\n'), /X-1 pkg: event version "garbage" is not valid; range skipped/);
  });

  it('an ecosystem without ordering says only its versions list is used', () => {
    const verdict = evaluateAffected(entry([ecosystemRange({ introduced: '0' })]), '1.0', 'NoSuchEcosystem', 'X-2 pkg');
    assert.equal(verdict.affected, false);
    assert.match(verdict.notes.join('\n'), /^no version ordering for ecosystem NoSuchEcosystem: its advisories are matched by their versions lists only$/);
  });

  it('SemVer order strips v only for Go', () => {
    assert.equal(semverOrder('Go')('v1.2.3', '1.2.3'), 0);
    assert.throws(() => semverOrder('npm')('v1.2.3', '1.2.3'), /not a SemVer 2.0 version/);
    assert.throws(() => semverOrder('npm')('1.2', '1.2.0'), /not a SemVer 2.0 version/);
  });
});
