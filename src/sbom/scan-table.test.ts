import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alpineImage, debianImage } from './sbom-fixtures.js';
import { imageScanTable, shortDigest, wantsColor } from './scan-table.js';

describe('image scan table', () => {
  it('prints a header per image, then open vulnerabilities worst first in aligned columns', () => {
    const text = imageScanTable([debianImage()], { color: false });
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      'Image: ghcr.io/acme/shop-api:1.4.2',
      'Digest: sha256:aaaa000000000000000000000000000000000000000000000000000000000001',
      'OS: Debian GNU/Linux 12 (bookworm)',
      'Packages: 8',
      'Vulnerabilities: 5 (CRITICAL: 1, HIGH: 2, MEDIUM: 1, NEGLIGIBLE: 1); 1 suppressed',
    ]);
    const header = lines.findIndex((line) => line.startsWith('ID'));
    const rows = lines.slice(header, header + 6);
    assert.match(rows[0]!, /^ID\s+PACKAGE\s+INSTALLED\s+FIXED\s+SEVERITY\s+LAYER$/);
    assert.deepEqual(rows.slice(1).map((row) => row.split(/\s{2,}/)), [
      ['GHSA-67hx-6x53-jw92', '@babel/traverse', '7.22.0', '7.23.2', 'CRITICAL', '222222222222'],
      ['GHSA-c2qf-rxjj-qqgw', 'semver', '7.5.1', '7.5.2', 'HIGH', '222222222222'],
      ['GHSA-c2qf-rxjj-qqgw', 'semver', '7.5.1', '7.5.2', 'HIGH', '222222222222'],
      ['CVE-2023-5678', 'libssl3', '3.0.11-1~deb12u2', '3.0.13-1~deb12u1', 'MEDIUM', '111111111111'],
      ['CVE-2005-2541', 'tar', '1.34+dfsg-1.2+deb12u1', 'will not fix', 'NEGLIGIBLE', '111111111111'],
    ]);
    const severityColumn = rows[0]!.indexOf('SEVERITY');
    for (const row of rows.slice(1)) assert.match(row.slice(severityColumn), /^(CRITICAL|HIGH|MEDIUM|NEGLIGIBLE)/, 'columns line up');
    const suppressed = lines.indexOf('Suppressed (1):');
    assert.ok(suppressed > header + 5);
    assert.equal(lines[suppressed + 1], '  GO-2023-2102  golang.org/x/net v0.17.0  openvex: not_affected: vulnerable_code_not_in_execute_path (helm serves no HTTP/2)');
    assert.ok(!text.includes('\u001b['), 'no escape codes without colour');
  });

  it('colours severities only when asked, and strips control characters from image content', () => {
    const image = alpineImage();
    image.inventory.packages[0]!.name = 'mu\u001b[2Jsl';
    image.vulnerabilities.push({ ...image.vulnerabilities[0]!, package: image.inventory.packages[0]!, installedVersion: '1\u001b]0;x\u0007', suppressed: undefined, id: 'CVE-2099-1' });
    const coloured = imageScanTable([image], { color: true });
    assert.ok(coloured.includes('\u001b[31m') || coloured.includes('\u001b[1m'), 'escape codes with colour');
    assert.ok(!coloured.includes('\u001b[2J') && !coloured.includes('\u001b]0'), 'no escape from the image reaches the terminal');
    const plain = imageScanTable([image, debianImage()], { color: false });
    assert.match(plain, /Notes:\n {2}lib\/apk\/db\/triggers: skipped/);
    assert.match(plain, /Image: docker\.io\/library\/alpine:3\.18[\s\S]*Image: ghcr\.io\/acme\/shop-api:1\.4\.2/);
  });

  it('follows NO_COLOR and the terminal', () => {
    assert.equal(wantsColor({}, true), true);
    assert.equal(wantsColor({ NO_COLOR: '1' }, true), false);
    assert.equal(wantsColor({}, false), false);
    assert.equal(shortDigest('sha256:0123456789abcdef'), '0123456789ab');
    assert.equal(shortDigest(undefined), '-');
  });
});
