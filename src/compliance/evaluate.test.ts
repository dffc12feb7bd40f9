/** Framework controls judged from a scan's tallies, findings, platforms and node results: one case per rule. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controlById } from '../controls/registry.js';
import type { ControlMeta } from '../controls/types.js';
import type { AppliedException, Finding } from '../model/finding.js';
import type { ControlTally } from '../model/report.js';
import { evaluateFramework, type ComplianceEvidence } from './evaluate.js';
import type { FrameworkControl, NodeCheckResult } from './types.js';

const meta = (id: string): ControlMeta => controlById(id)!.meta;

function tally(controlId: string, counts: Partial<Omit<ControlTally, 'controlId' | 'severity'>>): ControlTally {
  return { controlId, severity: meta(controlId).severity, evaluated: 0, failed: 0, excepted: 0, ...counts };
}

function finding(controlId: string, name: string, exception: AppliedException | null = null): Finding {
  const control = meta(controlId);
  return {
    controlId, title: control.title, severity: control.severity, category: control.category, message: `${name} breaks ${controlId}`,
    resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name }, source: { file: 'shop.yaml', line: 3 },
    path: 'spec', evidence: { found: true, expected: 'false' }, remediation: control.remediation, frameworks: control.frameworks, exception,
  };
}

function node(checkId: string, status: NodeCheckResult['status'], message = `${checkId} ${status}`): NodeCheckResult {
  return { checkId, node: 'worker-1', status, expected: 'as CIS says', message };
}

/** Judges one framework control; the scan ran every control these cases name. */
function judge(control: FrameworkControl, evidence: Partial<ComplianceEvidence> = {}) {
  const tallies = evidence.tallies ?? [];
  const report = evaluateFramework(
    { id: 'test', title: 'Test framework', version: '1', description: 'cases', controls: [control] },
    { findings: [], controls: tallies.map((each) => meta(each.controlId)), platforms: [], nodeResults: [], ...evidence, tallies },
  );
  return report.controls[0]!;
}

const exception: AppliedException = { source: 'file', reason: 'reviewed in SEC-1', owner: 'team-a', expires: '2027-01-01', status: 'active', origin: 'exceptions.yaml' };

