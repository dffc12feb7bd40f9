/**
 * The cluster reader against the test API server: discovery matches kubectl's, the walk returns exactly the objects
 * the server holds (in pages, within the concurrency bound), forbidden resources become gaps, secrets arrive without
 * values, and token, exec-plugin and wrong credentials behave as with kubectl.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import {
  ClusterAccessError, connect, discover, loadKubeconfig, listResource, readCluster, type ClusterConnection, type ClusterItem,
} from '../src/cluster/index.js';
import { isRecord, list, type K8sObject } from '../src/model/k8s.js';
import { kubeconfigFor, type Kubeconfig } from './helpers/api-server/kubeconfig.js';
import { start, TEST_TOKEN, TEST_USER, type ApiServer } from './helpers/api-server/server.js';
import { bootstrapRbac, EXEC_TOKEN, EXEC_USER, loginsFor, type Logins } from './helpers/api-server/fixtures.js';
import { sharedData } from './helpers/shared.js';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';
const SECRET_VALUE = Buffer.from('not-for-your-eyes').toString('base64');
const NAMESPACES = ['kube-system', 'shop', 'billing'];
const POD_COUNT = 120;

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) process.stderr.write('\n!!! SKIPPING: openssl is absent; the test API server needs it for its certificate !!!\n\n');
const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) process.stderr.write(`\n!!! SKIPPING: ${KUBECTL} is absent; comparisons with kubectl are skipped !!!\n\n`);
const discoveryDir = sharedData('k8s-discovery');
const rbacDir = sharedData('k8s-rbac-bootstrap');
const skip = !hasOpenssl || discoveryDir === undefined || rbacDir === undefined;

function generatedObjects(): Record<string, unknown>[] {
  const namespaces = NAMESPACES.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  const nodes = ['node-a', 'node-b'].map((name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } }));
  const pods = Array.from({ length: POD_COUNT }, (_, index) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `pod-${index}`, namespace: NAMESPACES[index % NAMESPACES.length], labels: { app: `app-${index % 4}` } },
    spec: { containers: [{ name: 'main', image: `registry.example/app:${index % 4}` }] },
  }));
  const deployments = NAMESPACES.map((namespace) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace },
    spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:2' }] } } },
  }));
  const services = NAMESPACES.map((namespace) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace }, spec: { selector: { app: 'api' }, ports: [{ port: 443 }] },
  }));
  const secrets = NAMESPACES.map((namespace) => ({
    apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'credentials', namespace },
    data: { password: SECRET_VALUE }, stringData: { note: 'plain' },
  }));
  const gadget = { apiVersion: 'example.kspm.dev/v1', kind: 'Gadget', metadata: { name: 'g1', namespace: 'shop' }, spec: { size: 1 } };
  return [...namespaces, ...nodes, ...pods, ...deployments, ...services, ...secrets, gadget];
}

const identity = (object: unknown): string => {
  const record = isRecord(object) ? object : {};
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  return `${String(record.apiVersion)}/${String(record.kind)}/${String(metadata.namespace ?? '')}/${String(metadata.name)}`;
};

const contextNames = (kubeconfig?: string): string[] => loadKubeconfig(kubeconfig !== undefined ? { kubeconfig } : {}).getContexts().map((context) => context.name);

const objectsOf = (items: readonly ClusterItem[]): K8sObject[] => items.flatMap((item) => (item.type === 'object' ? [item.object] : []));
const gapsOf = (items: readonly ClusterItem[]) => items.flatMap((item) => (item.type === 'gap' ? [item] : []));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('cluster reader against the test API server', { skip }, () => {
  let server: ApiServer;
  let objects: Record<string, unknown>[];
  let logins: Logins;
  let cacheDir: string;

  before(async () => {
    objects = [...bootstrapRbac(rbacDir ?? '').filter(isRecord), ...generatedObjects()];
    server = await start({
      objects,
      customResources: [{ group: 'example.kspm.dev', version: 'v1', kind: 'Gadget', plural: 'gadgets', namespaced: true }],
      tokens: { [TEST_TOKEN]: TEST_USER, [EXEC_TOKEN]: EXEC_USER },
      forbidden: ['rolebindings.rbac.authorization.k8s.io'],
      discoveryDir,
    });
    logins = loginsFor(server);
    cacheDir = mkdtempSync(join(tmpdir(), 'kspm-kubectl-cache-'));
  });

  after(async () => {
    await server.close();
    logins.remove();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  async function kubectl(...args: string[]): Promise<string> {
    const { stdout } = await run(KUBECTL, [...args, '--request-timeout=10s', `--cache-dir=${cacheDir}`],
      { env: { ...process.env, KUBECONFIG: logins.token.path }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }

  const connectWith = (config: Kubeconfig): Promise<ClusterConnection> => connect({ kubeconfig: config.path });

  test('the connection knows its context, cluster and server', async () => {
    const connection = await connectWith(logins.token);
    assert.deepEqual([connection.context, connection.cluster, connection.server], ['test', 'test', server.url]);
  });

  test('discovery lists what kubectl api-resources --verbs=list lists, and the server version', { skip: !hasKubectl }, async () => {
    const discovery = await discover(await connectWith(logins.token));
    const fromKubectl = (await kubectl('api-resources', '--verbs=list', '-o', 'name')).trim().split('\n').sort();
    assert.deepEqual(discovery.resources.map((resource) => resource.qualifiedName).sort(), fromKubectl);
    assert.ok(fromKubectl.includes('gadgets.example.kspm.dev') && fromKubectl.includes('pods'));
    assert.ok(discovery.resources.every((resource) => !resource.name.includes('/')));
    assert.equal(discovery.serverVersion, 'v1.33.2');
    assert.deepEqual(discovery.failedGroups, []);
  });

  test('discovery describes each resource by group, version, kind and scope', async () => {
    const discovery = await discover(await connectWith(logins.token));
    const byName = new Map(discovery.resources.map((resource) => [resource.qualifiedName, resource]));
    assert.deepEqual(byName.get('deployments.apps'), {
      group: 'apps', version: 'v1', name: 'deployments', kind: 'Deployment', namespaced: true,
      qualifiedName: 'deployments.apps', apiVersion: 'apps/v1',
    });
    assert.equal(byName.get('nodes')?.namespaced, false);
    assert.equal(byName.get('gadgets.example.kspm.dev')?.kind, 'Gadget');
    assert.equal(byName.has('bindings'), false, 'bindings cannot be listed');
  });

  test('readCluster yields exactly the objects the server holds, apart from the forbidden rolebindings', async () => {
    const items = await collect(readCluster(await connectWith(logins.token)));
    const expected = objects.filter((object) => !(object.kind === 'RoleBinding')).map(identity).sort();
    assert.ok(objects.some((object) => object.kind === 'RoleBinding'), 'the bootstrap data has rolebindings to forbid');
    assert.deepEqual(objectsOf(items).map(identity).sort(), expected);
  });

  test('pods read by readCluster equal kubectl get pods -A -o json', { skip: !hasKubectl }, async () => {
    const fromKubectl: unknown = JSON.parse(await kubectl('get', 'pods', '-A', '-o', 'json'));
    const kubectlPods = list(isRecord(fromKubectl) ? fromKubectl.items : undefined);
    const items = await collect(readCluster(await connectWith(logins.token)));
    const pods = items.flatMap((item) => (item.type === 'object' && item.resource.qualifiedName === 'pods' ? [item.object] : []));
    const byIdentity = (left: unknown, right: unknown): number => identity(left).localeCompare(identity(right));
    assert.equal(pods.length, POD_COUNT);
    assert.deepEqual([...pods].sort(byIdentity), [...kubectlPods].sort(byIdentity));
  });

  test('lists are paged with limit and continue', async () => {
    const mark = server.requests.length;
    const connection = await connectWith(logins.token);
    const pods = (await discover(connection)).resources.find((resource) => resource.qualifiedName === 'pods');
    assert.ok(pods !== undefined);
    const names = (await collect(listResource(connection, pods, { pageSize: 25 }))).map((pod) => pod.metadata?.name);
    assert.equal(new Set(names).size, POD_COUNT);
    const pages = server.requests.slice(mark).filter((entry) => entry.path === '/api/v1/pods');
    assert.equal(pages.length, Math.ceil(POD_COUNT / 25));
    assert.ok(pages.every((entry) => entry.query.limit === '25' && entry.status === 200));
    assert.equal(pages.filter((entry) => entry.query.continue !== undefined).length, pages.length - 1);
  });

  test('namespaces restrict namespaced lists and leave cluster-scoped ones whole', async () => {
    const mark = server.requests.length;
    const items = await collect(readCluster(await connectWith(logins.token), { namespaces: ['billing'] }));
    const read = objectsOf(items);
    const namespacedNamespaces = new Set(read.filter((object) => object.metadata?.namespace !== undefined).map((object) => object.metadata?.namespace));
    assert.deepEqual([...namespacedNamespaces], ['billing']);
    assert.equal(read.filter((object) => object.kind === 'Node').length, 2);
    assert.equal(read.filter((object) => object.kind === 'Pod').length, POD_COUNT / NAMESPACES.length);
    assert.ok(server.requests.slice(mark).some((entry) => entry.path === '/api/v1/namespaces/billing/pods'));
  });

  test('a forbidden resource is a gap carrying the server message, and the rest is read', async () => {
    const items = await collect(readCluster(await connectWith(logins.token)));
    const gaps = gapsOf(items);
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0]?.resource, 'rolebindings.rbac.authorization.k8s.io');
    assert.equal(gaps[0]?.status, 403);
    assert.match(gaps[0]?.reason ?? '', /cannot list resource "rolebindings" in API group "rbac\.authorization\.k8s\.io"/);
    assert.ok(objectsOf(items).some((object) => object.kind === 'ClusterRoleBinding'));
  });

  test('secrets are listed as metadata only and never carry values', async () => {
    const mark = server.requests.length;
    const items = await collect(readCluster(await connectWith(logins.token)));
    const secrets = objectsOf(items).filter((object) => object.kind === 'Secret');
    assert.equal(secrets.length, NAMESPACES.length);
    for (const secret of secrets) {
      assert.equal(secret.apiVersion, 'v1');
      assert.equal(secret.data, undefined);
      assert.equal(secret.stringData, undefined);
      assert.equal(secret.metadata?.name, 'credentials');
    }
    assert.ok(!JSON.stringify(items).includes(SECRET_VALUE));
    const secretLists = server.requests.slice(mark).filter((entry) => entry.path === '/api/v1/secrets');
    assert.equal(secretLists.length, 1);
    assert.equal(secretLists[0]?.accept, 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io');
  });

  test('an exec credential plugin authenticates every request', async () => {
    const mark = server.requests.length;
    const connection = await connectWith(logins.exec);
    const items = await collect(readCluster(connection, { namespaces: ['shop'] }));
    assert.ok(objectsOf(items).some((object) => object.kind === 'Gadget'));
    const seen = server.requests.slice(mark);
    assert.ok(seen.length > 0 && seen.every((entry) => entry.user === EXEC_USER));
  });

  test('a bearer token authenticates every request', async () => {
    const mark = server.requests.length;
    await discover(await connectWith(logins.token));
    const seen = server.requests.slice(mark);
    assert.ok(seen.length > 0 && seen.every((entry) => entry.user === TEST_USER));
  });

  test('a wrong token is a fatal error naming the context and server', async () => {
    const connection = await connectWith(logins.wrongToken);
    await assert.rejects(collect(readCluster(connection)), (error: unknown) => error instanceof ClusterAccessError
      && error.message.includes('context "test"') && error.message.includes(server.url) && error.message.includes('401'));
  });

  test('an unreachable server is a fatal error naming the context and server', async () => {
    const unreachable = kubeconfigFor({ url: 'https://127.0.0.1:9', certificateAuthority: server.certificateAuthority }, { token: TEST_TOKEN });
    try {
      await assert.rejects(discover(await connectWith(unreachable)), (error: unknown) => error instanceof ClusterAccessError
        && /cannot reach context "test" \(server https:\/\/127\.0\.0\.1:9\)/.test(error.message));
    } finally {
      unreachable.remove();
    }
  });

  for (const concurrency of [1, 3]) {
    test(`concurrency ${concurrency} bounds the lists in flight and reaches the bound`, async () => {
      const connection = await connectWith(logins.token);
      const discovery = await discover(connection);
      let inFlight = 0;
      let peak = 0;
      const counted: ClusterConnection = {
        ...connection,
        get: async (path, query, accept) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          try {
            return await connection.get(path, query, accept);
          } finally {
            inFlight -= 1;
          }
        },
      };
      const items = await collect(readCluster(counted, { concurrency, discovery, pageSize: 10 }));
      assert.equal(objectsOf(items).length, objects.length - objects.filter((object) => object.kind === 'RoleBinding').length);
      assert.equal(peak, concurrency);
    });
  }

  test('progress counts every list and object', async () => {
    const reports: Array<{ listsDone: number; listsTotal: number; objects: number }> = [];
    const connection = await connectWith(logins.token);
    const discovery = await discover(connection);
    const items = await collect(readCluster(connection, { discovery, onProgress: (progress) => reports.push(progress) }));
    assert.equal(reports.length, discovery.resources.length);
    assert.deepEqual(reports.at(-1), { listsDone: discovery.resources.length, listsTotal: discovery.resources.length, objects: objectsOf(items).length });
  });
});

describe('kubeconfig loading as kubectl does it', () => {
  const saved: Record<string, string | undefined> = {
    KUBECONFIG: process.env.KUBECONFIG, HOME: process.env.HOME, KUBERNETES_SERVICE_HOST: process.env.KUBERNETES_SERVICE_HOST,
    KUBERNETES_SERVICE_PORT: process.env.KUBERNETES_SERVICE_PORT,
  };
  let dir: string;

  function kubeconfigFile(name: string, current: string | undefined, entries: Array<{ context: string; server: string }>): string {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify({
      apiVersion: 'v1', kind: 'Config',
      clusters: entries.map((entry) => ({ name: entry.context, cluster: { server: entry.server } })),
      users: entries.map((entry) => ({ name: entry.context, user: { token: 'unused' } })),
      contexts: entries.map((entry) => ({ name: entry.context, context: { cluster: entry.context, user: entry.context } })),
      ...(current === undefined ? {} : { 'current-context': current }),
    }));
    return path;
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kspm-kubeconfigs-'));
  });

  after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('KUBECONFIG files merge with the first file winning, and missing files are skipped', async () => {
    const first = kubeconfigFile('first', 'alpha', [{ context: 'alpha', server: 'https://alpha.example:6443' }, { context: 'shared', server: 'https://first.example' }]);
    const second = kubeconfigFile('second', 'beta', [{ context: 'beta', server: 'https://beta.example:6443' }, { context: 'shared', server: 'https://second.example' }]);
    process.env.KUBECONFIG = [first, join(dir, 'missing'), second].join(delimiter);
    assert.deepEqual(contextNames(), ['alpha', 'shared', 'beta']);
    const current = await connect({});
    assert.deepEqual([current.context, current.server], ['alpha', 'https://alpha.example:6443']);
    assert.equal((await connect({ context: 'shared' })).server, 'https://first.example');
    assert.equal((await connect({ context: 'beta' })).server, 'https://beta.example:6443');
    await assert.rejects(connect({ context: 'gamma' }), (error: unknown) => error instanceof ClusterAccessError && error.message.includes('"gamma"'));
  });

  test('an explicit kubeconfig replaces KUBECONFIG, and ~/.kube/config is the default', async () => {
    const only = kubeconfigFile('only', 'solo', [{ context: 'solo', server: 'https://solo.example' }]);
    process.env.KUBECONFIG = kubeconfigFile('env', 'env', [{ context: 'env', server: 'https://env.example' }]);
    assert.deepEqual(contextNames(only), ['solo']);
    delete process.env.KUBECONFIG;
    const home = mkdtempSync(join(dir, 'home-'));
    process.env.HOME = home;
    mkdirSync(join(home, '.kube'));
    copyFileSync(only, join(home, '.kube', 'config'));
    assert.equal((await connect({})).server, 'https://solo.example');
  });

  test('with no kubeconfig anywhere, in-cluster config is used when KUBERNETES_SERVICE_HOST is set', async () => {
    delete process.env.KUBECONFIG;
    process.env.HOME = mkdtempSync(join(dir, 'empty-home-'));
    delete process.env.KUBERNETES_SERVICE_HOST;
    assert.throws(() => contextNames(), /no kubeconfig found/);
    process.env.KUBERNETES_SERVICE_HOST = '10.0.0.1';
    process.env.KUBERNETES_SERVICE_PORT = '443';
    const inCluster = await connect({});
    assert.equal(inCluster.server, 'https://10.0.0.1:443');
    assert.equal(inCluster.context, 'inClusterContext');
    assert.equal((await connect({ inCluster: true })).server, 'https://10.0.0.1:443');
  });
});
