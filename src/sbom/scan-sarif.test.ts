import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Result } from 'sarif';
import { sarifValidator } from '../../test/helpers/sarif-schema.js';
import { alpineImage, debianImage } from './sbom-fixtures.js';
import { IMAGE_FINGERPRINT_KEY, imageFingerprint, imageScanSarif } from './scan-sarif.js';

const validate = sarifValidator();

describe('image scan SARIF', () => {
  it('validates against the official SARIF 2.1.0 schema', { skip: validate ? false : 'shared schema absent' }, () => {
    const log = imageScanSarif([debianImage(), alpineImage()]);
    assert.ok(validate!(log), JSON.stringify(validate!.errors, null, 2));
    assert.ok(validate!(imageScanSarif([])), JSON.stringify(validate!.errors, null, 2));
    const broken = structuredClone(log);
    broken.runs[0]!.results![0]!.level = 'critical' as Result['level'];
    assert.equal(validate!(broken), false, 'the validator rejects what the schema forbids');
  });

  it('has one rule per advisory, worst first, ranked by CVSS score where known', () => {
    const driver = imageScanSarif([debianImage(), alpineImage()]).runs[0]!.tool.driver;
    assert.deepEqual(driver.rules!.map((r) => [r.id, r.defaultConfiguration?.level, r.properties?.['security-severity']]), [
      ['GHSA-67hx-6x53-jw92', 'error', '9.8'],
      ['CVE-2025-26519', 'error', '8.0'],
      ['GHSA-c2qf-rxjj-qqgw', 'error', '7.5'],
      ['GO-2023-2102', 'error', '8.0'],
      ['CVE-2023-5678', 'warning', '5.3'],
      ['CVE-2005-2541', 'note', '1.0'],
      ['CVE-2023-42366', 'warning', '5.5'],
    ]);
    assert.equal(driver.rules![0]!.helpUri, 'https://osv.dev/vulnerability/GHSA-67hx-6x53-jw92');
  });

  it('gives a result per package match, located at the package file inside the image', () => {
    const log = imageScanSarif([debianImage(), alpineImage()]);
    const results = log.runs[0]!.results!;
    assert.equal(results.length, 8);
    const semver = results.filter((r) => r.ruleId === 'GHSA-c2qf-rxjj-qqgw');
    assert.deepEqual(semver.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri).sort(), [
      'app/node_modules/make-dir/node_modules/semver/package.json',
      'app/node_modules/semver/package.json',
    ]);
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const r of results) assert.equal(rules[r.ruleIndex!]!.id, r.ruleId);
    const babel = results.find((r) => r.ruleId === 'GHSA-67hx-6x53-jw92')!;
    assert.equal(babel.level, 'error');
    assert.deepEqual(babel.locations![0]!.logicalLocations, [{ name: 'ghcr.io/acme/shop-api:1.4.2', fullyQualifiedName: 'ghcr.io/acme/shop-api:1.4.2', kind: 'image' }]);
    assert.equal(babel.message.text, '@babel/traverse 7.22.0 in ghcr.io/acme/shop-api:1.4.2 is affected by GHSA-67hx-6x53-jw92 (critical); fixed in 7.23.2.');
    assert.equal(babel.locations![0]!.physicalLocation!.artifactLocation!.uri, 'app/node_modules/%40babel/traverse/package.json');
    const go = results.find((r) => r.ruleId === 'GO-2023-2102')!;
    assert.deepEqual(go.suppressions, [{ kind: 'external', status: 'accepted', justification: 'openvex: not_affected: vulnerable_code_not_in_execute_path (helm serves no HTTP/2)' }]);
    assert.equal(results.find((r) => r.ruleId === 'CVE-2005-2541')!.message.text?.endsWith('no fixed version (will not fix).'), true);
    assert.deepEqual(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text), ['docker.io/library/alpine:3.18: lib/apk/db/triggers: skipped']);
  });

  it('fingerprints by repository, advisory, package and path: a new tag or digest keeps the alert', () => {
    const v = debianImage().vulnerabilities[0]!;
    const fp = imageFingerprint('ghcr.io/acme/shop-api:1.4.2', v);
    assert.equal(imageFingerprint('ghcr.io/acme/shop-api:1.5.0', v), fp);
    assert.equal(imageFingerprint('ghcr.io/acme/shop-api@sha256:0123456789abcdef', v), fp);
    assert.notEqual(imageFingerprint('ghcr.io/acme/other:1.4.2', v), fp);
    assert.notEqual(imageFingerprint('ghcr.io/acme/shop-api:1.4.2', { ...v, id: 'CVE-2024-0001' }), fp);
    const results = imageScanSarif([debianImage()]).runs[0]!.results!;
    const fingerprints = results.map((r) => r.partialFingerprints![IMAGE_FINGERPRINT_KEY]);
    assert.equal(new Set(fingerprints).size, fingerprints.length);
  });
});
