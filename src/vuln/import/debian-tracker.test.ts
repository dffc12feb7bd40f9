// The shared data has no tracker JSON (over 4 MiB upstream): these fixtures follow the documented format of
// https://security-tracker.debian.org/tracker/data/json and are named after what they prove.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDebianTracker } from './debian-tracker.js';

const tracker = {
  openssl: {
    'CVE-2023-0286': {
      description: 'X.400 address type confusion in X.509 GeneralName',
      scope: 'remote',
      releases: {
        bookworm: { status: 'resolved', repositories: { bookworm: '3.0.11-1~deb12u2' }, fixed_version: '3.0.8-1', urgency: 'high' },
        bullseye: { status: 'resolved', repositories: { bullseye: '1.1.1w-0+deb11u1' }, fixed_version: '1.1.1n-0+deb11u4', urgency: 'high' },
        trixie: { status: 'resolved', repositories: { trixie: '3.1.0-1' }, fixed_version: '0', urgency: 'not yet assigned' },
        sid: { status: 'resolved', repositories: { sid: '3.1.0-1' }, fixed_version: '3.0.8-1', urgency: 'high' },
      },
    },
  },
  libxml2: {
    'CVE-2024-1': {
      releases: {
        bookworm: { status: 'open', repositories: {}, urgency: 'unimportant', nodsa: 'Minor issue', nodsa_reason: 'ignored' },
        bullseye: { status: 'open', repositories: {}, urgency: 'low**', nodsa: 'Minor issue', nodsa_reason: 'postponed' },
        buster: { status: 'open', repositories: {}, urgency: 'medium' },
        forky: { status: 'undetermined', repositories: {}, urgency: 'not yet assigned' },
      },
    },
  },
  'libxml2-compat': { 'CVE-2024-1': { releases: { bookworm: { status: 'resolved', fixed_version: '1.0-1', urgency: 'low' } } } },
};

test('resolved releases give a fix; fixed_version 0 and sid are left out; urgency is the package severity', () => {
  const result = parseDebianTracker(tracker, 'json');
  assert.deepEqual(result.errors, []);
  const cve = result.advisories.find((a) => a.id === 'CVE-2023-0286');
  assert.equal(cve?.source, 'debian-tracker');
  assert.equal(cve?.summary, 'X.400 address type confusion in X.509 GeneralName');
  assert.deepEqual(cve?.affected, [
    { ecosystem: 'Debian:12', name: 'openssl', severity: 'HIGH', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.8-1' }] }] },
    { ecosystem: 'Debian:11', name: 'openssl', severity: 'HIGH', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }] },
  ]);
});

test('open releases have no fix and the no-DSA state; undetermined is left out; one CVE across packages is one advisory', () => {
  const result = parseDebianTracker(tracker, 'json');
  const cve = result.advisories.filter((a) => a.id === 'CVE-2024-1');
  assert.equal(cve.length, 1);
  assert.deepEqual(cve[0]?.affected.map((a) => [a.ecosystem, a.name, a.severity, a.state, a.ranges[0]?.events.length]), [
    ['Debian:12', 'libxml2', 'NEGLIGIBLE', 'will_not_fix', 1],
    ['Debian:11', 'libxml2', 'LOW', 'fix_deferred', 1],
    ['Debian:10', 'libxml2', 'MEDIUM', undefined, 1],
    ['Debian:12', 'libxml2-compat', 'LOW', undefined, 2],
  ]);
});

test('bad shapes are errors naming the package and id', () => {
  assert.equal(parseDebianTracker([], 'json').errors[0]?.file, 'json');
  const result = parseDebianTracker({ foo: { 'CVE-1': { releases: 'x' } }, bar: 3, baz: { 'CVE-2': { releases: { narnia: { status: 'open' } } } } }, 'json');
  assert.deepEqual(result.errors.map((e) => e.record), ['foo CVE-1', 'bar', 'baz CVE-2']);
  assert.match(result.errors[2]?.message ?? '', /unknown Debian release "narnia"/);
});
