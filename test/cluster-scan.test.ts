/**
 * `kspm scan --cluster`, `kspm collect`, `kspm scan --snapshot` and `kspm inventory` end to end: the built binary
 * against the test API server, as a user runs them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { dump, load } from 'js-yaml';
import { kspmAsync as kspm, type CliResult } from './helpers/cli.js';
import { estate, LAST_APPLIED_VALUE, SECRET_VALUE } from './helpers/api-server/estate.js';
import { bootstrapRbac, EXEC_TOKEN, EXEC_USER, loginsFor, type Logins } from './helpers/api-server/fixtures.js';
import { start, TEST_TOKEN, TEST_USER, type ApiServer } from './helpers/api-server/server.js';
import { sharedData } from './helpers/shared.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) process.stderr.write('\n!!! SKIPPING: openssl is absent; the test API server needs it for its certificate !!!\n\n');
const discoveryDir = sharedData('k8s-discovery');
const rbacDir = sharedData('k8s-rbac-bootstrap');
const skip = !hasOpenssl || discoveryDir === undefined || rbacDir === undefined;

interface Report {
  findings: { controlId: string; resource: { kind: string; namespace?: string; name: string }; source: Record<string, unknown>; path: string }[];
  resources: { kind: string; namespace?: string; name: string; source: Record<string, unknown> }[];
  errors: { code: string; message: string; cluster?: string; file: string }[];
  coverageGaps: { cluster: string; resource: string; status: number }[];
  scan: { inputs: string[] };
  summary: { exitCode: number; clusters?: { context: string; serverVersion?: string; platform: { distribution: string; managed: boolean }; resources: number; gaps: unknown[] }[]; controls: { controlId: string; evaluated: number; notApplicable?: string }[] };
}

const json = (result: CliResult): Report => {
  assert.ok(result.stdout.startsWith('{'), `expected a JSON report, got:\n${result.stdout.slice(0, 400)}\n${result.stderr}`);
  return JSON.parse(result.stdout) as Report;
};

function assertNoSecret(text: string, where: string): void {
  assert.ok(!text.includes(SECRET_VALUE), `${where} holds a secret's value`);
  assert.ok(!text.includes(LAST_APPLIED_VALUE), `${where} holds a secret's value from its last-applied annotation`);
  assert.ok(!text.includes(Buffer.from(SECRET_VALUE, 'base64').toString()), `${where} holds a decoded secret value`);
}

const sorted = <T>(items: T[]): string[] => items.map((item) => JSON.stringify(item)).sort();

/** One kubeconfig holding a context per server (and one that reaches nothing). */
function multiContextKubeconfig(dir: string, logins: Logins[], names: string[], unreachable?: string): string {
  const configs = logins.map((login) => load(readFileSync(login.token.path, 'utf8')) as { clusters: { cluster: unknown }[]; users: { user: unknown }[] });
  const clusters = configs.map((config, index) => ({ name: names[index], cluster: config.clusters[0]!.cluster }));
  const users = configs.map((config, index) => ({ name: names[index], user: config.users[0]!.user }));
  const contexts = names.map((name) => ({ name, context: { cluster: name, user: name } }));
  if (unreachable) {
    clusters.push({ name: unreachable, cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true } });
    users.push({ name: unreachable, user: { token: 'x' } });
    contexts.push({ name: unreachable, context: { cluster: unreachable, user: unreachable } });
  }
  const path = join(dir, 'multi.kubeconfig');
  writeFileSync(path, dump({ apiVersion: 'v1', kind: 'Config', clusters, users, contexts, 'current-context': names[0] }), { mode: 0o600 });
  return path;
}

