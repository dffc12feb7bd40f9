import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessRisk, rankFindings } from './assess.js';
import { findingIds } from './finding-ids.js';
import { deployment, finding, inventoryOf, loadBalancer, namespace, objects, scanned, secretsReader, vulnerability, clusterAdmin, denyIngress } from './testing.js';

const ESTATE = objects([
  namespace('shop'), namespace('batch'), namespace('tools'), namespace('payments', true),
  deployment('shop', 'web', { serviceAccount: 'web', replicas: 8 }), loadBalancer('shop', 'web'), secretsReader('shop', 'web'),
  deployment('batch', 'worker'),
  deployment('tools', 'debug'),
  deployment('payments', 'ledger'),
].join('\n---\n'));

const IMAGES = new Map([scanned('registry.example/web:1', [vulnerability('CVE-2024-1234', 'CRITICAL', '3.0.13-1')])]);

const FINDINGS = [
  finding('resources-missing-limits', 'medium', 'Deployment batch/worker'),
  finding('resources-missing-limits', 'medium', 'Deployment shop/web'),
  finding('pss-privileged', 'critical', 'Deployment tools/debug', 'spec.template.spec.containers[0].securityContext.privileged'),
  finding('image-critical-vulnerabilities', 'critical', 'Deployment shop/web', 'spec.template.spec.containers[0].image'),
  finding('resources-missing-limits', 'medium', 'Deployment payments/ledger'),
  finding('service-loadbalancer', 'low', 'Service shop/web'),
];

function scoresById(assessment: ReturnType<typeof assessRisk>) {
  return new Map(assessment.findings.map((risk) => [risk.findingId, risk]));
}

describe('assessRisk', () => {
  const inventory = inventoryOf(ESTATE, IMAGES);
  const assessment = assessRisk({ findings: FINDINGS, inventory });
  const ids = findingIds(FINDINGS);
  const byId = scoresById(assessment);
  const score = (index: number) => byId.get(ids[index]!)!;

  it('explains each factor with its evidence', () => {
    const web = score(1);
    assert.deepEqual(web.factors.map((factor) => factor.name), ['internet-exposed', 'service-account-reads-secrets', 'fixable-vulnerabilities', 'replicas']);
    assert.match(web.factors[0]!.evidence, /LoadBalancer Service shop\/web \(no NetworkPolicy isolates its pods for ingress\)/);
    assert.match(web.factors[1]!.evidence, /ServiceAccount shop\/web can read secrets in namespace shop \(Role shop\/web-secrets through RoleBinding shop\/web-secrets\)/);
    assert.match(web.factors[2]!.evidence, /critical CVE-2024-1234 in openssl 3\.0\.11-1 \(fixed in 3\.0\.13-1\)/);
    assert.deepEqual(web.factors[2]!.findingIds, [ids[3]]);
    assert.equal(web.factors[3]!.weight, 0.15, '8 replicas: three doublings of 0.05');
    assert.deepEqual(web.base, { severity: 'medium', points: 16 });
    assert.equal(web.score, Math.round(16 * (1 + 0.8 + 0.3 + 0.4 + 0.15)));
  });

  it('ranks the same severity by context: the exposed, secret-reading, vulnerable web over the idle worker', () => {
    // Both are "missing limits" (medium). web is internet-facing, its token reads shop's Secrets and its image has a
    // fixable critical CVE; worker has none of that, so its score is the bare severity.
    assert.ok(score(1).score > score(0).score);
    assert.equal(score(0).score, 16);
    assert.deepEqual(score(0).factors, []);
  });

  it('keeps severity the largest part: a privileged container outranks a medium finding on the exposed web', () => {
    // A privileged container hands its node to whoever gets in; "missing limits" on web, however exposed, is a
    // capacity problem: critical 40 x (1 + 0.6 host) = 64 against medium 16 x 2.65 = 42.
    assert.ok(score(2).score > score(1).score);
    assert.equal(score(2).factors[0]!.name, 'host-access');
    assert.deepEqual(score(2).factors[0]!.findingIds, [ids[2]]);
  });

  it('puts a critical CVE on an internet-facing workload above a privileged pod nobody can reach', () => {
    // Same severity; the CVE is on a workload the internet reaches and whose token reads Secrets, while the
    // privileged pod first needs a way in.
    assert.ok(score(3).score > score(2).score);
    assert.equal(rankFindings(assessment)[0]!.findingId, ids[3]);
  });

  it('weighs a sensitive namespace', () => {
    assert.deepEqual(score(4).factors.map((factor) => [factor.name, factor.evidence]), [['sensitive-namespace', 'namespace payments is labelled kspm.io/sensitive=true']]);
    assert.ok(score(4).score > score(0).score);
  });

  it('gives an entry point the exposure of the workloads behind it', () => {
    assert.deepEqual(score(5).factors.map((factor) => factor.name), ['internet-exposed']);
    assert.match(score(5).factors[0]!.evidence, /Service shop\/web carries internet traffic to Deployment shop\/web/);
  });

  it('scores workloads by their worst finding, with their own factors, worst first', () => {
    assert.deepEqual(assessment.workloads.map((risk) => `${risk.workload.namespace}/${risk.workload.name}`), ['shop/web', 'tools/debug', 'payments/ledger', 'batch/worker']);
    assert.equal(assessment.workloads[0]!.score, score(3).score);
    assert.deepEqual(assessment.workloads[0]!.findingIds, [ids[3], ids[1]]);
  });

  it('drops the exposure factor when a NetworkPolicy shuts the internet out', () => {
    const shut = assessRisk({ findings: FINDINGS, inventory: inventoryOf([...ESTATE, ...objects(denyIngress('shop'))], IMAGES) });
    const web = scoresById(shut).get(ids[1]!)!;
    assert.ok(!web.factors.some((factor) => factor.name === 'internet-exposed'));
    assert.ok(web.score < score(1).score);
  });

  it('counts a service account bound to cluster-admin as escalating, and KEV-listed CVEs when a KEV set is given', () => {
    const estate = objects([deployment('ops', 'agent', { serviceAccount: 'agent' }), clusterAdmin('ops', 'agent')].join('\n---\n'));
    const images = new Map([scanned('registry.example/agent:1', [vulnerability('CVE-2023-4863', 'HIGH')])]);
    const one = [finding('probes-missing-liveness', 'low', 'Deployment ops/agent')];
    const plain = assessRisk({ findings: one, inventory: inventoryOf(estate, images) });
    const withKev = assessRisk({ findings: one, inventory: inventoryOf(estate, images), kev: new Set(['CVE-2023-4863']) });
    assert.deepEqual(plain.findings[0]!.factors.map((factor) => factor.name), ['service-account-escalates']);
    assert.match(plain.findings[0]!.factors[0]!.evidence, /holds cluster-admin rights \(ClusterRole cluster-admin through ClusterRoleBinding agent-admin\)/);
    assert.deepEqual(withKev.findings[0]!.factors.map((factor) => factor.name), ['service-account-escalates', 'known-exploited']);
    assert.ok(withKev.findings[0]!.score > plain.findings[0]!.score);
  });

  it('gives the same scores whatever order objects and findings come in', () => {
    const backwards = assessRisk({ findings: [...FINDINGS].reverse(), inventory: inventoryOf([...ESTATE].reverse(), IMAGES) });
    assert.deepEqual(rankFindings(backwards), rankFindings(assessment));
    assert.deepEqual(backwards.workloads, assessment.workloads);
  });
});
