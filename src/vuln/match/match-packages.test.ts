import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Advisory, AffectedPackage } from '../advisory.js';
import type { InstalledPackage, OperatingSystem } from '../../image/packages/model.js';
import { matchPackages } from './match-packages.js';
import { memoryLookup } from './memory-lookup.js';

const BOOKWORM: OperatingSystem = { id: 'debian', versionId: '12', codename: 'bookworm' };

function advisory(id: string, affected: AffectedPackage[], extra: Partial<Advisory> = {}): Advisory {
  return { id, aliases: [], cvss: [], references: [], source: 'osv', affected, ...extra };
}

function fixedIn(ecosystem: string, name: string, fixed: string, extra: Partial<AffectedPackage> = {}): AffectedPackage {
  return { ecosystem, name, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }], ...extra };
}

function pkg(ecosystem: string, name: string, version: string, extra: Partial<InstalledPackage> = {}): InstalledPackage {
  return { ecosystem, name, version, path: 'var/lib/dpkg/status', purl: `pkg:generic/${name}@${version}`, ...extra };
}

const libssl = pkg('Debian', 'libssl3', '3.0.11-1~deb12u1', { source: { name: 'openssl', version: '3.0.11-1~deb12u1' } });

describe('matchPackages', () => {
  it('Debian: looks up the source package in the release, reports the binary package', () => {
    const lookup = memoryLookup([advisory('CVE-2024-0727', [fixedIn('Debian:12', 'openssl', '3.0.13-1~deb12u1')])]);
    const { vulnerabilities, notes } = matchPackages([libssl], BOOKWORM, lookup);
    assert.deepEqual(notes, []);
    assert.equal(vulnerabilities.length, 1);
    const [v] = vulnerabilities;
    assert.equal(v!.id, 'CVE-2024-0727');
    assert.equal(v!.package.name, 'libssl3');
    assert.equal(v!.installedVersion, '3.0.11-1~deb12u1');
    assert.equal(v!.fixedVersion, '3.0.13-1~deb12u1');
    assert.equal(v!.state, 'fixed');
  });

  it('Debian: another release, the binary name, or a fixed source version do not match', () => {
    const lookup = memoryLookup([
      advisory('CVE-A', [fixedIn('Debian:11', 'openssl', '9.9')]),
      advisory('CVE-B', [fixedIn('Debian:12', 'libssl3', '9.9')]),
      advisory('CVE-C', [fixedIn('Debian:12', 'openssl', '3.0.11-1~deb12u1')]),
    ]);
    assert.deepEqual(matchPackages([libssl], BOOKWORM, lookup).vulnerabilities, []);
  });

  it('Debian: the release comes from the codename when VERSION_ID is absent (testing images)', () => {
    const lookup = memoryLookup([advisory('CVE-1', [fixedIn('Debian:13', 'openssl', '9.9')])]);
    const result = matchPackages([libssl], { id: 'debian', codename: 'trixie' }, lookup);
    assert.deepEqual(result.vulnerabilities.map((v) => v.id), ['CVE-1']);
  });

  it('Debian: an unknown release is a note, not a guess', () => {
    const result = matchPackages([libssl], { id: 'debian', prettyName: 'Debian GNU/Linux sid' }, memoryLookup([]));
    assert.match(result.notes.join('\n'), /Debian GNU\/Linux sid: the Debian release is unknown/);
  });

  it('Ubuntu: LTS and plain release names are both asked, one finding results', () => {
    const entry = fixedIn('Ubuntu:22.04:LTS', 'curl', '7.81.0-1ubuntu1.15');
    const plain = fixedIn('Ubuntu:22.04', 'curl', '7.81.0-1ubuntu1.15');
    const lookup = memoryLookup([advisory('UBUNTU-CVE-2023-1', [entry, plain], { aliases: ['CVE-2023-1'] })]);
    const libcurl = pkg('Ubuntu', 'libcurl4', '7.81.0-1ubuntu1.14', { source: { name: 'curl', version: '7.81.0-1ubuntu1.14' } });
    const { vulnerabilities } = matchPackages([libcurl], { id: 'ubuntu', versionId: '22.04' }, lookup);
    assert.equal(vulnerabilities.length, 1);
    assert.equal(vulnerabilities[0]!.fixedVersion, '7.81.0-1ubuntu1.15');
  });

  it('Alpine: filed under v<major.minor> by origin, compared in apk order', () => {
    const lookup = memoryLookup([advisory('CVE-2', [fixedIn('Alpine:v3.20', 'openssl', '3.3.2-r0')])]);
    const libcrypto = pkg('Alpine', 'libcrypto3', '3.3.1-r0', { source: { name: 'openssl', version: '3.3.1-r0' } });
    const result = matchPackages([libcrypto], { id: 'alpine', versionId: '3.20.3' }, lookup);
    assert.deepEqual(result.vulnerabilities.map((v) => [v.id, v.package.name, v.fixedVersion]), [['CVE-2', 'libcrypto3', '3.3.2-r0']]);
    const patched = pkg('Alpine', 'libcrypto3', '3.3.2-r0', { source: { name: 'openssl', version: '3.3.2-r0' } });
    assert.deepEqual(matchPackages([patched], { id: 'alpine', versionId: '3.20.3' }, lookup).vulnerabilities, []);
  });

  it('an unfixed distribution advisory is reported with its state and no fixed version', () => {
    const lookup = memoryLookup([
      advisory('CVE-3', [{ ecosystem: 'Debian:12', name: 'openssl', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], state: 'will_not_fix' }]),
      advisory('CVE-4', [{ ecosystem: 'Debian:12', name: 'openssl', ranges: [], state: 'fix_deferred' }]),
    ]);
    const { vulnerabilities } = matchPackages([libssl], BOOKWORM, lookup);
    assert.deepEqual(vulnerabilities.map((v) => [v.id, v.state, v.fixedVersion]), [['CVE-3', 'will_not_fix', undefined], ['CVE-4', 'fix_deferred', undefined]]);
  });

  it('PyPI: names compare PEP 503-normalised', () => {
    const lookup = memoryLookup([advisory('PYSEC-1', [fixedIn('PyPI', 'Zope.Interface', '5.0')])]);
    const { vulnerabilities } = matchPackages([pkg('PyPI', 'zope-interface', '4.7.1')], undefined, lookup);
    assert.deepEqual(vulnerabilities.map((v) => v.id), ['PYSEC-1']);
  });

  it('Go: the toolchain is matched as OSV files it (stdlib, go1.21rc2 as 1.21.0-rc.2)', () => {
    const stdlib: AffectedPackage = { ecosystem: 'Go', name: 'stdlib', ranges: [{ type: 'SEMVER', events: [{ introduced: '1.21.0-0' }, { fixed: '1.21.1' }] }] };
    const lookup = memoryLookup([advisory('GO-2023-2041', [stdlib])]);
    const found = (version: string) => matchPackages([pkg('Go', 'stdlib', version)], undefined, lookup).vulnerabilities.length;
    assert.equal(found('1.21rc2'), 1);
    assert.equal(found('1.21.0'), 1);
    assert.equal(found('1.21.1'), 0);
    assert.equal(found('1.20.8'), 0);
  });

  it('one finding per vulnerability: a GHSA aliasing a PYSEC merges, the ecosystem id wins, aliases are merged', () => {
    const lookup = memoryLookup([
      advisory('PYSEC-2021-1', [fixedIn('PyPI', 'urllib3', '1.26.5')], { aliases: ['CVE-2021-33503', 'GHSA-q2q7-5pp4-w6pg'] }),
      advisory('GHSA-q2q7-5pp4-w6pg', [fixedIn('PyPI', 'urllib3', '1.26.5')], { aliases: ['CVE-2021-33503'], severity: 'HIGH' }),
    ]);
    const { vulnerabilities } = matchPackages([pkg('PyPI', 'urllib3', '1.26.4')], undefined, lookup);
    assert.equal(vulnerabilities.length, 1);
    assert.equal(vulnerabilities[0]!.id, 'PYSEC-2021-1');
    assert.deepEqual(vulnerabilities[0]!.aliases, ['CVE-2021-33503', 'GHSA-q2q7-5pp4-w6pg']);
    assert.equal(vulnerabilities[0]!.severity, 'HIGH');
  });

  it('one finding per CVE in CVE-keyed distribution data: a DSA naming two CVEs folds into both', () => {
    const lookup = memoryLookup([
      advisory('CVE-2023-10', [fixedIn('Debian:12', 'openssl', '3.0.13-1~deb12u1')], { source: 'debian-tracker' }),
      advisory('CVE-2023-11', [fixedIn('Debian:12', 'openssl', '3.0.13-1~deb12u1')], { source: 'debian-tracker' }),
      advisory('DSA-5600-1', [fixedIn('Debian:12', 'openssl', '3.0.13-1~deb12u1')], { related: ['CVE-2023-10', 'CVE-2023-11'], source: 'debian-dsa' }),
    ]);
    const { vulnerabilities } = matchPackages([libssl], BOOKWORM, lookup);
    assert.deepEqual(vulnerabilities.map((v) => [v.id, v.aliases, v.dataSource]), [
      ['CVE-2023-10', ['DSA-5600-1'], 'debian-tracker'],
      ['CVE-2023-11', ['DSA-5600-1'], 'debian-tracker'],
    ]);
  });

  it('severity: the distribution per-package severity, then the stated one, then CVSS (newest version), else UNKNOWN', () => {
    const v31 = { version: '3.1' as const, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' };
    const v2 = { version: '2.0' as const, vector: 'AV:L/AC:H/Au:M/C:N/I:N/A:P' };
    const lookup = memoryLookup([
      advisory('CVE-9001', [fixedIn('Debian:12', 'openssl', '9', { severity: 'LOW' })], { severity: 'HIGH', cvss: [v31] }),
      advisory('CVE-9002', [fixedIn('Debian:12', 'openssl', '9')], { severity: 'MEDIUM', cvss: [v31] }),
      advisory('CVE-9003', [fixedIn('Debian:12', 'openssl', '9')], { cvss: [v2, v31] }),
      advisory('CVE-9004', [fixedIn('Debian:12', 'openssl', '9')], { cvss: [v2] }),
      advisory('CVE-9005', [fixedIn('Debian:12', 'openssl', '9')]),
    ]);
    const { vulnerabilities } = matchPackages([libssl], BOOKWORM, lookup);
    const byId = Object.fromEntries(vulnerabilities.map((v) => [v.id, [v.severity, v.severitySource, v.cvss?.score]]));
    assert.deepEqual(byId, {
      'CVE-9001': ['LOW', 'debian', 9.8],
      'CVE-9002': ['MEDIUM', 'advisory', 9.8],
      'CVE-9003': ['CRITICAL', 'cvss', 9.8],
      'CVE-9004': ['LOW', 'cvss', 0.8],
      'CVE-9005': ['UNKNOWN', 'none', undefined],
    });
    assert.deepEqual(vulnerabilities.map((v) => v.id), ['CVE-9003', 'CVE-9002', 'CVE-9001', 'CVE-9004', 'CVE-9005']);
  });

  it('withdrawn advisories are skipped unless asked for', () => {
    const lookup = memoryLookup([advisory('GHSA-w', [fixedIn('npm', 'lodash', '4.17.21')], { withdrawn: '2024-01-01T00:00:00Z' })]);
    const lodash = pkg('npm', 'lodash', '4.17.20');
    assert.equal(matchPackages([lodash], undefined, lookup).vulnerabilities.length, 0);
    assert.equal(matchPackages([lodash], undefined, lookup, { includeWithdrawn: true }).vulnerabilities.length, 1);
  });

  it('an unparseable installed version is a note, the others still match', () => {
    const lookup = memoryLookup([advisory('GHSA-x', [{ ecosystem: 'npm', name: 'lodash', ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] }])]);
    const result = matchPackages([pkg('npm', 'lodash', 'latest'), pkg('npm', 'lodash', '4.17.20')], undefined, lookup);
    assert.equal(result.vulnerabilities.length, 1);
    assert.match(result.notes.join('\n'), /lodash latest \(GHSA-x\): installed version "latest" is not a valid SemVer 2.0 version/);
  });

  it('5,000 packages against thousands of advisories (time printed, measured not asserted)', () => {
    const advisories: Advisory[] = [];
    for (let i = 0; i < 4000; i++) {
      const name = `pkg-${i % 2500}`;
      advisories.push(advisory(`GHSA-${i}`, [{
        ecosystem: 'npm',
        name,
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `1.${i % 7}.0` }, { introduced: '2.0.0' }, { fixed: '2.5.1' }] }],
      }], { aliases: [`CVE-2024-${i}`], cvss: [{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }));
    }
    const packages = Array.from({ length: 5000 }, (_, i) => pkg('npm', `pkg-${i}`, `${i % 3}.${i % 5}.0`));
    const lookup = memoryLookup(advisories);
    const started = performance.now();
    const result = matchPackages(packages, undefined, lookup);
    const elapsed = performance.now() - started;
    process.stdout.write(`# matched 5000 packages against 4000 advisories: ${result.vulnerabilities.length} findings in ${elapsed.toFixed(0)} ms\n`);
    assert.ok(result.vulnerabilities.length > 0);
  });
});
