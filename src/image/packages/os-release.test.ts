import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectOperatingSystem, parseDebianVersion, parseLsbRelease, parseRedhatRelease } from './os-release.js';

const from = (files: Record<string, string>) => detectOperatingSystem((path) => files[path]);

describe('operating system detection', () => {
  it('prefers os-release over the distribution\'s own file', () => {
    assert.deepEqual(from({ 'etc/debian_version': '12.7\n', 'usr/lib/os-release': 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' }), { id: 'debian', versionId: '12', codename: 'bookworm' });
    assert.deepEqual(from({ 'etc/os-release': 'NAME=nothing useful\n', 'etc/alpine-release': '3.19.1\n' }), { id: 'alpine', versionId: '3.19.1' });
  });

  it('reads each distribution\'s own release file', () => {
    assert.deepEqual(from({ 'etc/debian_version': '12.7\n' }), { id: 'debian', versionId: '12' });
    assert.deepEqual(parseDebianVersion('trixie/sid\n'), { id: 'debian', codename: 'trixie' });
    assert.deepEqual(parseLsbRelease('DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION="Ubuntu 22.04.4 LTS"\n'), { id: 'ubuntu', versionId: '22.04', prettyName: 'Ubuntu 22.04.4 LTS', codename: 'jammy' });
    assert.deepEqual(from({ 'etc/redhat-release': 'CentOS Linux release 7.9.2009 (Core)\n' }), { id: 'centos', versionId: '7.9.2009', prettyName: 'CentOS Linux release 7.9.2009 (Core)' });
    assert.equal(parseRedhatRelease('Red Hat Enterprise Linux release 9.4 (Plow)')?.id, 'rhel');
    assert.equal(parseRedhatRelease('Some Other Linux release 1.0'), undefined);
    assert.equal(from({}), undefined);
  });
});
