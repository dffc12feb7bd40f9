import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Vulnerability } from '../vulnerability.js';
import { parseIgnoreFile } from './ignore-file.js';
import { parseOpenVex } from './openvex.js';
import { applySuppressions } from './suppress.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const TODAY = new Date('2025-03-01T12:00:00Z');

function finding(id: string, aliases: string[], purl: string, path = 'var/lib/dpkg/status'): Vulnerability {
  return {
    id,
    aliases,
    package: { ecosystem: 'npm', name: 'lodash', version: '4.17.20', path, purl },
    installedVersion: '4.17.20',
    state: 'fixed',
    fixedVersion: '4.17.21',
    severity: 'HIGH',
    severitySource: 'advisory',
    references: [],
    dataSource: 'osv',
  };
}

const lodash = finding('GHSA-35jh-r3h4-6jhm', ['CVE-2021-23337'], 'pkg:npm/lodash@4.17.20', 'app/node_modules/lodash/package.json');
const openssl = finding('CVE-2024-0727', ['DSA-5600-1'], 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12');

function suppressedIds(result: { vulnerabilities: Vulnerability[] }): string[] {
  return result.vulnerabilities.filter((v) => v.suppressed).map((v) => v.id);
}

describe('ignore files', () => {
  it('text form: ids, comments, exp: dates; an alias covers the finding; expired entries warn and do not apply', () => {
    const parsed = parseIgnoreFile('# accepted risks\nCVE-2021-23337   # lodash template, not used\nCVE-2024-0727 exp:2025-01-31\n', '.kspmignore');
    assert.deepEqual(parsed.errors, []);
    const result = applySuppressions([lodash, openssl], { ignoreRules: parsed.rules, now: TODAY });
    assert.deepEqual(suppressedIds(result), ['GHSA-35jh-r3h4-6jhm']);
    assert.equal(result.vulnerabilities[0]!.suppressed?.by, 'ignore-file');
    assert.deepEqual(result.warnings, ['.kspmignore:3: the ignore entry for CVE-2024-0727 expired on 2025-01-31 and no longer applies']);
    const before = applySuppressions([openssl], { ignoreRules: parsed.rules, now: new Date('2025-01-30T23:59:00Z') });
    assert.deepEqual(suppressedIds(before), ['CVE-2024-0727']);
    assert.equal(before.vulnerabilities[0]!.suppressed?.until, '2025-01-31');
  });

  it('text form: malformed lines are errors naming file and line; good lines still apply', () => {
    const parsed = parseIgnoreFile('CVE-1 exp:2025-02-30\nCVE-2 until-friday\nCVE-3\n', 'ci/.kspmignore');
    assert.deepEqual(parsed.errors, [
      'ci/.kspmignore:1: "exp:2025-02-30" is not a valid exp:YYYY-MM-DD date',
      'ci/.kspmignore:2: unexpected "until-friday" after the id (only exp:YYYY-MM-DD may follow)',
    ]);
    assert.deepEqual(parsed.rules.map((r) => r.id), ['CVE-3']);
  });

  it('YAML form: purls (version only when given, qualifiers in any order), paths, statement, expiry', () => {
    const yaml = [
      'vulnerabilities:',
      '  - id: CVE-2024-0727',
      '    purls: ["pkg:deb/debian/libssl3?distro=debian-12&arch=amd64"]',
      '    statement: only used for TLS to our own services',
      '    expires: 2026-01-01',
      '  - id: GHSA-35jh-r3h4-6jhm',
      '    paths: ["other/**"]',
    ].join('\n');
    const parsed = parseIgnoreFile(yaml, 'kspmignore.yaml');
    assert.deepEqual(parsed.errors, []);
    const result = applySuppressions([lodash, openssl], { ignoreRules: parsed.rules, now: TODAY });
    assert.deepEqual(suppressedIds(result), ['CVE-2024-0727']);
    assert.deepEqual(result.vulnerabilities[1]!.suppressed, { by: 'ignore-file', statement: 'only used for TLS to our own services', until: '2026-01-01' });

    const otherVersion = parseIgnoreFile('vulnerabilities:\n  - id: CVE-2024-0727\n    purls: ["pkg:deb/debian/libssl3@3.0.13-1"]\n', 'k.yaml');
    assert.deepEqual(suppressedIds(applySuppressions([openssl], { ignoreRules: otherVersion.rules, now: TODAY })), []);
    const byPath = parseIgnoreFile('vulnerabilities:\n  - id: CVE-2021-23337\n    paths: ["app/**/package.json"]\n', 'k.yml');
    assert.deepEqual(suppressedIds(applySuppressions([lodash], { ignoreRules: byPath.rules, now: TODAY })), ['GHSA-35jh-r3h4-6jhm']);
  });

  it('YAML form: malformed entries are errors naming file and entry', () => {
    const parsed = parseIgnoreFile('vulnerabilities:\n  - purls: []\n  - id: CVE-1\n    expires: soon\n  - id: CVE-2\n    purls: ["not a purl"]\n  - id: CVE-3\n', 'k.yaml');
    assert.deepEqual(parsed.errors, [
      'k.yaml: vulnerabilities[0]: "id" must be a non-empty string',
      'k.yaml: vulnerabilities[1]: "expires" must be a date YYYY-MM-DD; got "soon"',
      'k.yaml: vulnerabilities[2]: "not a purl" is not a valid package URL',
    ]);
    assert.deepEqual(parsed.rules.map((r) => r.id), ['CVE-3']);
    assert.match(parseIgnoreFile('vulnerabilities: [', 'bad.yaml').errors[0]!, /^bad\.yaml: not valid YAML/);
  });
});

function vexDocument(statements: unknown[], timestamp = '2025-01-01T00:00:00Z'): string {
  return JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.com/vex-1', author: 'ACME', timestamp, version: 1, statements });
}

describe('OpenVEX', () => {
  it('not_affected for the package purl suppresses, with the justification and impact statement', () => {
    const vex = parseOpenVex(vexDocument([{
      vulnerability: { name: 'CVE-2021-23337' },
      products: [{ '@id': 'pkg:npm/lodash@4.17.20' }],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      impact_statement: 'template() is never called',
    }]), 'vex.json');
    assert.deepEqual(vex.errors, []);
    const result = applySuppressions([lodash, openssl], { vex: vex.statements });
    assert.deepEqual(suppressedIds(result), ['GHSA-35jh-r3h4-6jhm']);
    assert.deepEqual(result.vulnerabilities[0]!.suppressed, {
      by: 'openvex',
      statement: 'not_affected: vulnerable_code_not_in_execute_path; template() is never called (vex.json: statements[0])',
      vex: { status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
    });
  });

  it('image products (pkg:oci by digest, a tag reference) with subcomponents narrow to those packages', () => {
    const vex = parseOpenVex(vexDocument([
      {
        vulnerability: { name: 'CVE-2024-0727' },
        products: [{ '@id': `pkg:oci/app@${encodeURIComponent(DIGEST)}?repository_url=ghcr.io/acme/app`, subcomponents: [{ '@id': 'pkg:deb/debian/libssl3?arch=amd64' }] }],
        status: 'fixed',
      },
      { vulnerability: 'CVE-2021-23337', products: ['ghcr.io/acme/app:1.0'], status: 'not_affected', justification: 'component_not_present' },
    ]), 'vex.json');
    assert.deepEqual(vex.errors, []);
    const image = { references: ['ghcr.io/acme/app:1.0'], digest: DIGEST };
    assert.deepEqual(suppressedIds(applySuppressions([lodash, openssl], { vex: vex.statements, image })), ['GHSA-35jh-r3h4-6jhm', 'CVE-2024-0727']);
    const otherImage = { references: ['ghcr.io/acme/other:1.0'], digest: `sha256:${'cd'.repeat(32)}` };
    assert.deepEqual(suppressedIds(applySuppressions([lodash, openssl], { vex: vex.statements, image: otherImage })), []);
  });

  it('affected and under_investigation do not suppress; a later statement overrides an earlier one', () => {
    const statement = (status: string, timestamp: string) => ({ vulnerability: { name: 'CVE-2021-23337' }, products: ['pkg:npm/lodash'], status, timestamp, justification: status === 'not_affected' ? 'component_not_present' : undefined });
    const open = parseOpenVex(vexDocument([statement('under_investigation', '2025-01-01'), statement('affected', '2025-01-02')]), 'v.json');
    assert.deepEqual(suppressedIds(applySuppressions([lodash], { vex: open.statements })), []);
    const laterAffected = parseOpenVex(vexDocument([statement('affected', '2025-02-01'), statement('not_affected', '2025-01-01')]), 'v.json');
    assert.deepEqual(suppressedIds(applySuppressions([lodash], { vex: laterAffected.statements })), []);
    const laterNotAffected = parseOpenVex(vexDocument([statement('affected', '2025-01-01'), statement('not_affected', '2025-02-01')]), 'v.json');
    assert.deepEqual(suppressedIds(applySuppressions([lodash], { vex: laterNotAffected.statements })), ['GHSA-35jh-r3h4-6jhm']);
  });

  it('malformed statements are errors naming file and statement; not_affected needs a justification or impact', () => {
    const vex = parseOpenVex(vexDocument([
      { vulnerability: { name: 'CVE-1' }, products: ['pkg:npm/a'], status: 'not_affected' },
      { vulnerability: { name: 'CVE-2' }, products: ['pkg:npm/a'], status: 'wontfix' },
      { vulnerability: {}, products: ['pkg:npm/a'], status: 'fixed' },
      { vulnerability: 'CVE-3', products: [], status: 'fixed' },
      { vulnerability: 'CVE-4', products: ['pkg:npm/a'], status: 'not_affected', justification: 'trust_me' },
      { vulnerability: 'CVE-5', products: ['pkg:npm/a'], status: 'fixed' },
    ]), 'supplier.vex.json');
    assert.deepEqual(vex.errors, [
      'supplier.vex.json: statements[0]: a not_affected statement requires a "justification" or an "impact_statement"',
      'supplier.vex.json: statements[1]: "status" must be one of not_affected, affected, fixed, under_investigation; got "wontfix"',
      'supplier.vex.json: statements[2]: "vulnerability" must be a string or an object with a "name"',
      'supplier.vex.json: statements[3]: "products" must be a non-empty list',
      'supplier.vex.json: statements[4]: "justification" must be one of component_not_present, vulnerable_code_not_present, vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary, inline_mitigations_already_exist; got "trust_me"',
    ]);
    assert.deepEqual(vex.statements.map((s) => s.vulnerabilities[0]), ['CVE-5']);
    assert.match(parseOpenVex('{', 'x.json').errors[0]!, /^x\.json: not valid JSON/);
    assert.deepEqual(parseOpenVex('{"a":1}', 'x.json').errors, ['x.json: not an OpenVEX document (no "statements" list)']);
  });
});
