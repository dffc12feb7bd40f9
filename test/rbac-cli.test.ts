/** `kspm rbac who-can | can-i | permissions` as users run them: from manifests, a live cluster and a snapshot. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kspm, kspmAsync } from './helpers/cli.js';
import { loginsFor, type Logins } from './helpers/api-server/fixtures.js';
import { start, type ApiServer } from './helpers/api-server/server.js';
import { sharedData } from './helpers/shared.js';

const MANIFESTS = `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-reads-secrets, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects:
  - {kind: ServiceAccount, name: builder, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: debugger}
rules:
  - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
  - {apiGroups: [""], resources: [pods], verbs: [get], resourceNames: [toolbox]}
  - {nonResourceURLs: ["/metrics", "/debug/*"], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: sre-debug}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: debugger}
subjects:
  - {kind: Group, name: sre}
  - {kind: User, name: alice@example.com}
`;

describe('kspm rbac from manifests', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-rbac-'));
    writeFileSync(join(dir, 'rbac.yaml'), MANIFESTS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('who-can lists each subject with the binding and role that grant it, in table and JSON', () => {
    const table = kspm(['rbac', 'who-can', 'get', 'secrets', '-f', dir]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /ServiceAccount ci\/builder +namespace ci +RoleBinding ci\/ci-reads-secrets -> ClusterRole secret-reader/);
    const json = JSON.parse(kspm(['rbac', 'who-can', 'get', 'secrets', '-n', 'ci', '-f', dir, '-o', 'json']).stdout) as { subjects: unknown[] };
    assert.deepEqual(json.subjects, [{
      kind: 'ServiceAccount', name: 'builder', namespace: 'ci',
      via: [{ binding: { kind: 'RoleBinding', name: 'ci-reads-secrets', namespace: 'ci' }, role: { kind: 'ClusterRole', name: 'secret-reader' } }],
    }]);
    const elsewhere = JSON.parse(kspm(['rbac', 'who-can', 'get', 'secrets', '-n', 'shop', '-f', dir, '-o', 'json']).stdout) as { subjects: unknown[] };
    assert.deepEqual(elsewhere.subjects, [], 'a RoleBinding grants only in its namespace');
    const exec = JSON.parse(kspm(['rbac', 'who-can', 'create', 'pods/exec', '-f', dir, '-o', 'json']).stdout) as { subjects: { name: string }[] };
    assert.deepEqual(exec.subjects.map((subject) => subject.name), ['sre', 'alice@example.com']);
    const plainPods = JSON.parse(kspm(['rbac', 'who-can', 'create', 'pods', '-f', dir, '-o', 'json']).stdout) as { subjects: unknown[] };
    assert.deepEqual(plainPods.subjects, [], 'pods/exec does not grant pods');
  });

  it('can-i answers yes or no with kubectl exit codes, for service accounts, groups, names and URLs', () => {
    const ask = (...args: string[]) => kspm(['rbac', 'can-i', ...args, '-f', dir]);
    const sa = ask('list', 'secrets', '-n', 'ci', '--as', 'system:serviceaccount:ci:builder');
    assert.deepEqual([sa.status, sa.stdout], [0, 'yes\n']);
    const otherNamespace = ask('list', 'secrets', '-n', 'shop', '--as', 'system:serviceaccount:ci:builder');
    assert.deepEqual([otherNamespace.status, otherNamespace.stdout], [1, 'no\n']);
    const allNamespaces = ask('list', 'secrets', '-A', '--as', 'system:serviceaccount:ci:builder');
    assert.deepEqual([allNamespaces.status, allNamespaces.stdout], [1, 'no\n'], 'a RoleBinding does not reach all namespaces at once');
    assert.equal(ask('create', 'pods/exec', '--as', 'bob', '--as-group', 'sre').stdout, 'yes\n');
    assert.equal(ask('get', 'pods', 'toolbox', '--as', 'alice@example.com').stdout, 'yes\n');
    assert.equal(ask('get', 'pods', 'web', '--as', 'alice@example.com').stdout, 'no\n');
    assert.equal(ask('get', '/debug/pprof', '--as', 'alice@example.com').stdout, 'yes\n');
    assert.equal(ask('get', '/healthz', '--as', 'alice@example.com').stdout, 'no\n');
    assert.equal(ask('delete', 'nodes', '--as', 'root', '--as-group', 'system:masters').stdout, 'yes\n');
    const explained = ask('create', 'pods/exec', '--as', 'alice@example.com', '--explain');
    assert.match(explained.stdout, /^yes\nClusterRoleBinding sre-debug -> ClusterRole debugger: rule 0 \[create\] on pods\/exec \(core\)\n$/);
    const noUser = ask('get', 'pods');
    assert.equal(noUser.status, 2);
    assert.match(noUser.stderr, /needs --as USER/);
  });

  it('permissions merges one subject\'s rules, cluster-wide and per namespace', () => {
    const result = kspm(['rbac', 'permissions', '--as', 'alice@example.com', '-f', dir, '-o', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const document = JSON.parse(result.stdout) as { user: { groups: string[] }; scopes: { scope: string; rules: { verbs: string[]; resources: string[] }[] }[] };
    assert.deepEqual(document.user.groups, ['system:authenticated']);
    assert.deepEqual(document.scopes.map((scope) => [scope.scope, scope.rules.length]), [['cluster', 3]]);
    assert.match(kspm(['rbac', 'permissions', '--as', 'system:serviceaccount:ci:builder', '-f', dir]).stdout, /In namespace ci \(RoleBindings\)\nVERBS +RESOURCES[^\n]*\nget,list +secrets +core/);
  });

  it('refuses unclear sources and bad resources with a one-line error', () => {
    const none = kspm(['rbac', 'who-can', 'get', 'pods']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /needs what to read: --cluster \(or --context NAME\), --snapshot FILE or -f PATH/);
    const both = kspm(['rbac', 'who-can', 'get', 'pods', '-f', dir, '--snapshot', join(dir, 'x.gz')]);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /reads one cluster/);
    const bad = kspm(['rbac', 'who-can', 'get', 'pods/exec/x', '-f', dir]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /invalid resource "pods\/exec\/x"/);
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const discoveryDir = sharedData('k8s-discovery');
if (!hasOpenssl) process.stderr.write('\n!!! SKIPPING: openssl is absent; the test API server needs it for its certificate !!!\n\n');

describe('kspm rbac against a live cluster and its snapshot', { skip: !hasOpenssl || discoveryDir === undefined }, () => {
  let server: ApiServer;
  let logins: Logins;
  let dir: string;
  before(async () => {
    const { loadAll } = await import('js-yaml');
    server = await start({ objects: loadAll(MANIFESTS) as unknown[] });
    logins = loginsFor(server);
    dir = mkdtempSync(join(tmpdir(), 'kspm-rbac-live-'));
  });
  after(async () => {
    logins?.remove();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same answers from the cluster, from its snapshot and from the manifests', async () => {
    const live = await kspmAsync(['rbac', 'who-can', 'create', 'pods/exec', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']);
    assert.equal(live.status, 0, live.stderr);
    const snapshot = join(dir, 'rbac.snapshot.gz');
    assert.equal((await kspmAsync(['collect', '--kubeconfig', logins.token.path, '-o', snapshot])).status, 0);
    const offline = await kspmAsync(['rbac', 'who-can', 'create', 'pods/exec', '--snapshot', snapshot, '-o', 'json']);
    assert.equal(offline.stdout, live.stdout);
    const canI = await kspmAsync(['rbac', 'can-i', 'get', 'secrets', '-n', 'ci', '--as', 'system:serviceaccount:ci:builder', '--cluster', '--kubeconfig', logins.token.path]);
    assert.deepEqual([canI.status, canI.stdout], [0, 'yes\n']);
  });
});

describe('kspm rbac review and escalations', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-rbac-paths-'));
    writeFileSync(join(dir, 'estate.yaml'), `
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: ci}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: deployer, namespace: ci}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: deploy-bot, namespace: ci}
spec: {template: {spec: {serviceAccountName: deployer, containers: [{name: bot, image: bot:1}]}}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-maker, namespace: ci}
rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: builder-makes-pods, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-maker}
subjects: [{kind: ServiceAccount, name: builder, namespace: ci}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cluster-admin}
rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}, {nonResourceURLs: ["*"], verbs: ["*"]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: deployer-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('escalations explains the chain from a pod creator to cluster-admin', () => {
    const table = kspm(['rbac', 'escalations', '-f', dir]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /ServiceAccount ci\/builder can create pods in namespace ci -> can run as ServiceAccount ci\/deployer -> is bound to ClusterRole cluster-admin/);
    const json = JSON.parse(kspm(['rbac', 'escalations', '-f', dir, '-o', 'json']).stdout) as { paths: { start: { name: string }; reaches: { kind: string } }[] };
    assert.deepEqual(json.paths.map((path) => [path.start.name, path.reaches.kind]), [['builder', 'cluster-admin']]);
  });

  it('review lists each subject with its flags and workloads, in every format', () => {
    const json = JSON.parse(kspm(['rbac', 'review', '-f', dir, '-o', 'json']).stdout) as { rows: { subject: { name: string }; risks: { id: string }[]; workloads: { name: string }[] }[] };
    const deployer = json.rows.find((row) => row.subject.name === 'deployer');
    assert.ok(deployer?.risks.some((risk) => risk.id === 'cluster-admin'), JSON.stringify(deployer?.risks));
    assert.deepEqual(deployer?.workloads.map((workload) => workload.name), ['deploy-bot']);
    const csv = kspm(['rbac', 'review', '-f', dir, '-o', 'csv']);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout.split('\r\n')[0], 'kind,namespace,name,system,bindings,permissions,highest risk,risks,workloads,pods,sign-off');
    const html = join(dir, 'review.html');
    assert.equal(kspm(['rbac', 'review', '-f', dir, '-o', 'html', '--output-file', html]).status, 0);
    assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/i);
  });
});
