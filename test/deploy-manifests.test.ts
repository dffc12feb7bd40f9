/**
 * The manifests in deploy/ for running kspm inside a cluster: kspm rates them clean, the role grants reads only, and
 * it is enough for `kspm scan --cluster`, whose only coverage gaps are the resources the role leaves out on purpose.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { grants, roleRules, type PolicyRule } from '../src/controls/rbac/rules.js';
import { podTemplateOf } from '../src/inventory/pod-spec.js';
import { isRecord, list, record, type K8sObject } from '../src/model/k8s.js';
import { kspm, kspmAsync, type CliResult } from './helpers/cli.js';
import { estate } from './helpers/api-server/estate.js';
import { loginsFor, type Logins } from './helpers/api-server/fixtures.js';
import { readCoreResources, ResourceCatalogue, type CustomResource } from './helpers/api-server/resources.js';
import { start, type ApiServer } from './helpers/api-server/server.js';
import { REPO_ROOT, sharedData } from './helpers/shared.js';

const RBAC = join('deploy', 'rbac.yaml');
const CRONJOB = join('deploy', 'cronjob.yaml');
const IN_CLUSTER_CREDENTIALS = '/var/run/secrets/kubernetes.io/serviceaccount';

/** What deploy/rbac.yaml leaves out on purpose, as its opening comment explains. */
const LEFT_OUT = ['events', 'events.events.k8s.io', 'secrets'];
/** Of those, the ones kspm does list, so their refusal comes back as a coverage gap; it never lists events. */
const LEFT_OUT_AND_LISTED = ['secrets'];

/**
 * Groups the test API server does not serve by itself: one the role grants, one it leaves out, and a CRD's, which no
 * fixed role can name.
 */
const EXTRA_RESOURCES: CustomResource[] = [
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true },
  { group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', namespaced: true },
  { group: 'cert-manager.io', version: 'v1', kind: 'Certificate', plural: 'certificates', namespaced: true },
];
const CUSTOM_RESOURCE = 'certificates.cert-manager.io';

interface Report {
  findings: { controlId: string; resource: { kind: string; namespace?: string; name: string } }[];
  resources: { kind: string; namespace?: string; name: string }[];
  errors: unknown[];
  coverageGaps: { resource: string; status: number }[];
}

const json = (result: CliResult): Report => {
  assert.ok(result.stdout.startsWith('{'), `expected a JSON report, got:\n${result.stdout.slice(0, 400)}\n${result.stderr}`);
  return JSON.parse(result.stdout) as Report;
};

function manifests(file: string): K8sObject[] {
  return loadAll(readFileSync(join(REPO_ROOT, file), 'utf8')).filter(isRecord) as K8sObject[];
}

function find(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const object = objects.find((candidate) => candidate.kind === kind && candidate.metadata?.name === name);
  assert.ok(object, `${kind} ${name} is in the manifests`);
  return object;
}

const rbacObjects = manifests(RBAC);
const cronJobObjects = manifests(CRONJOB);
const roleRulesOf = (): PolicyRule[] => roleRules(find(rbacObjects, 'ClusterRole', 'kspm-reader')).map(({ rule }) => rule);

const mayList = (rules: readonly PolicyRule[], group: string, resource: string): boolean =>
  rules.some((rule) => grants(rule, { verb: 'list', group, resource }) !== undefined);

