/** Hand-picked cases for the rules each ecosystem gets wrong most easily. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as apk from './apk.js';
import * as cran from './cran.js';
import * as dpkg from './dpkg.js';
import { compareVersions, ECOSYSTEMS } from './index.js';
import * as maven from './maven.js';
import * as nuget from './nuget.js';
import * as packagist from './packagist.js';
import * as pep440 from './pep440.js';
import * as rpm from './rpm.js';
import * as rubygems from './rubygems.js';
import * as semver from './semver.js';

type Case = [string, '<' | '=' | '>', string];
const EXPECTED = { '<': -1, '=': 0, '>': 1 } as const;

function checkCases(compare: (a: string, b: string) => number, cases: Case[]): void {
  for (const [a, op, b] of cases) {
    assert.equal(compare(a, b), EXPECTED[op], `${a} ${op} ${b}`);
    assert.equal(compare(b, a), -EXPECTED[op] || 0, `${b} reversed ${a}`);
  }
}

describe('dpkg', () => {
  it('sorts ~ before everything, even the end of the string', () =>
    checkCases(dpkg.compare, [
      ['1.0~rc1', '<', '1.0'],
      ['1.0~~', '<', '1.0~'],
      ['1.0~rc1-1', '<', '1.0-1'],
    ]));
  it('lets the epoch decide first', () =>
    checkCases(dpkg.compare, [
      ['1:0.1', '>', '9.9'],
      ['0:1.0', '=', '1.0'],
    ]));
  it('sorts letters before non-letters and compares digit runs numerically', () =>
    checkCases(dpkg.compare, [
      ['1.0a', '<', '1.0+'],
      ['1.1.1n-0+deb12u1', '<', '1.1.1w-0+deb12u1'],
      ['2.36-9+deb12u10', '>', '2.36-9+deb12u4'],
    ]));
  it('refuses junk', () => assert.throws(() => dpkg.parse('abc'), /upstream must start with a digit/));
});

describe('rpm', () => {
  it('sorts ~ before the end and ^ after it', () =>
    checkCases(rpm.compare, [
      ['1.0~rc1', '<', '1.0'],
      ['1.0^git1', '>', '1.0'],
      ['1.0^git1', '<', '1.0.1'],
    ]));
  it('compares epoch, version, then release', () =>
    checkCases(rpm.compare, [
      ['1:1.0-1', '>', '2.0-1'],
      ['3.10.0-229.el7', '<', '3.10.0-229.1.2.el7'],
      ['1.0a', '>', '1.0'],
    ]));
});

describe('pep440', () => {
  it('orders dev < pre < final < post, with epochs and local versions', () =>
    checkCases(pep440.compare, [
      ['1.0.dev0', '<', '1.0a1'],
      ['1.0rc1', '<', '1.0'],
      ['1.0', '<', '1.0.post1'],
      ['1!0.1', '>', '2.0'],
      ['1.0+local', '>', '1.0'],
    ]));
  it('puts non-PEP 440 versions before every valid one', () => {
    assert.equal(pep440.isValid('0.1-bulbasaur'), false);
    checkCases(pep440.compare, [['0.9-eevee', '<', '0.1']]);
  });
});

describe('semver', () => {
  it('orders prereleases before the release and ignores build metadata', () =>
    checkCases(semver.compare, [
      ['1.0.0-alpha', '<', '1.0.0-alpha.1'],
      ['1.0.0-beta.2', '<', '1.0.0-beta.11'],
      ['1.0.0-rc.1', '<', '1.0.0'],
      ['1.2.3+build', '=', '1.2.3+other'],
      ['v1.2.3', '=', '1.2.3'],
    ]));
  it('refuses junk', () => assert.throws(() => semver.parse('one.two'), /not a semantic version/));
});

describe('maven', () => {
  it('orders qualifiers and treats null ones as the release', () =>
    checkCases(maven.compare, [
      ['1.0-alpha-1', '<', '1.0-beta-1'],
      ['1.0-SNAPSHOT', '<', '1.0'],
      ['1.0-rc1', '=', '1.0-cr1'],
      ['1.0.Final', '=', '1'],
      ['1.0', '<', '1.0-sp1'],
      ['2.0.1-xyz', '<', '2.0.1-123'],
      ['1a1', '=', '1-alpha-1'],
    ]));
});

describe('rubygems', () => {
  it('treats letters as prereleases and ignores trailing zeros', () =>
    checkCases(rubygems.compare, [
      ['1.0.a', '<', '1.0'],
      ['1.0.b1', '>', '1.0.a.2'],
      ['1.0.0', '=', '1'],
      ['1.0-rc1', '<', '1.0'],
    ]));
});

describe('nuget', () => {
  it('compares four parts and case-insensitive prerelease labels', () =>
    checkCases(nuget.compare, [
      ['1.0', '=', '1.0.0.0'],
      ['1.0.0-BETA', '=', '1.0.0-beta'],
      ['1.0.0-beta', '<', '1.0.0'],
      ['1.0.0.1-alpha', '>', '1.0.0'],
    ]));
});

describe('packagist', () => {
  it('orders special forms around numbers as PHP does', () =>
    checkCases(packagist.compare, [
      ['1.0-dev', '<', '1.0alpha1'],
      ['1.0RC1', '<', '1.0'],
      ['1.0', '<', '1.0pl1'],
      ['1.0-beta', '>', '1.0-alpha'],
      ['v1.2', '=', '1.2'],
    ]));
  it('inserts separators between digits and letters', () => assert.equal(packagist.canonicalize('1.0rc1_x'), '1.0.rc.1.x'));
});

describe('cran', () => {
  it('compares integer components, dots and dashes alike', () =>
    checkCases(cran.compare, [
      ['0.9', '<', '0.75'],
      ['0.01.0', '=', '0.1-0'],
      ['0.3.2.0', '>', '0.3.2'],
    ]));
});

describe('apk', () => {
  it('ranks suffixes around the plain version: pre-releases below, post-releases above', () => {
    const ordered = ['1.2_alpha', '1.2_beta', '1.2_pre', '1.2_rc', '1.2', '1.2_cvs', '1.2_svn', '1.2_git', '1.2_hg', '1.2_p'];
    for (let i = 1; i < ordered.length; i++) checkCases(apk.compare, [[ordered[i - 1]!, '<', ordered[i]!]]);
  });
  it('compares revisions and suffix numbers by value', () =>
    checkCases(apk.compare, [
      ['1.36.1-r29', '<', '1.36.1-r30'],
      ['3.3.1-r0', '<', '3.3.2-r0'],
      ['1.2_git9', '<', '1.2_git10'],
      ['1.0_rc1-r5', '<', '1.0-r0'],
    ]));
  it('gives a version that goes on the upper hand, unless it goes on with a pre-release', () =>
    checkCases(apk.compare, [
      ['1.0', '<', '1.0.1'],
      ['1.0', '<', '1.0a'],
      ['1.0z', '<', '1.0.1'],
      ['1.0_rc1', '<', '1.0'],
      ['1.0_p1', '>', '1.0'],
    ]));
  it('counts leading zeros of a dotted number against it, as apk 2 does', () =>
    checkCases(apk.compare, [
      ['1.01', '<', '1.1'],
      ['1.00', '<', '1.0'],
      ['1.010', '>', '1.09'],
    ]));
  it('reads digits after a letter as a number (old openssh-style versions)', () =>
    checkCases(apk.compare, [['6.6.2p1-r9', '<', '6.6.2p1-r10']]));
  it('tells well-formed versions from those outside the grammar', () => {
    for (const version of ['3.3.1-r0', '1.2_git20230101-r1', '6.6.2p1', '2.3.0b-r4']) assert.ok(apk.isWellFormed(version), version);
    for (const version of ['1-ruff', '0.r1', '.1', 'a', '1.2.0A', '1.2_blah', '1-r0-1', '']) assert.ok(!apk.isWellFormed(version), version);
  });
  it('orders malformed versions by the OSV rules: leftovers lose, unreadable pairs compare as text', () =>
    checkCases(apk.compare, [
      ['1', '>', '1-ruff'],
      ['1-ruff2', '=', '1--ruff1'],
      ['1.2.0A', '<', '1.2.0d'],
      ['1.2', '>', '1.2_blah'],
      ['.2', '>', '.1'],
      ['', '<', '0.1'],
    ]));
  it('is reached as the Alpine ecosystem', () => assert.equal(compareVersions('Alpine', '3.3.1-r0', '3.3.2-r0'), -1));
});

describe('compareVersions', () => {
  it('routes OSV ecosystem names to their rules', () => {
    assert.equal(compareVersions('Ubuntu', '1.0~rc1', '1.0'), -1);
    assert.equal(compareVersions('Go', 'v1.2.3', '1.2.4'), -1);
    assert.equal(compareVersions('Rocky Linux', '1.0^git1', '1.0'), 1);
    assert.ok(ECOSYSTEMS.includes('PyPI'));
  });
  it('refuses an ecosystem it does not know', () =>
    assert.throws(() => compareVersions('Hackage', '1', '2'), /no version comparison for ecosystem "Hackage"/));
});
