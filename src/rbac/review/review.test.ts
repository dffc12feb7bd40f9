import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapRbac } from '../../../test/helpers/api-server/fixtures.js';
import { sharedData } from '../../../test/helpers/shared.js';
import { generateRbacEstate } from '../../../bench/rbac-estate.js';
import type { K8sObject } from '../../model/k8s.js';
import { SEVERITY_RANK } from '../../model/severity.js';
import { clusterViewOf } from '../cluster-view.js';
import { describeSubject } from '../users.js';
import { buildReview, type ReviewRow } from './review.js';
import { comparableFlags, estateView, expectedFlags, findRow } from './testing.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const view = estateView();
const review = buildReview(view, { includeSystem: true, now: NOW, sources: ['estate.yaml'] });
const row = (kind: string, name: string, namespace?: string) => findRow(review.rows, kind, name, namespace);
const flags = (subject: ReviewRow) => subject.risks.map((flag) => `${flag.severity} ${flag.id}`);

describe('buildReview on a hand-built estate', () => {
  it('has a row for every subject a binding names and every service account that runs a workload, and no other', () => {
    assert.deepEqual(review.rows.map((each) => describeSubject(each.subject)).sort(), [
      'Group platform', 'Group shop-devs', 'Group sre',
      'Group system:authenticated', 'Group system:serviceaccounts:shop', 'Group system:unauthenticated',
      'ServiceAccount ci/builder', 'ServiceAccount kube-system/deployment-controller', 'ServiceAccount shop/deployer', 'ServiceAccount shop/web',
      'User alice@example.com', 'User bob', 'User carol', 'User dave', 'User erin', 'User frank', 'User gina',
      'User system:anonymous', 'User system:kube-scheduler',
    ]);
    assert.equal(review.counts.subjects, 19);
    assert.deepEqual(review.counts.byKind, { User: 9, Group: 6, ServiceAccount: 4 });
  });

  it('flags each power where it is granted, at the severity of its scope, highest first', () => {
    const cases: [ReviewRow, string[]][] = [
      [row('ServiceAccount', 'builder', 'ci'), ['high secrets-read']],
      [row('User', 'alice@example.com'), ['critical cluster-admin']],
      [row('Group', 'platform'), ['critical cluster-admin']],
      [row('Group', 'sre'), ['critical nodes-proxy', 'high pods-exec']],
      [row('User', 'bob'), ['high create-workloads', 'high sa-token-create']],
      // The service account also inherits cluster-wide secret reading from a group of its namespace.
      [row('ServiceAccount', 'deployer', 'shop'), ['critical secrets-read', 'high create-workloads', 'high sa-token-create']],
      [row('ServiceAccount', 'web', 'shop'), ['critical secrets-read']],
      [row('User', 'carol'), ['critical impersonate', 'critical escalate', 'critical bind']],
      [row('User', 'gina'), ['high bind']],
      [row('User', 'dave'), ['critical webhook-config-write', 'high pv-create']],
      [row('User', 'erin'), ['medium namespace-write']],
      [row('Group', 'shop-devs'), ['medium wildcard']],
      [row('User', 'frank'), []],
      [row('User', 'system:anonymous'), ['high anonymous-access']],
      [row('Group', 'system:unauthenticated'), []],
      [row('Group', 'system:serviceaccounts:shop'), ['critical secrets-read']],
      [row('ServiceAccount', 'deployment-controller', 'kube-system'), ['critical create-workloads']],
    ];
    for (const [subject, expected] of cases) assert.deepEqual(flags(subject), expected, describeSubject(subject.subject));
  });

  it('names the grant behind each flag: binding, role, scope, the group it comes through, and names it is limited to', () => {
    assert.deepEqual(row('ServiceAccount', 'builder', 'ci').risks[0]?.grants, [
      { binding: { kind: 'RoleBinding', name: 'ci-reads-secrets', namespace: 'ci' }, role: { kind: 'ClusterRole', name: 'secret-reader' }, namespace: 'ci' },
    ]);
    assert.deepEqual(row('ServiceAccount', 'deployer', 'shop').risks[0]?.grants, [
      { binding: { kind: 'ClusterRoleBinding', name: 'every-service-account-reads-secrets' }, role: { kind: 'ClusterRole', name: 'secret-reader' }, through: { kind: 'Group', name: 'system:serviceaccounts:shop' } },
    ]);
    assert.deepEqual(row('User', 'gina').risks[0]?.grants, [
      { binding: { kind: 'RoleBinding', name: 'gina-grants-view', namespace: 'shop' }, role: { kind: 'ClusterRole', name: 'view-granter' }, namespace: 'shop', resourceNames: ['view'] },
    ]);
  });

  it('counts CSR approval only with approve on a signer, as the API server requires both', () => {
    const approver = (rules: unknown[]): K8sObject[] => [
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'approver' }, rules },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'approver' }, roleRef: { kind: 'ClusterRole', name: 'approver' }, subjects: [{ kind: 'User', name: 'csr-bot' }] },
    ];
    const approval = { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] };
    const signer = { apiGroups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'], resourceNames: ['kubernetes.io/kube-apiserver-client'] };
    const flagsOf = (rules: unknown[]) => flags(findRow(buildReview(clusterViewOf(approver(rules)), { includeSystem: true }).rows, 'User', 'csr-bot'));
    assert.deepEqual(flagsOf([approval]), []);
    assert.deepEqual(flagsOf([approval, signer]), ['high csr-approve']);
  });

  it('agrees with the authorizer, asked one request at a time, for every subject', () => {
    for (const subject of review.rows) {
      const { found, wanted } = comparableFlags(subject, expectedFlags(view, subject.subject));
      assert.deepEqual(found, wanted, describeSubject(subject.subject));
    }
  });

  it('lists the bindings that name a subject, the groups it inherits from, and a role that is missing', () => {
    const bob = row('User', 'bob');
    assert.deepEqual(bob.bindings, [{ binding: { kind: 'RoleBinding', name: 'deploy', namespace: 'shop' }, role: { kind: 'Role', name: 'deployer', namespace: 'shop' }, namespace: 'shop', roleFound: true }]);
    assert.deepEqual(bob.inherited, [{ group: 'system:authenticated', bindings: 1 }]);
    const frank = row('User', 'frank');
    assert.deepEqual(frank.bindings.map((binding) => binding.roleFound), [false]);
    assert.deepEqual(frank.permissions, []);
    const web = row('ServiceAccount', 'web', 'shop');
    assert.deepEqual(web.bindings, []);
    assert.deepEqual(web.inherited, [{ group: 'system:authenticated', bindings: 1 }, { group: 'system:serviceaccounts:shop', bindings: 1 }]);
  });

  it("summarises a subject's own permissions per scope, leaving inherited ones to the groups' rows", () => {
    assert.deepEqual(row('ServiceAccount', 'deployer', 'shop').permissions.map(({ namespace, summary }) => ({ namespace, summary })), [
      { namespace: 'shop', summary: 'create on serviceaccounts/token (core); create,get,list,update on deployments (apps)' },
    ]);
    assert.deepEqual(row('Group', 'sre').permissions.map(({ namespace, summary }) => ({ namespace, summary })), [
      { namespace: undefined, summary: 'create on pods/exec (core); get on nodes/proxy (core); get on pods (core) named toolbox' },
    ]);
    assert.deepEqual(row('Group', 'system:unauthenticated').permissions[0]?.lines, [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] }]);
  });

  it('lists the top-level workloads a service account runs, with its pods, and not their ReplicaSets or Pods', () => {
    const web = row('ServiceAccount', 'web', 'shop');
    assert.deepEqual(web.workloads, [{ kind: 'Deployment', namespace: 'shop', name: 'web', privileged: false, hostPath: false }]);
    assert.equal(web.pods, 2);
    assert.deepEqual(row('ServiceAccount', 'deployer', 'shop').workloads, [{ kind: 'Pod', namespace: 'shop', name: 'debug', privileged: true, hostPath: false }]);
    assert.deepEqual(row('ServiceAccount', 'builder', 'ci').workloads.map((workload) => workload.kind), ['CronJob']);
    assert.deepEqual(row('User', 'bob').workloads, []);
  });

  it('puts the riskiest rows first and leaves every sign-off empty', () => {
    const ranks = review.rows.map((each) => (each.risks[0] ? SEVERITY_RANK[each.risks[0].severity] : -1));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
    assert.ok(review.rows.every((each) => each.signOff === ''));
    assert.deepEqual(review.counts.byRisk, { critical: 9, high: 4, medium: 2, low: 0, info: 0 });
  });

  it('heads the review with when, from what and how many', () => {
    assert.equal(review.generatedAt, '2026-11-27T10:00:00.000Z');
    assert.deepEqual(review.sources, ['estate.yaml']);
    assert.equal(review.reviewVersion, '1.0.0');
    assert.equal(review.counts.roles, 12);
    assert.equal(review.counts.bindings, 15);
  });
});

