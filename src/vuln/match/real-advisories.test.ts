/**
 * Matching against real advisories (Go vulndb, RustSec, PyPA, osv.dev's Debian DSA sample): versions the records
 * themselves say are affected must match, their fixed versions must not, and well-known cases behave as published.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { sharedData } from '../../../test/helpers/shared.js';
import type { Advisory, AffectedPackage } from '../advisory.js';
import type { InstalledPackage, OperatingSystem } from '../../image/packages/model.js';
import { parseAlpineSecdb } from '../import/alpine-secdb.js';
import { parseDebianList } from '../import/debian-list.js';
import { parseOsvRecord } from '../import/osv.js';
import { matchPackages } from './match-packages.js';
import { memoryLookup } from './memory-lookup.js';
import type { AdvisoryLookup } from '../advisory.js';

const data = sharedData('vuln-advisories');
const skip = data === undefined ? 'shared vuln-advisories data absent' : false;

function readAdvisories(dir: string, pattern: RegExp): Advisory[] {
  const root = join(data ?? '', dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name))
    .map((name) => {
      const text = readFileSync(join(root, name), 'utf8');
      const result = parseOsvRecord(name.endsWith('.json') ? JSON.parse(text) : parseYaml(text), name);
      if ('error' in result) assert.fail(result.error);
      return result;
    });
}

function installed(ecosystem: string, name: string, version: string): InstalledPackage {
  return { ecosystem, name, version, path: 'test', purl: `pkg:generic/${encodeURIComponent(name)}@${encodeURIComponent(version)}` };
}

function idsFor(lookup: AdvisoryLookup, pkg: InstalledPackage, os?: OperatingSystem): string[] {
  return matchPackages([pkg], os, lookup).vulnerabilities.flatMap((v) => [v.id, ...v.aliases]);
}

/** Entries with one range holding exactly one introduced/fixed pair: the simplest claims a record makes. */
function singleWindows(advisories: Advisory[], type: 'SEMVER' | 'ECOSYSTEM'): { advisory: Advisory; entry: AffectedPackage; introduced: string; fixed: string }[] {
  return advisories.flatMap((advisory) => {
    const sameName = (e: AffectedPackage) => advisory.affected.filter((o) => o.name === e.name && o.ecosystem === e.ecosystem).length === 1;
    return advisory.affected.flatMap((entry) => {
      if (entry.ranges.length !== 1 || entry.ranges[0]!.type !== type || !sameName(entry) || advisory.withdrawn) return [];
      const events = entry.ranges[0]!.events;
      const introduced = events.flatMap((e) => ('introduced' in e ? [e.introduced] : []));
      const fixed = events.flatMap((e) => ('fixed' in e ? [e.fixed] : []));
      if (events.length !== 2 || introduced.length !== 1 || fixed.length !== 1) return [];
      return [{ advisory, entry, introduced: introduced[0]!, fixed: fixed[0]! }];
    });
  });
}

/** Every single-window claim: the fix does not match, the introducing version does (reporting that fix). */
function windowFailures(advisories: Advisory[], type: 'SEMVER' | 'ECOSYSTEM'): { checked: number; failures: string[] } {
  const lookup = memoryLookup(advisories);
  const failures: string[] = [];
  const windows = singleWindows(advisories, type);
  for (const { advisory, entry, introduced, fixed } of windows) {
    const atFix = matchPackages([installed(entry.ecosystem, entry.name, fixed)], undefined, lookup).vulnerabilities;
    if (atFix.some((v) => v.id === advisory.id || v.aliases.includes(advisory.id)) && !(entry.versions ?? []).includes(fixed)) {
      failures.push(`${advisory.id} ${entry.name}: fixed version ${fixed} matched`);
    }
    if (introduced === '0') continue;
    const atIntro = matchPackages([installed(entry.ecosystem, entry.name, introduced)], undefined, lookup).vulnerabilities;
    const hit = atIntro.find((v) => v.id === advisory.id || v.aliases.includes(advisory.id));
    if (!hit) failures.push(`${advisory.id} ${entry.name}: introducing version ${introduced} not matched`);
  }
  return { checked: windows.length, failures };
}

