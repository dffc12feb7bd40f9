import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Log, Result } from 'sarif';
import { FINGERPRINT_KEY, fingerprint, SarifSink } from '../src/outputs/sarif.js';
import { artifactLocation } from '../src/outputs/sarif-uri.js';
import { CapturingStream, play, sampleReport, SPECIAL_FILE, type SampleReport } from '../src/outputs/testing.js';
import { sarifValidator } from './helpers/sarif-schema.js';
import type { FileLocation } from '../src/model/resource.js';

async function sarifOf(report: SampleReport): Promise<{ text: string; log: Log }> {
  const out = new CapturingStream({ slow: true });
  await play(new SarifSink(out), report);
  return { text: out.text, log: JSON.parse(out.text) as Log };
}

const validateSarif = sarifValidator();

function resultsOf(log: Log): Result[] {
  return log.runs[0]!.results ?? [];
}

describe('SARIF output', () => {
  it('validates against the official SARIF 2.1.0 schema', { skip: validateSarif ? false : 'shared schema absent' }, async () => {
    const validate = validateSarif!;
    const { log } = await sarifOf(sampleReport());
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const empty = sampleReport();
    empty.resources = [];
    empty.clusterFindings = [];
    empty.errors = [];
    const { log: emptyLog } = await sarifOf(empty);
    assert.ok(validate(emptyLog), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(resultsOf(emptyLog), []);
    const broken = structuredClone(log);
    resultsOf(broken)[0]!.level = 'critical' as Result['level'];
    assert.equal(validate(broken), false, 'the validator rejects what the schema forbids');
  });

  it('describes every evaluated control as a rule GitHub can rank', async () => {
    const report = sampleReport();
    const { log } = await sarifOf(report);
    const driver = log.runs[0]!.tool.driver;
    assert.equal(log.runs.length, 1);
    assert.equal(driver.name, 'kspm');
    assert.equal(driver.version, report.header.tool.version);
    assert.equal(driver.informationUri, report.header.tool.informationUri);
    assert.deepEqual(driver.rules?.map((rule) => rule.id), report.header.controls.map((control) => control.id));
    const [privileged, mutable, wildcard, probes] = driver.rules!;
    assert.deepEqual(
      [privileged, mutable, wildcard, probes].map((rule) => [rule!.defaultConfiguration?.level, rule!.properties?.['security-severity']]),
      [
        ['error', '9.5'],
        ['warning', '5.5'],
        ['note', '3.0'],
        ['note', '0.0'],
      ],
    );
    assert.equal(privileged!.shortDescription?.text, 'Privileged container');
    assert.equal(privileged!.fullDescription?.text, report.header.controls[0]!.description);
    assert.match(privileged!.help!.text, /take over its node/);
    assert.match(privileged!.help!.markdown!, /\*\*Remediation\.\*\* Remove `securityContext\.privileged: true`/);
    assert.equal(privileged!.helpUri, 'https://kubernetes.io/docs/concepts/security/pod-security-standards/', 'the first link that is a URL');
    assert.deepEqual(privileged!.properties?.tags, ['security', 'kubernetes', 'Pod Security', 'pss:baseline', 'cis:5.2.2']);
    assert.equal(privileged!.properties?.precision, 'very-high');
  });

  it('maps findings to levels, regions, logical locations and suppressions', async () => {
    const { log } = await sarifOf(sampleReport());
    const results = resultsOf(log);
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['pss-privileged', 0, 'error'],
        ['image-mutable-tag', 1, 'warning'],
        ['image-mutable-tag', 1, 'warning'],
        ['rbac-wildcard', 2, 'note'],
      ],
    );
    const [privileged, expired, excepted, wildcard] = results as [Result, Result, Result, Result];
    assert.equal(privileged.message.text, 'container "app" runs privileged (Deployment shop/web).');
    assert.deepEqual(privileged.locations![0]!.physicalLocation, {
      artifactLocation: { uri: 'manifests/shop%20app/deploy%20%231%20(%C3%BC).yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 21, startColumn: 23 },
    });
    assert.equal(decodeURIComponent(privileged.locations![0]!.physicalLocation!.artifactLocation!.uri!), SPECIAL_FILE);
    assert.deepEqual(privileged.locations![0]!.logicalLocations, [{ name: 'web', fullyQualifiedName: 'shop/Deployment/web', kind: 'resource' }]);
    assert.equal(wildcard.locations![0]!.logicalLocations![0]!.fullyQualifiedName, 'ClusterRole/everything');
    assert.deepEqual(wildcard.locations![0]!.physicalLocation, {
      artifactLocation: { uri: 'rbac/roles.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    }, 'backslashes become slashes; an unknown line becomes line 1');
    assert.equal(excepted.locations![0]!.physicalLocation!.artifactLocation!.uri, 'stdin');

    assert.deepEqual(excepted.suppressions, [
      { kind: 'external', status: 'accepted', justification: 'break-glass debug pod (owner: sre; expires: 2099-12-31; from Pod tools/debug)' },
    ]);
    assert.equal(expired.suppressions, undefined, 'an expired exception suppresses nothing');
    assert.match(expired.message.text ?? '', /exception expired on 2024-01-31/);
    assert.equal(privileged.suppressions, undefined);
    assert.deepEqual(wildcard.properties?.evidence, { found: { verbs: ['*'], missing: null, big: '10' }, expected: 'explicit verbs' });
  });

  it('fingerprints a finding by control, resource and path, not by line', async () => {
    const report = sampleReport();
    const finding = report.resources[0]!.findings[0]!;
    const source = finding.source as FileLocation;
    const moved = { ...finding, source: { ...source, line: source.line + 40 } };
    const upgraded = { ...finding, resource: { ...finding.resource, apiVersion: 'apps/v2' } };
    assert.equal(fingerprint(moved), fingerprint(finding));
    assert.equal(fingerprint(upgraded), fingerprint(finding), 'a version bump of the API keeps the alert');
    assert.notEqual(fingerprint({ ...finding, path: 'spec.template.spec.containers[1].securityContext.privileged' }), fingerprint(finding));
    assert.notEqual(fingerprint({ ...finding, resource: { ...finding.resource, namespace: 'other' } }), fingerprint(finding));
    assert.notEqual(fingerprint({ ...finding, resource: { ...finding.resource, apiVersion: 'example.com/v1' } }), fingerprint(finding));
    assert.notEqual(fingerprint({ ...finding, controlId: 'pss-host-pid' }), fingerprint(finding));
    const { log } = await sarifOf(report);
    const fingerprints = resultsOf(log).map((result) => result.partialFingerprints?.[FINGERPRINT_KEY]);
    assert.equal(fingerprints[0], fingerprint(finding));
    assert.equal(new Set(fingerprints).size, fingerprints.length);
  });

  it('reports input errors as notifications of an unsuccessful invocation', async () => {
    const { log, text } = await sarifOf(sampleReport());
    const invocation = log.runs[0]!.invocations![0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications?.map((n) => [n.level, n.descriptor?.id, n.locations?.[0]?.physicalLocation?.artifactLocation?.uri, n.locations?.[0]?.physicalLocation?.region?.startLine]),
      [
        ['error', 'parse-failed', 'broken.yaml', 3],
        ['error', 'read-failed', 'gone%20%26%20%3Clost%3E.yaml', 1],
      ],
    );
    assert.match(invocation.toolExecutionNotifications![0]!.message.text!, /^broken\.yaml: unexpected end/);
    assert.match(text, /broken\.yaml/);

    const clean = sampleReport();
    clean.errors = [];
    const { log: cleanLog } = await sarifOf(clean);
    assert.equal(cleanLog.runs[0]!.invocations![0]!.executionSuccessful, true);
    assert.deepEqual(cleanLog.runs[0]!.invocations![0]!.toolExecutionNotifications, []);
  });

  it('turns every kind of source path into an artifact location', () => {
    assert.deepEqual(artifactLocation('k8s/app.yaml'), { uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('./k8s//app.yaml'), { uri: 'k8s/app.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('..\\charts\\web\\templates\\deploy.yaml'), { uri: '../charts/web/templates/deploy.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('a:b/100%.yaml'), { uri: 'a%3Ab/100%25.yaml', uriBaseId: '%SRCROOT%' }, 'no segment reads as a scheme');
    assert.deepEqual(artifactLocation('/srv/k8s/my app.yaml'), { uri: 'file:///srv/k8s/my%20app.yaml' });
    assert.deepEqual(artifactLocation('C:\\work\\app.yaml'), { uri: 'file:///C:/work/app.yaml' });
    assert.equal(artifactLocation('-')?.uri, 'stdin');
    assert.equal(artifactLocation(''), undefined);
  });
});
