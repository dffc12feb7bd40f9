import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseOsRelease } from './os-release.js';
import { readBerkeleyRpmBlobs } from './rpm-bdb.js';
import { parseRpmHeader } from './rpm-header.js';
import { readNdbRpmBlobs } from './rpm-ndb.js';
import { readSqliteRpmBlobs } from './rpm-sqlite.js';
import { parseRpmDatabase, readRpmHeaders, rpmEcosystem, splitSourceRpm } from './rpm.js';

const has = (command: string) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
const haveRpm = has('rpm') && has('rpmbuild');
const dbLoad = ['db5.3_load', 'db_load'].find((command) => spawnSync(command, ['-V'], { stdio: 'ignore' }).status === 0);
if (!haveRpm) process.stderr.write('\n!!! SKIPPING: rpm/rpmbuild are absent (.ci/run installs the rpm package); the real rpm database tests did not run !!!\n\n');
if (!dbLoad) process.stderr.write('\n!!! SKIPPING: db_load (Debian package db5.3-util) is absent; the real Berkeley DB rpm database test did not run !!!\n\n');

/** A source package with an epoch, a vendor and two more binary packages: one of another name, one gpg-pubkey. */
const SPEC = `Name: kspm-demo
Version: 1.2.3
Release: 4.el9
Epoch: 2
Summary: kspm test package
License: MIT AND Apache-2.0
Vendor: KSPM Test Vendor
BuildArch: noarch
%description
A package that installs nothing.
%package -n kspm-demo-libs
Summary: libraries
%description -n kspm-demo-libs
Libraries.
%package -n gpg-pubkey
Summary: stands in for an imported key
%description -n gpg-pubkey
Not a package.
%files
%files -n kspm-demo-libs
%files -n gpg-pubkey
`;

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