describe('matching real advisories', { skip }, () => {
  it('Go vulndb: golang.org/x/net around the HTTP/2 rapid-reset fix (GO-2023-2102, fixed in v0.17.0)', () => {
    const lookup = memoryLookup(readAdvisories('golang-vulndb/osv', /GO-.*\.json$/));
    assert.ok(idsFor(lookup, installed('Go', 'golang.org/x/net', 'v0.16.0')).includes('GO-2023-2102'));
    assert.ok(!idsFor(lookup, installed('Go', 'golang.org/x/net', 'v0.17.0')).includes('GO-2023-2102'));
    const [rapidReset] = matchPackages([installed('Go', 'golang.org/x/net', 'v0.16.0')], undefined, lookup).vulnerabilities.filter((v) => v.id === 'GO-2023-2102');
    assert.equal(rapidReset!.fixedVersion, '0.17.0');
    assert.ok(rapidReset!.aliases.includes('CVE-2023-39325'));
    // The same record's stdlib ranges: two windows, 1.21.0-0 reopening after the 1.20.10 fix.
    assert.ok(idsFor(lookup, installed('Go', 'stdlib', '1.21.2')).includes('GO-2023-2102'));
    assert.ok(idsFor(lookup, installed('Go', 'stdlib', '1.20.9')).includes('GO-2023-2102'));
    assert.ok(!idsFor(lookup, installed('Go', 'stdlib', '1.20.10')).includes('GO-2023-2102'));
    assert.ok(!idsFor(lookup, installed('Go', 'stdlib', '1.21.3')).includes('GO-2023-2102'));
  });

  it('Go vulndb: every single-window record matches its introducing version and not its fix', () => {
    const { checked, failures } = windowFailures(readAdvisories('golang-vulndb/osv', /GO-.*\.json$/), 'SEMVER');
    process.stdout.write(`# Go vulndb: ${checked} single-window entries checked\n`);
    assert.ok(checked > 1000);
    assert.deepEqual(failures.slice(0, 10), []);
  });

  it('RustSec: every single-window record matches its introducing version and not its fix', () => {
    const { checked, failures } = windowFailures(readAdvisories('rustsec-advisory-db-osv/crates', /RUSTSEC-.*\.json$/), 'SEMVER');
    process.stdout.write(`# RustSec: ${checked} single-window entries checked\n`);
    assert.ok(checked > 300);
    assert.deepEqual(failures.slice(0, 10), []);
  });

  it('PyPA: every version a record lists matches; single-window fixes do not', () => {
    const advisories = readAdvisories('pypa-advisory-database/vulns', /\.yaml$/);
    const lookup = memoryLookup(advisories);
    const missed: string[] = [];
    let listed = 0;
    for (const advisory of advisories.filter((a) => !a.withdrawn)) {
      for (const entry of advisory.affected) {
        for (const version of firstAndLast(entry.versions ?? [])) {
          listed++;
          if (!idsFor(lookup, installed('PyPI', entry.name, version)).includes(advisory.id)) missed.push(`${advisory.id} ${entry.name} ${version}`);
        }
      }
    }
    process.stdout.write(`# PyPA: ${listed} listed versions checked\n`);
    assert.ok(listed > 500);
    assert.deepEqual(missed.slice(0, 10), []);
    const { checked, failures } = windowFailures(advisories, 'ECOSYSTEM');
    assert.ok(checked > 500);
    assert.deepEqual(failures.slice(0, 10), []);
  });

  it('PyPA: urllib3 before 1.23 leaks Authorization on cross-origin redirects (PYSEC-2018-32)', () => {
    const lookup = memoryLookup(readAdvisories('pypa-advisory-database/vulns/urllib3', /\.yaml$/));
    const [found] = matchPackages([installed('PyPI', 'urllib3', '1.22')], undefined, lookup).vulnerabilities.filter((v) => v.id === 'PYSEC-2018-32');
    assert.equal(found?.fixedVersion, '1.23');
    assert.ok(!idsFor(lookup, installed('PyPI', 'urllib3', '1.23')).includes('PYSEC-2018-32'));
  });

  it('osv.dev Debian sample: DSA-3029-1 nginx in Debian 7, by source package, fixed in 1.2.1-2.2+wheezy3', () => {
    const lookup = memoryLookup(readAdvisories('osv.dev-testdata', /DSA-3029-1\.json$/));
    const wheezy: OperatingSystem = { id: 'debian', versionId: '7' };
    const binary = (version: string): InstalledPackage => ({ ...installed('Debian', 'nginx-full', version), source: { name: 'nginx', version } });
    const [found] = matchPackages([binary('1.2.1-2.2+wheezy2')], wheezy, lookup).vulnerabilities;
    assert.equal(found?.package.name, 'nginx-full');
    assert.equal(found?.fixedVersion, '1.2.1-2.2+wheezy3');
    assert.ok([found.id, ...found.aliases].includes('CVE-2014-3616'));
    assert.deepEqual(matchPackages([binary('1.2.1-2.2+wheezy3')], wheezy, lookup).vulnerabilities, []);
    assert.deepEqual(matchPackages([binary('1.2.1-2.2+wheezy2')], { id: 'debian', versionId: '8' }, lookup).vulnerabilities, []);
  });

  it('Alpine secdb v3.11: libcrypto1.1 built from openssl 1.1.1d-r2 lacks the CVE-2019-1551 fix of 1.1.1d-r3', () => {
    const file = join(data ?? '', 'alpine-secdb/v3.11/main.yaml');
    const imported = parseAlpineSecdb(parseYaml(readFileSync(file, 'utf8')), file);
    assert.deepEqual(imported.errors, []);
    const lookup = memoryLookup(imported.advisories);
    const alpine: OperatingSystem = { id: 'alpine', versionId: '3.11.6' };
    const libcrypto = (version: string): InstalledPackage => ({ ...installed('Alpine', 'libcrypto1.1', version), source: { name: 'openssl', version } });
    const found = matchPackages([libcrypto('1.1.1d-r2')], alpine, lookup).vulnerabilities;
    assert.deepEqual(found.map((v) => [v.id, v.package.name, v.fixedVersion]), [['CVE-2019-1551', 'libcrypto1.1', '1.1.1d-r3']]);
    assert.deepEqual(matchPackages([libcrypto('1.1.1d-r3')], alpine, lookup).vulnerabilities, []);
    const older = matchPackages([libcrypto('1.1.1a-r1')], alpine, lookup).vulnerabilities.map((v) => v.id).sort();
    assert.deepEqual(older, ['CVE-2019-1543', 'CVE-2019-1547', 'CVE-2019-1549', 'CVE-2019-1551', 'CVE-2019-1563']);
    assert.deepEqual(matchPackages([libcrypto('1.1.1d-r2')], { id: 'alpine', versionId: '3.12.0' }, lookup).vulnerabilities, [], 'another branch is another release');
  });

  it('Debian DSA list: openssl 1.1.1n-0+deb11u3 in bullseye lacks the fixes of DSA-5343-1, by source package', () => {
    const file = join(data ?? '', 'debian-security-tracker/data/DSA/list');
    const imported = parseDebianList(readFileSync(file, 'utf8'), file);
    assert.deepEqual(imported.errors, []);
    const lookup = memoryLookup(imported.advisories);
    const bullseye: OperatingSystem = { id: 'debian', versionId: '11', codename: 'bullseye' };
    const libssl = (version: string): InstalledPackage => ({ ...installed('Debian', 'libssl1.1', version), source: { name: 'openssl', version } });
    const found = matchPackages([libssl('1.1.1n-0+deb11u3')], bullseye, lookup).vulnerabilities;
    const cve = found.find((v) => v.id === 'CVE-2023-0286');
    assert.equal(cve?.fixedVersion, '1.1.1n-0+deb11u4');
    assert.ok(cve.aliases.includes('DSA-5343-1'));
    assert.ok(!matchPackages([libssl('1.1.1n-0+deb11u4')], bullseye, lookup).vulnerabilities.some((v) => v.id === 'CVE-2023-0286'));
  });
});

function firstAndLast(versions: string[]): string[] {
  return versions.length <= 2 ? versions : [versions[0]!, versions.at(-1)!];
}