describe('deploy/ manifests', () => {
  it('kspm finds nothing wrong in the RBAC manifests', () => {
    const result = kspm(['scan', RBAC, '-o', 'json']);
    const report = json(result);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.resources.map((resource) => `${resource.kind} ${resource.name}`).sort(),
      ['ClusterRole kspm-reader', 'ClusterRoleBinding kspm-reader', 'Namespace kspm', 'ServiceAccount kspm']);
    assert.deepEqual(report.findings, []);
  });

  it('kspm finds nothing wrong in the CronJob and its network policies, the image tag included', () => {
    const result = kspm(['scan', CRONJOB, '-o', 'json']);
    const report = json(result);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.resources.map((resource) => `${resource.kind} ${resource.name}`).sort(),
      ['CronJob kspm', 'NetworkPolicy default-deny', 'NetworkPolicy kspm-to-api-server']);
    assert.deepEqual(report.findings, []);
  });

  it('the role grants get, list and watch on named resources only: no secrets, wildcards or subresources', () => {
    const rules = roleRulesOf();
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      const where = JSON.stringify(rule);
      assert.deepEqual([...rule.verbs].sort(), ['get', 'list', 'watch'], where);
      assert.ok(!rule.apiGroups.includes('*') && !rule.resources.includes('*'), `wildcard in ${where}`);
      assert.ok(rule.resources.every((resource) => !resource.includes('/')), `subresource in ${where}`);
      assert.deepEqual(rule.resourceNames, [], where);
    }
    const raw = list(find(rbacObjects, 'ClusterRole', 'kspm-reader').rules);
    assert.ok(raw.every((rule) => record(rule)?.nonResourceURLs === undefined), 'no non-resource URLs');
    for (const verb of ['get', 'list', 'watch']) {
      assert.ok(!rules.some((rule) => grants(rule, { verb, group: '', resource: 'secrets' })), `${verb} secrets is not granted`);
    }
  });

  it('the CronJob runs `kspm scan --cluster` as the bound account, with a projected token where in-cluster clients look', () => {
    const binding = find(rbacObjects, 'ClusterRoleBinding', 'kspm-reader');
    assert.deepEqual(binding.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kspm-reader' });
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'kspm', namespace: 'kspm' }]);
    assert.equal(find(rbacObjects, 'ServiceAccount', 'kspm').automountServiceAccountToken, false);

    const cronJob = find(cronJobObjects, 'CronJob', 'kspm');
    assert.equal(cronJob.metadata?.namespace, 'kspm');
    const template = podTemplateOf(cronJob);
    assert.ok(template);
    assert.equal(template.spec.serviceAccountName, 'kspm');
    assert.equal(template.spec.automountServiceAccountToken, false);
    const [container] = list(template.spec.containers).filter(isRecord);
    assert.deepEqual(container?.args, ['scan', '--cluster', '-o', 'json']);
    const mount = list(container?.volumeMounts).filter(isRecord).find((entry) => entry.mountPath === IN_CLUSTER_CREDENTIALS);
    assert.equal(mount?.readOnly, true);
    const volume = list(template.spec.volumes).filter(isRecord).find((entry) => entry.name === mount?.name);
    const files = list(record(volume?.projected)?.sources).filter(isRecord).flatMap((source) => {
      const token = record(source.serviceAccountToken);
      if (token) return [token.path];
      return list(record(source.configMap ?? source.downwardAPI)?.items).filter(isRecord).map((item) => item.path);
    });
    assert.deepEqual(files.sort(), ['ca.crt', 'namespace', 'token']);
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) process.stderr.write('\n!!! SKIPPING: openssl is absent; the test API server needs it for its certificate !!!\n\n');
const discoveryDir = sharedData('k8s-discovery');

describe('the role is enough for a cluster scan (test API server)', { skip: !hasOpenssl || discoveryDir === undefined }, () => {
  let server: ApiServer;
  let logins: Logins;
  let forbidden: string[];

  before(async () => {
    // Everything the server serves that the role does not let kspm list is refused, as the real RBAC authorizer would.
    const rules = roleRulesOf();
    const catalogue = new ResourceCatalogue(readCoreResources(discoveryDir!), EXTRA_RESOURCES);
    forbidden = catalogue.groupVersions.flatMap(({ group, resources }) => resources
      .filter((resource) => !resource.name.includes('/') && resource.verbs.includes('list') && !mayList(rules, group, resource.name))
      .map((resource) => (group === '' ? resource.name : `${resource.name}.${group}`)));
    const objects = [...estate(), ...rbacObjects, ...cronJobObjects];
    server = await start({ objects, customResources: EXTRA_RESOURCES, gitVersion: 'v1.35.0', forbidden });
    logins = loginsFor(server);
  });
  after(async () => {
    logins?.remove();
    await server?.close();
  });

  it('scans the cluster; the only gaps are the resources the role leaves out, and kspm\'s own objects are clean', async () => {
    const result = await kspmAsync(['scan', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']);
    const report = json(result);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(report.errors, []);
    assert.deepEqual([...forbidden].sort(), [...LEFT_OUT, CUSTOM_RESOURCE].sort());
    const gaps = [...LEFT_OUT_AND_LISTED, CUSTOM_RESOURCE].sort();
    assert.deepEqual(report.coverageGaps.map((gap) => [gap.resource, gap.status]).sort(), gaps.map((resource) => [resource, 403]));

    assert.ok(report.resources.some((resource) => resource.kind === 'CronJob' && resource.name === 'kspm'), 'the CronJob was read back');
    assert.ok(report.findings.some((finding) => finding.resource.name === 'agent'), 'the scan judged the rest of the cluster');
    const own = report.findings.filter((finding) => finding.resource.namespace === 'kspm' || finding.resource.name.startsWith('kspm'));
    assert.deepEqual(own, []);
  });
});