describe('system subjects', () => {
  const system = review.rows.filter((each) => each.system).map((each) => describeSubject(each.subject)).sort();

  it("are Kubernetes' own identities bound only by default bindings, never an anonymous grant", () => {
    assert.deepEqual(system, ['Group system:authenticated', 'Group system:unauthenticated', 'ServiceAccount kube-system/deployment-controller', 'User system:kube-scheduler']);
    assert.equal(row('User', 'system:anonymous').system, false, 'anonymous access is never hidden');
    assert.equal(row('Group', 'system:serviceaccounts:shop').system, false, 'bound by a binding of its own');
  });

  it('are left out without includeSystem, and counted', () => {
    const hidden = buildReview(view, { includeSystem: false, now: NOW });
    assert.equal(hidden.rows.length, 15);
    assert.ok(hidden.rows.every((each) => !each.system));
    assert.deepEqual({ subjects: hidden.counts.subjects, listed: hidden.counts.listed, system: hidden.counts.system, hidden: hidden.counts.hidden }, { subjects: 19, listed: 15, system: 4, hidden: 4 });
    assert.equal(review.counts.hidden, 0);
  });
});

const bootstrap = sharedData('k8s-rbac-bootstrap');
describe('the default RBAC objects of a recent API server', { skip: bootstrap === undefined && 'shared data absent' }, () => {
  const objects = () => bootstrapRbac(bootstrap!) as K8sObject[];
  const defaults = clusterViewOf(objects());
  const all = buildReview(defaults, { includeSystem: true, now: NOW });

  it('are all system subjects: a review without them is empty, and says how many it left out', () => {
    assert.ok(all.rows.length > 50, `${all.rows.length} rows`);
    assert.deepEqual(all.rows.filter((each) => !each.system).map((each) => describeSubject(each.subject)), []);
    const hidden = buildReview(defaults, { includeSystem: false, now: NOW });
    assert.deepEqual(hidden.rows, []);
    assert.equal(hidden.counts.hidden, all.rows.length);
  });

  it('flag what the controllers and components may do, and nothing for the public groups', () => {
    const flagged = (kind: string, name: string, namespace?: string) => flags(findRow(all.rows, kind, name, namespace));
    assert.deepEqual(flagged('Group', 'system:masters'), ['critical cluster-admin']);
    assert.equal(findRow(all.rows, 'Group', 'system:masters').risks[0]?.reason, 'members of system:masters pass every authorization check, whatever the bindings say');
    assert.ok(flagged('ServiceAccount', 'clusterrole-aggregation-controller', 'kube-system').includes('critical escalate'));
    assert.ok(flagged('ServiceAccount', 'replicaset-controller', 'kube-system').includes('critical create-workloads'));
    assert.ok(flagged('User', 'system:kube-controller-manager').includes('critical secrets-read'));
    assert.deepEqual(flagged('Group', 'system:unauthenticated'), []);
    assert.deepEqual(flagged('Group', 'system:authenticated'), []);
  });

  it('agree with the authorizer, asked one request at a time, for every subject', () => {
    for (const subject of all.rows) {
      const { found, wanted } = comparableFlags(subject, expectedFlags(defaults, subject.subject));
      assert.deepEqual(found, wanted, describeSubject(subject.subject));
    }
  });

  it('show a public group once someone binds it beyond the defaults, and flag every member through it', () => {
    const oops: K8sObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'everyone-is-admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'Group', name: 'system:authenticated' }],
    };
    const shown = buildReview(clusterViewOf([...objects(), oops]), { includeSystem: false, now: NOW });
    assert.deepEqual(shown.rows.map((each) => describeSubject(each.subject)), ['Group system:authenticated']);
    assert.deepEqual(flags(shown.rows[0]!), ['critical cluster-admin']);
    const scheduler = findRow(buildReview(clusterViewOf([...objects(), oops]), { includeSystem: true }).rows, 'User', 'system:kube-scheduler');
    assert.deepEqual(scheduler.risks[0]?.grants[0]?.through, { kind: 'Group', name: 'system:authenticated' });
  });
});

describe('a seeded estate of the benchmark kind', () => {
  const seeded = clusterViewOf(generateRbacEstate({ subjects: 120, roles: 60, bindings: 300, namespaces: 6, seed: 7 }).objects);
  const rows = buildReview(seeded, { includeSystem: true }).rows;

  it('has every subject flagged as the authorizer, asked one request at a time, implies', () => {
    assert.ok(rows.length >= 100, `${rows.length} rows`);
    assert.ok(rows.some((each) => each.risks.length > 0));
    for (const subject of rows) {
      const { found, wanted } = comparableFlags(subject, expectedFlags(seeded, subject.subject));
      assert.deepEqual(found, wanted, describeSubject(subject.subject));
    }
  });
});