describe('evaluateFramework', () => {
  it('passes a control whose checks judged resources and found nothing open', () => {
    const result = judge({ id: '1', title: 'no privileged', checks: ['pss-privileged'] }, { tallies: [tally('pss-privileged', { evaluated: 4 })] });
    assert.equal(result.status, 'pass');
    assert.deepEqual(result.findings, []);
  });

  it('fails on an open finding and shows it', () => {
    const open = finding('pss-privileged', 'web');
    const other = finding('pss-host-ports', 'api');
    const result = judge({ id: '1', title: 'no privileged', checks: ['pss-privileged'] }, {
      tallies: [tally('pss-privileged', { evaluated: 4, failed: 1 }), tally('pss-host-ports', { evaluated: 4, failed: 1 })],
      findings: [open, other],
    });
    assert.equal(result.status, 'fail');
    assert.deepEqual(result.findings, [open]);
  });

  it('passes when active exceptions cover every finding, and shows them with their exception', () => {
    const excepted = finding('pss-privileged', 'agent', exception);
    const result = judge({ id: '1', title: 'no privileged', checks: ['pss-privileged'] }, {
      tallies: [tally('pss-privileged', { evaluated: 2, excepted: 1 })],
      findings: [excepted],
    });
    assert.equal(result.status, 'pass');
    assert.deepEqual(result.findings[0]!.exception, exception);
  });

  it('is not applicable when nothing the check judges was scanned, saying what was missing', () => {
    const result = judge({ id: '5.1.2', title: 'secrets access', checks: ['rbac-secrets-read'] }, { tallies: [tally('rbac-secrets-read', {})] });
    assert.equal(result.status, 'not-applicable');
    assert.equal(result.reason, 'no Role or ClusterRole objects scanned');
  });

  it('says node checks were not run when no node results were given', () => {
    const result = judge({ id: '4.2.1', title: 'kubelet anonymous auth', checks: ['node-cis-4.2.1'] });
    assert.equal(result.status, 'not-applicable');
    assert.match(result.reason!, /^node checks not run: run kspm node/);
  });

  it('fails on a failing node result and passes on passing ones', () => {
    const failing = node('node-cis-4.2.1', 'fail');
    const failed = judge({ id: '4.2.1', title: 'kubelet anonymous auth', checks: ['node-cis-4.2.1'] }, { nodeResults: [node('node-cis-4.2.1', 'pass'), failing] });
    assert.equal(failed.status, 'fail');
    assert.deepEqual(failed.nodeResults, [node('node-cis-4.2.1', 'pass'), failing]);
    const passed = judge({ id: '4.2.1', title: 'kubelet anonymous auth', checks: ['node-cis-4.2.1'] }, { nodeResults: [node('node-cis-4.2.1', 'pass')] });
    assert.equal(passed.status, 'pass');
  });

  it('is not applicable when every node says the check does not apply, with the node and its message', () => {
    const result = judge({ id: '1.1.1', title: 'apiserver manifest mode', checks: ['node-cis-1.1.1'] }, { nodeResults: [node('node-cis-1.1.1', 'not-applicable', 'no API server manifest on this node')] });
    assert.equal(result.status, 'not-applicable');
    assert.equal(result.reason, 'worker-1: no API server manifest on this node');
  });

  it('says which node check no node reported when other node results were given', () => {
    const result = judge({ id: '4.1.1', title: 'kubelet unit mode', checks: ['node-cis-4.1.1'] }, { nodeResults: [node('node-cis-4.2.1', 'pass')] });
    assert.equal(result.status, 'not-applicable');
    assert.equal(result.reason, 'no node report has this check');
  });

  it('fails an API-side control-plane check on a node result with the same id (kspm node runs it on local processes)', () => {
    const result = judge({ id: '1.2.1', title: 'anonymous auth', checks: ['apiserver-anonymous-auth'] }, {
      tallies: [tally('apiserver-anonymous-auth', {})],
      nodeResults: [node('apiserver-anonymous-auth', 'fail')],
    });
    assert.equal(result.status, 'fail');
  });

  it('is not applicable on clusters whose provider runs what the control is about, and judged elsewhere', () => {
    const control: FrameworkControl = { id: '1.2.1', title: 'anonymous auth', checks: ['rbac-anonymous-binding'], providerManaged: ['eks', 'gke'] };
    const tallies = [tally('rbac-anonymous-binding', { evaluated: 3, failed: 1 })];
    const managed = judge(control, { tallies, platforms: ['eks', 'gke'] });
    assert.equal(managed.status, 'not-applicable');
    assert.match(managed.reason!, /provider \(eks, gke\)/);
    assert.equal(judge(control, { tallies, platforms: ['eks', 'kubeadm'] }).status, 'fail');
    assert.equal(judge(control, { tallies, platforms: [] }).status, 'fail');
  });

  it('lets the other checks decide when the provider runs the control plane a check reads', () => {
    const hidden = 'the control plane of prod is run by its provider (eks) and not visible through the API';
    const control: FrameworkControl = { id: 'rbac', title: 'rbac', checks: ['apiserver-authorization-rbac', 'rbac-wildcard-verbs'] };
    const result = judge(control, { tallies: [tally('apiserver-authorization-rbac', { notApplicable: hidden }), tally('rbac-wildcard-verbs', { evaluated: 5 })] });
    assert.equal(result.status, 'pass');
    const alone = judge({ id: '1.2.8', title: 'rbac', checks: ['apiserver-authorization-rbac'] }, { tallies: [tally('apiserver-authorization-rbac', { notApplicable: hidden })] });
    assert.equal(alone.status, 'not-applicable');
    assert.equal(alone.reason, hidden);
  });

  it('does not pass a control whose other check was never run (images not scanned), naming that check', () => {
    const unscanned = 'the images were not scanned (kspm scan --images scans them)';
    const result = judge({ id: 'images', title: 'images', checks: ['image-mutable-tag', 'image-critical-vulnerabilities'] }, {
      tallies: [tally('image-mutable-tag', { evaluated: 5 }), tally('image-critical-vulnerabilities', { notApplicable: unscanned })],
    });
    assert.equal(result.status, 'not-applicable');
    assert.equal(result.reason, `image-critical-vulnerabilities: ${unscanned}`);
  });

  it('groups the checks that share a reason', () => {
    const result = judge({ id: 'kubelet', title: 'kubelet', checks: ['node-cis-4.2.1', 'node-cis-4.2.2', 'pss-privileged'] }, { tallies: [tally('pss-privileged', {})] });
    assert.equal(result.reason, 'node-cis-4.2.1, node-cis-4.2.2: node checks not run: run kspm node on the nodes and pass its JSON with --node-results; pss-privileged: no workloads scanned');
  });

  it('reports a manual control with why and what to audit', () => {
    const result = judge({ id: 'segmentation', title: 'nodes segmented', manual: { reason: 'outside the API', audit: 'read the firewall rules' } });
    assert.deepEqual({ status: result.status, reason: result.reason, audit: result.audit }, { status: 'manual', reason: 'outside the API', audit: 'read the firewall rules' });
  });

  it('leaves a partly automated control manual when its checks pass, and fails it when they do not', () => {
    const control: FrameworkControl = { id: 'images', title: 'images', checks: ['image-mutable-tag'], manual: { reason: 'signing is not visible', audit: 'check the admission policy' } };
    const passing = judge(control, { tallies: [tally('image-mutable-tag', { evaluated: 2 })] });
    assert.equal(passing.status, 'manual');
    assert.match(passing.reason!, /checks pass; the rest is manual: signing is not visible/);
    assert.equal(judge(control, { tallies: [tally('image-mutable-tag', { evaluated: 2, failed: 1 })] }).status, 'fail');
  });

  it('scores passed / (passed + failed) to one decimal, null when nothing was decided, and counts every status', () => {
    const controls: FrameworkControl[] = [
      { id: 'a', title: 'a', checks: ['pss-privileged'] },
      { id: 'b', title: 'b', checks: ['pss-host-ports'] },
      { id: 'c', title: 'c', checks: ['pss-sysctls'] },
      { id: 'd', title: 'd', manual: { reason: 'r', audit: 'a' } },
      { id: 'e', title: 'e', checks: ['node-cis-4.2.1'] },
    ];
    const tallies = [tally('pss-privileged', { evaluated: 1 }), tally('pss-host-ports', { evaluated: 1 }), tally('pss-sysctls', { evaluated: 1, failed: 1 })];
    const report = evaluateFramework({ id: 't', title: 'T', version: '1', description: 'd', controls }, { findings: [], tallies, controls: tallies.map((each) => meta(each.controlId)), platforms: [], nodeResults: [] });
    assert.equal(report.score, 66.7);
    assert.deepEqual(report.counts, { pass: 2, fail: 1, manual: 1, 'not-applicable': 1 });
    const undecided = evaluateFramework({ id: 't', title: 'T', version: '1', description: 'd', controls: [controls[3]!] }, { findings: [], tallies: [], controls: [], platforms: [], nodeResults: [] });
    assert.equal(undecided.score, null);
  });
});