describe('rpm databases', () => {
  let work = '';
  let sqliteDb = Buffer.alloc(0);
  /** What rpm itself says is installed: `name epoch version release arch sourcerpm`, sorted. */
  let expected: string[] = [];

  before(() => {
    if (!haveRpm) return;
    work = mkdtempSync(join(tmpdir(), 'kspm-rpm-'));
    writeFileSync(join(work, 'demo.spec'), SPEC);
    run('rpmbuild', ['--define', `_topdir ${join(work, 'top')}`, '--quiet', '-bb', join(work, 'demo.spec')]);
    const rpms = ['kspm-demo', 'kspm-demo-libs', 'gpg-pubkey'].map((name) => join(work, 'top', 'RPMS', 'noarch', `${name}-1.2.3-4.el9.noarch.rpm`));
    const dbPath = join(work, 'db');
    mkdirSync(dbPath);
    run('rpm', ['--dbpath', dbPath, '--define', '_db_backend sqlite', '--justdb', '--nodeps', '--noscripts', '--quiet', '-i', ...rpms]);
    expected = run('rpm', ['--dbpath', dbPath, '--define', '_db_backend sqlite', '-qa', '--qf', '%{NAME} %{EPOCHNUM} %{VERSION} %{RELEASE} %{ARCH} %{SOURCERPM}\\n']).trim().split('\n').sort();
    sqliteDb = readFileSync(join(dbPath, 'rpmdb.sqlite'));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const asRpmPrints = (content: Buffer) => {
    const read = readRpmHeaders(content, 'Packages');
    if (typeof read === 'string') throw new Error(read);
    assert.deepEqual(read.problems, []);
    return read.headers.map((header) => `${header.name} ${header.epoch ?? 0} ${header.version} ${header.release} ${header.arch} ${header.sourceRpm}`).sort();
  };

  it('read an SQLite database as rpm -qa reports it', { skip: !haveRpm }, () => {
    assert.equal(expected.length, 3);
    assert.deepEqual(asRpmPrints(sqliteDb), expected);
  });

  it('name packages after the distribution, skip gpg-pubkey and split the source rpm', { skip: !haveRpm }, () => {
    const rocky = parseOsRelease('ID="rocky"\nVERSION_ID="9.4"\n');
    const read = parseRpmDatabase(sqliteDb, 'var/lib/rpm/rpmdb.sqlite', rocky);
    assert.ok(typeof read !== 'string');
    assert.deepEqual(read.notes, []);
    assert.deepEqual(read.packages.sort((a, b) => a.name.localeCompare(b.name)), [
      { ecosystem: 'Rocky Linux', name: 'kspm-demo', version: '2:1.2.3-4.el9', path: 'var/lib/rpm/rpmdb.sqlite', purl: 'pkg:rpm/rocky/kspm-demo@1.2.3-4.el9?arch=noarch&epoch=2&distro=rocky-9.4' },
      { ecosystem: 'Rocky Linux', name: 'kspm-demo-libs', version: '2:1.2.3-4.el9', source: { name: 'kspm-demo', version: '2:1.2.3-4.el9' }, path: 'var/lib/rpm/rpmdb.sqlite', purl: 'pkg:rpm/rocky/kspm-demo-libs@1.2.3-4.el9?arch=noarch&epoch=2&distro=rocky-9.4' },
    ]);
    const header = readRpmHeaders(sqliteDb, 'db');
    assert.ok(typeof header !== 'string');
    const demo = header.headers.find((item) => item.name === 'kspm-demo');
    assert.equal(demo?.vendor, 'KSPM Test Vendor');
    assert.equal(demo?.license, 'MIT AND Apache-2.0');
    assert.equal(demo?.modularityLabel, undefined);
  });

  it('leave the SQLite file as it was', { skip: !haveRpm }, () => {
    const before = Buffer.from(sqliteDb);
    readSqliteRpmBlobs(sqliteDb);
    assert.ok(sqliteDb.equals(before));
  });

  /**
   * Debian's rpm cannot write NDB, so this lays rpm's own header blobs out as rpm's lib/backend/ndb/rpmpkg.c does:
   * header (RpmP, version 0, generation, slot pages), 4 KiB slot pages of `Slot` entries (free ones at block 0),
   * then per package `BlbS`, index, timestamp, length, the blob and a `BlbE` tail, in 16-byte blocks.
   */
  function ndbOf(blobs: Buffer[]): Buffer {
    const slotPages = Buffer.alloc(4096);
    slotPages.write('RpmP', 0, 'latin1');
    slotPages.writeUInt32LE(blobs.length + 1, 8);
    slotPages.writeUInt32LE(1, 12);
    for (let at = 32; at < 4096; at += 16) slotPages.write('Slot', at, 'latin1');
    const blocks: Buffer[] = [];
    let nextBlock = 4096 / 16;
    blobs.forEach((blob, index) => {
      const head = Buffer.alloc(16);
      head.write('BlbS', 0, 'latin1');
      head.writeUInt32LE(index + 1, 4);
      head.writeUInt32LE(1_700_000_000, 8);
      head.writeUInt32LE(blob.length, 12);
      const tail = Buffer.alloc(12);
      tail.writeUInt32LE(blob.length, 4);
      tail.write('BlbE', 8, 'latin1');
      const unpadded = Buffer.concat([head, blob, tail]);
      const padded = Buffer.concat([unpadded, Buffer.alloc((16 - (unpadded.length % 16)) % 16)]);
      // Slot 3 onwards, leaving slot 2 free as a deleted package would.
      const slot = 32 + (index + 1) * 16;
      slotPages.writeUInt32LE(index + 1, slot + 4);
      slotPages.writeUInt32LE(nextBlock, slot + 8);
      slotPages.writeUInt32LE(padded.length / 16, slot + 12);
      nextBlock += padded.length / 16;
      blocks.push(padded);
    });
    return Buffer.concat([slotPages, ...blocks]);
  }

  it('read an NDB database laid out from rpm\'s own headers', { skip: !haveRpm }, () => {
    const blobs = readSqliteRpmBlobs(sqliteDb);
    assert.ok(Array.isArray(blobs));
    const ndb = ndbOf(blobs);
    assert.deepEqual(asRpmPrints(ndb), expected);
    const broken = Buffer.from(ndb);
    broken.write('Slop', 48, 'latin1');
    assert.match(String(readNdbRpmBlobs(broken)), /bad NDB slot magic at byte 48/);
  });

  for (const layout of [{ pageSize: 512, order: '1234' }, { pageSize: 65536, order: '4321' }]) {
    it(`read a Berkeley DB hash database written by db_load (${layout.pageSize}-byte pages, byte order ${layout.order})`, { skip: !haveRpm || !dbLoad }, () => {
      const blobs = readSqliteRpmBlobs(sqliteDb);
      assert.ok(Array.isArray(blobs));
      // rpm's keys are native-order header instance numbers; record 0 holds the next instance number.
      const key = (instance: number) => {
        const bytes = Buffer.alloc(4);
        if (layout.order === '1234') bytes.writeUInt32LE(instance);
        else bytes.writeUInt32BE(instance);
        return bytes.toString('hex');
      };
      const records = [` ${key(0)}\n ${key(blobs.length + 1)}`, ...blobs.map((blob, index) => ` ${key(index + 1)}\n ${blob.toString('hex')}`)];
      const dump = `VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=${layout.pageSize}\nHEADER=END\n${records.join('\n')}\nDATA=END\n`;
      writeFileSync(join(work, 'dump.txt'), dump);
      const file = join(work, `Packages-${layout.pageSize}`);
      run(dbLoad!, ['-c', `db_lorder=${layout.order}`, '-f', join(work, 'dump.txt'), file]);
      const content = readFileSync(file);
      assert.deepEqual(asRpmPrints(content), expected);
      assert.equal((readBerkeleyRpmBlobs(content) as Buffer[]).length, blobs.length, 'record 0 is not a header');
    });
  }

  it('refuse headers whose immutable region does not verify, and files of no known format', { skip: !haveRpm }, () => {
    const blobs = readSqliteRpmBlobs(sqliteDb) as Buffer[];
    const blob = Buffer.from(blobs[0]!);
    assert.equal(typeof parseRpmHeader(blob), 'object');
    const dataStart = 8 + blob.readUInt32BE(0) * 16;
    const trailerAt = dataStart + blob.readInt32BE(16);
    blob.writeInt32BE(62, trailerAt);
    assert.equal(parseRpmHeader(blob), 'region trailer does not match region tag 63');
    assert.match(String(parseRpmHeader(blobs[0]!.subarray(0, 100))), /^header claims \d+ bytes but the blob has 100$/);
    assert.equal(parseRpmDatabase(Buffer.from('hello'), 'var/lib/rpm/Packages'), 'var/lib/rpm/Packages: not an rpm database this tool knows (SQLite, NDB or Berkeley DB hash)');
    const partly = parseRpmDatabase(ndbOf([blob, blobs[1]!]), 'var/lib/rpm/Packages.db');
    assert.ok(typeof partly !== 'string');
    assert.equal(partly.packages.length, 1, 'the readable header still gives its package');
    assert.deepEqual(partly.notes, ['var/lib/rpm/Packages.db: header 1: region trailer does not match region tag 63']);
  });
});

describe('rpm names', () => {
  it('split source rpm file names from the right, as yum does', () => {
    assert.deepEqual(splitSourceRpm('openssl-3.0.7-27.el9.src.rpm'), { name: 'openssl', version: '3.0.7', release: '27.el9' });
    assert.deepEqual(splitSourceRpm('python3.11-pip-22.3.1-4.el9_3.1.src.rpm'), { name: 'python3.11-pip', version: '22.3.1', release: '4.el9_3.1' });
    assert.equal(splitSourceRpm('nodashes.src.rpm'), undefined);
  });

  it('use OSV ecosystem names where OSV has them', () => {
    assert.equal(rpmEcosystem(parseOsRelease('ID="rhel"\n')), 'Red Hat');
    assert.equal(rpmEcosystem(parseOsRelease('ID="almalinux"\n')), 'AlmaLinux');
    assert.equal(rpmEcosystem(parseOsRelease('ID="opensuse-leap"\n')), 'openSUSE');
    assert.equal(rpmEcosystem(parseOsRelease('ID="sles"\n')), 'SUSE');
    assert.equal(rpmEcosystem(parseOsRelease('ID="fedora"\n')), 'Fedora');
  });
});