describe('kspm against a live cluster (test API server)', { skip }, () => {
  let server: ApiServer;
  let second: ApiServer;
  let logins: Logins;
  let secondLogins: Logins;
  let dir: string;

  before(async () => {
    const objects = [...estate(), ...bootstrapRbac(rbacDir!)];
    const tokens = { [TEST_TOKEN]: TEST_USER, [EXEC_TOKEN]: EXEC_USER };
    server = await start({ objects, gitVersion: 'v1.29.4', forbidden: ['podtemplates'], tokens });
    second = await start({ objects: estate().filter((object) => (object.metadata as { namespace?: string }).namespace !== 'billing'), gitVersion: 'v1.34.1' });
    logins = loginsFor(server);
    secondLogins = loginsFor(second);
    dir = mkdtempSync(join(tmpdir(), 'kspm-cluster-scan-'));
  });
  after(async () => {
    logins?.remove();
    secondLogins?.remove();
    await server?.close();
    await second?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scans the current context: findings located by context and API path, gaps reported, the cluster described', async () => {
    const result = await kspm(['scan', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']);
    const report = json(result);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(report.scan.inputs, ['cluster:(current context)']);
    const web = report.findings.find((finding) => finding.resource.kind === 'Deployment' && finding.resource.name === 'agent');
    assert.ok(web, 'the privileged Deployment is found');
    assert.deepEqual(web.source, { cluster: 'test', apiPath: '/apis/apps/v1/namespaces/shop/deployments/agent' });
    assert.deepEqual(report.coverageGaps.map((gap) => [gap.cluster, gap.resource, gap.status]), [['test', 'podtemplates', 403]]);
    assert.match(result.stderr, /warning: test: 1 resource type could not be read.*podtemplates \(403\)/);
    const cluster = report.summary.clusters?.[0];
    assert.equal(cluster?.context, 'test');
    assert.equal(cluster?.serverVersion, 'v1.29.4');
    assert.equal(cluster?.platform.distribution, 'kubeadm');
    assert.equal(cluster?.platform.managed, false);
    assertNoSecret(result.stdout + result.stderr, 'the scan output');
  });

  it('judges workloads through their controllers: no findings on the ReplicaSets and Pods a Deployment manages', async () => {
    const report = json(await kspm(['scan', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']));
    const managed = report.findings.filter((finding) => finding.resource.kind === 'ReplicaSet' || /-7d9f/.test(finding.resource.name));
    assert.deepEqual(managed, []);
    assert.ok(report.resources.some((resource) => resource.kind === 'Pod' && resource.name === 'web-7d9f-0'), 'managed pods are still read and listed');
    assert.ok(report.findings.some((finding) => finding.resource.name === 'kube-apiserver-cp-1'), 'the static pod (owned by its Node) is judged');
  });

  it('runs the cluster-level controls on the whole picture', async () => {
    const report = json(await kspm(['scan', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']));
    const ids = (id: string) => report.findings.filter((finding) => finding.controlId === id).map((finding) => `${finding.resource.kind} ${finding.resource.namespace ?? ''}/${finding.resource.name}`);
    assert.deepEqual(ids('cluster-version-unsupported'), ['Cluster /test']);
    assert.ok(ids('netpol-workload-unselected').includes('Deployment shop/web'));
    assert.ok(!ids('netpol-workload-unselected').includes('Deployment billing/ledger'), 'billing has a default-deny policy');
    assert.ok(ids('sa-default-automount').includes('ServiceAccount shop/default'));
    assert.ok(ids('apiserver-anonymous-auth').includes('Pod kube-system/kube-apiserver-cp-1'));
  });

  it('writes a snapshot whose scan gives exactly the findings of the live scan, and holds no secret value', async () => {
    const snapshot = join(dir, 'cluster.snapshot.gz');
    const collected = await kspm(['collect', '--kubeconfig', logins.token.path, '-o', snapshot]);
    assert.equal(collected.status, 0, collected.stderr);
    assert.match(collected.stderr, /collected \d+ objects from 1 cluster into/);
    const contents = gunzipSync(readFileSync(snapshot)).toString('utf8');
    assertNoSecret(contents, 'the snapshot');
    assert.ok(contents.includes('"name":"db-credentials"'), 'secrets are kept as metadata');

    const live = json(await kspm(['scan', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']));
    const offline = json(await kspm(['scan', '--snapshot', snapshot, '-o', 'json']));
    assert.ok(live.findings.length > 20);
    // Lists run side by side, so objects arrive in a different order from one read to the next; the sets must match.
    assert.deepEqual(sorted(offline.findings), sorted(live.findings));
    assert.deepEqual(sorted(offline.resources), sorted(live.resources));
    assert.deepEqual(offline.coverageGaps, live.coverageGaps);
    assert.deepEqual(offline.summary.clusters, live.summary.clusters);
  });

  it('scans several contexts in one run, labelling every result with its cluster, and goes on past one it cannot reach', async () => {
    const kubeconfig = multiContextKubeconfig(dir, [logins, secondLogins], ['prod', 'staging'], 'gone');
    const result = await kspm(['scan', '--all-contexts', '--kubeconfig', kubeconfig, '-o', 'json']);
    const report = json(result);
    assert.equal(result.status, 3, 'an unreachable cluster is an input error');
    assert.deepEqual(report.summary.clusters?.map((cluster) => [cluster.context, cluster.serverVersion]), [['prod', 'v1.29.4'], ['staging', 'v1.34.1']]);
    const clusters = new Set(report.findings.map((finding) => finding.source.cluster));
    assert.deepEqual([...clusters].sort(), ['prod', 'staging']);
    assert.ok(!report.findings.some((finding) => finding.source.cluster === 'staging' && finding.resource.namespace === 'billing'));
    const unreachable = report.errors.find((error) => error.code === 'cluster-unreachable');
    assert.equal(unreachable?.cluster, 'gone');
    assert.match(unreachable?.message ?? '', /cannot reach context "gone"/);

    const chosen = json(await kspm(['scan', '--context', 'staging', '--kubeconfig', kubeconfig, '-o', 'json']));
    assert.deepEqual(chosen.summary.clusters?.map((cluster) => cluster.context), ['staging']);
  });

  it('reads one namespace with -n and refuses -n with -A', async () => {
    const report = json(await kspm(['scan', '--cluster', '--kubeconfig', logins.token.path, '-n', 'billing', '-o', 'json']));
    const namespaces = new Set(report.resources.flatMap((resource) => (resource.namespace ? [resource.namespace] : [])));
    assert.deepEqual([...namespaces], ['billing']);
    const both = await kspm(['scan', '--cluster', '--kubeconfig', logins.token.path, '-n', 'billing', '-A']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /-A\/--all-namespaces and -n\/--namespace contradict/);
  });

  it('authenticates through an exec credential plugin as EKS, GKE and AKS kubeconfigs do, and says so when refused', async () => {
    const viaPlugin = await kspm(['scan', '--cluster', '--kubeconfig', logins.exec.path, '-o', 'json']);
    assert.equal(viaPlugin.status, 0, viaPlugin.stderr);
    assert.ok(json(viaPlugin).resources.length > 50);
    const refused = await kspm(['scan', '--cluster', '--kubeconfig', logins.wrongToken.path, '-o', 'json']);
    assert.equal(refused.status, 2);
    assert.match(JSON.stringify(json(refused).errors), /refused the credentials \(401 Unauthorized\)/);
  });

  it('lists the inventory of the cluster', async () => {
    const result = await kspm(['inventory', '--cluster', '--kubeconfig', logins.token.path, '-o', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const inventory = JSON.parse(result.stdout) as Record<string, unknown[]>;
    assert.ok(Array.isArray(inventory.clusters) && inventory.clusters.length === 1);
    assert.ok(Array.isArray(inventory.nodes) && inventory.nodes.length === 2);
    assertNoSecret(result.stdout, 'the inventory');
    const table = await kspm(['inventory', '--cluster', '--kubeconfig', logins.token.path]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /kubeadm/);
  });

  it('reports a damaged or foreign snapshot by name and reason', async () => {
    const snapshot = join(dir, 'whole.snapshot.gz');
    assert.equal((await kspm(['collect', '--kubeconfig', logins.token.path, '-o', snapshot])).status, 0);
    const lines = gunzipSync(readFileSync(snapshot)).toString('utf8').split('\n');
    const truncated = join(dir, 'truncated.snapshot.gz');
    writeFileSync(truncated, gzipSync(lines.slice(0, 30).join('\n')));
    const cut = await kspm(['scan', '--snapshot', truncated, '-o', 'json']);
    assert.equal(cut.status, 3);
    assert.match(JSON.stringify(json(cut).errors), /incomplete: it stops at line 30 without its end record/);

    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, '{"kind":"List"}');
    const refused = await kspm(['scan', '--snapshot', foreign]);
    assert.equal(refused.status, 2);
    assert.match(refused.stdout, /foreign\.json\s+invalid-snapshot: not a kspm snapshot: the file is not\s+gzip-compressed/);
  });
});

describe('cluster flags that cannot work are usage errors, said before anything is read', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => kspm(args, { env });

  it('names a missing or broken kubeconfig, an unknown context, and a missing current context', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kspm-kubeconfig-errors-'));
    try {
      const broken = join(dir, 'broken');
      writeFileSync(broken, 'clusters: [\n');
      const missing = await run(['scan', '--cluster', '--kubeconfig', join(dir, 'absent')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^kspm: cannot read the kubeconfig .*absent: ENOENT/);
      const unparsable = await run(['scan', '--cluster', '--kubeconfig', broken]);
      assert.equal(unparsable.status, 2);
      assert.match(unparsable.stderr, /^kspm: cannot read the kubeconfig .*broken: unexpected end of the stream/);
      const config = join(dir, 'config');
      writeFileSync(config, dump({ apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [{ name: 'dev', context: { cluster: 'dev', user: 'dev' } }] }));
      const unknown = await run(['scan', '--context', 'prod', '--kubeconfig', config]);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /context "prod" is not in the kubeconfig \(it has dev\)/);
      const noCurrent = await run(['collect', '-o', join(dir, 'snap.gz'), '--kubeconfig', config]);
      assert.equal(noCurrent.status, 2);
      assert.match(noCurrent.stderr, /names no current context: pass --context NAME or --all-contexts/);
      const nothing = await run(['scan', '--cluster'], { HOME: dir, KUBECONFIG: '', KUBERNETES_SERVICE_HOST: '' });
      assert.equal(nothing.status, 2);
      assert.match(nothing.stderr, /no kubeconfig found: set KUBECONFIG, pass --kubeconfig/);
      assert.ok(!/\n\s+at /.test(missing.stderr + unparsable.stderr + unknown.stderr + nothing.stderr), 'no stack traces');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
