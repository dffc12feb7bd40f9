/**
 * Proves the test API server faithful: the real kubectl and @kubernetes/client-node read it as they read a
 * kube-apiserver (discovery, tables, paged lists, 401 and 403, exec credential plugins, watches).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ApiException, CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { isRecord, list } from '../src/model/k8s.js';
import type { Kubeconfig } from './helpers/api-server/kubeconfig.js';
import { start, TEST_TOKEN, TEST_USER, type ApiServer } from './helpers/api-server/server.js';
import { bootstrapRbac, EXEC_TOKEN, EXEC_USER, loginsFor, type Logins } from './helpers/api-server/fixtures.js';
import { sharedData } from './helpers/shared.js';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';
const GIT_VERSION = 'v1.33.2-eks-abc';
const NAMESPACES = ['kube-system', 'team-a', 'team-b', 'team-c', 'team-d'];
const POD_COUNT = 250;

if (!existsSync(KUBECTL)) process.stderr.write(`\n!!! SKIPPING: ${KUBECTL} is absent; the API server is proven with the real kubectl !!!\n\n`);
const discoveryDir = sharedData('k8s-discovery');
const rbacDir = sharedData('k8s-rbac-bootstrap');
const skip = !existsSync(KUBECTL) || discoveryDir === undefined || rbacDir === undefined;

const podName = (index: number): string => `pod-${String(index).padStart(3, '0')}`;
const namespaceOfPod = (index: number): string => NAMESPACES[index % NAMESPACES.length] ?? 'default';

function generatedObjects(): unknown[] {
  const namespaces = NAMESPACES.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  const nodes = ['node-1', 'node-2', 'node-3'].map((name) => ({
    apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/os': 'linux' } },
  }));
  const pods = Array.from({ length: POD_COUNT }, (_, index) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: podName(index), namespace: namespaceOfPod(index), labels: { app: `app-${index % 10}` } },
    spec: { containers: [{ name: 'main', image: `registry.example/app-${index % 10}:1.0` }] },
  }));
  const deployments = NAMESPACES.map((namespace) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  }));
  const services = NAMESPACES.map((namespace) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  }));
  const secret = {
    apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'app-config', namespace: 'team-a' },
    data: { greeting: Buffer.from('placeholder').toString('base64') },
  };
  const widget = { apiVersion: 'example.kspm.dev/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'team-a' }, spec: {} };
  return [...namespaces, ...nodes, ...pods, ...deployments, ...services, secret, widget];
}

const allPodNames = (): string[] => Array.from({ length: POD_COUNT }, (_, index) => podName(index)).sort();

describe('test API server through the real kubectl and client-node', { skip }, () => {
  let server: ApiServer;
  let logins: Logins;
  let cacheDir: string;

  before(async () => {
    server = await start({
      objects: [...bootstrapRbac(rbacDir ?? ''), ...generatedObjects()],
      customResources: [{ group: 'example.kspm.dev', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true, shortNames: ['wd'] }],
      gitVersion: GIT_VERSION,
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

  async function kubectl(config: Kubeconfig, ...args: string[]): Promise<string> {
    const { stdout } = await run(KUBECTL, [...args, '--request-timeout=10s', `--cache-dir=${cacheDir}`],
      { env: { ...process.env, KUBECONFIG: config.path }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }

  async function kubectlFailure(config: Kubeconfig, ...args: string[]): Promise<string> {
    try {
      await kubectl(config, ...args);
    } catch (error) {
      return String((error as { stderr?: unknown }).stderr);
    }
    assert.fail(`kubectl ${args.join(' ')} succeeded`);
  }

  function itemNames(listJson: string): string[] {
    const parsed: unknown = JSON.parse(listJson);
    return list(isRecord(parsed) ? parsed.items : undefined)
      .map((item) => (isRecord(item) && isRecord(item.metadata) ? item.metadata.name : undefined))
      .filter((name): name is string => typeof name === 'string')
      .sort();
  }

  const requestsSince = (mark: number) => server.requests.slice(mark);

  test('kubectl api-resources lists the core resources of the real discovery document and the served groups', async () => {
    const output = (await kubectl(logins.token, 'api-resources')).trimEnd().split('\n');
    const header = output[0] ?? '';
    const columns = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'].map((name) => header.indexOf(name));
    const rows = new Set(output.slice(1).map((line) => columns
      .map((startAt, index) => line.slice(startAt, columns[index + 1] ?? line.length).trim()).join(' ')));

    const core: unknown = JSON.parse(readFileSync(join(discoveryDir ?? '', 'api__v1.json'), 'utf8'));
    const coreRows = list(isRecord(core) ? core.resources : undefined).filter(isRecord)
      .filter((resource) => typeof resource.name === 'string' && !resource.name.includes('/'))
      .map((resource) => [resource.name, list(resource.shortNames).join(','), 'v1', String(resource.namespaced), resource.kind].join(' '));
    assert.ok(coreRows.length > 15);
    for (const row of [
      ...coreRows,
      'deployments deploy apps/v1 true Deployment',
      'cronjobs cj batch/v1 true CronJob',
      'networkpolicies netpol networking.k8s.io/v1 true NetworkPolicy',
      'clusterroles  rbac.authorization.k8s.io/v1 false ClusterRole',
      'rolebindings  rbac.authorization.k8s.io/v1 true RoleBinding',
      'widgets wd example.kspm.dev/v1 true Widget',
    ]) assert.ok(rows.has(row), `api-resources lacks: ${row}`);
    assert.equal(rows.size, output.length - 1);
  });

  test('kubectl version reports the configured server version', async () => {
    const version: unknown = JSON.parse(await kubectl(logins.token, 'version', '-o', 'json'));
    assert.ok(isRecord(version) && isRecord(version.serverVersion));
    assert.equal(version.serverVersion.gitVersion, GIT_VERSION);
    assert.equal(version.serverVersion.minor, '33+');
  });

  test('kubectl get pods -A -o json returns every pod given to the server', async () => {
    assert.deepEqual(itemNames(await kubectl(logins.token, 'get', 'pods', '-A', '-o', 'json')), allPodNames());
  });

  test('kubectl pages with limit and continue and still returns every pod', async () => {
    const mark = server.requests.length;
    const names = itemNames(await kubectl(logins.token, 'get', 'pods', '-A', '-o', 'json', '--chunk-size=50'));
    assert.deepEqual(names, allPodNames());
    const pages = requestsSince(mark).filter((entry) => entry.path === '/api/v1/pods');
    assert.equal(pages.length, POD_COUNT / 50);
    assert.ok(pages.every((entry) => entry.query.limit === '50' && entry.status === 200));
    assert.equal(pages.filter((entry) => entry.query.continue !== undefined).length, pages.length - 1);
  });

  test('kubectl get pods -A prints the Table the server answers with, one row per pod', async () => {
    const mark = server.requests.length;
    const lines = (await kubectl(logins.token, 'get', 'pods', '-A')).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^NAMESPACE\s+NAME\s+CREATED AT$/);
    const rows = lines.slice(1).map((line) => line.split(/\s+/));
    assert.deepEqual(rows.map((row) => row[1]).sort(), allPodNames());
    assert.ok(rows.every((row) => row[0] === namespaceOfPod(Number((row[1] ?? '').slice(4)))));
    const listRequest = requestsSince(mark).find((entry) => entry.path === '/api/v1/pods');
    assert.match(listRequest?.accept ?? '', /as=Table;v=v1;g=meta\.k8s\.io/);
  });

  test('kubectl gets one object by name and filters by label', async () => {
    const deployment: unknown = JSON.parse(await kubectl(logins.token, 'get', 'deployment', 'web', '-n', 'team-b', '-o', 'json'));
    assert.ok(isRecord(deployment) && isRecord(deployment.metadata));
    assert.equal(deployment.kind, 'Deployment');
    assert.equal(deployment.metadata.namespace, 'team-b');
    const selected = itemNames(await kubectl(logins.token, 'get', 'pods', '-A', '-l', 'app in (app-3),app!=app-4', '-o', 'json'));
    assert.deepEqual(selected, allPodNames().filter((_, index) => index % 10 === 3));
    assert.match(await kubectlFailure(logins.token, 'get', 'pod', 'missing', '-n', 'team-a'), /pods "missing" not found/);
  });

  test('a wrong token gets 401 and kubectl asks for credentials', async () => {
    const mark = server.requests.length;
    const stderr = await kubectlFailure(logins.wrongToken, 'get', 'pods', '-A', '-o', 'json');
    assert.match(stderr, /You must be logged in to the server/);
    assert.ok(requestsSince(mark).every((entry) => entry.status === 401 && entry.user === undefined));
  });

  test('a forbidden resource gives kubectl the real forbidden message, cluster-wide and in a namespace', async () => {
    assert.match(await kubectlFailure(logins.token, 'get', 'rolebindings', '-A'), new RegExp(
      'Error from server \\(Forbidden\\): rolebindings\\.rbac\\.authorization\\.k8s\\.io is forbidden: User "kspm-test-user" '
      + 'cannot list resource "rolebindings" in API group "rbac\\.authorization\\.k8s\\.io" at the cluster scope'));
    assert.match(await kubectlFailure(logins.token, 'get', 'rolebindings', '-n', 'kube-system'),
      /cannot list resource "rolebindings" in API group "rbac\.authorization\.k8s\.io" in the namespace "kube-system"/);
  });

  test('kubectl authenticates through an exec credential plugin', async () => {
    const mark = server.requests.length;
    const names = itemNames(await kubectl(logins.exec, 'get', 'namespaces', '-o', 'json'));
    assert.deepEqual(names, [...NAMESPACES].sort());
    const seen = requestsSince(mark);
    assert.ok(seen.length > 0 && seen.every((entry) => entry.user === EXEC_USER));
  });

  function clientFor(config: Kubeconfig): { kc: KubeConfig; core: CoreV1Api } {
    const kc = new KubeConfig();
    kc.loadFromString(config.contents);
    return { kc, core: kc.makeApiClient(CoreV1Api) };
  }

  test('client-node lists pods with limit and continue until done and sees the same names', async () => {
    const { core } = clientFor(logins.token);
    const names: string[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await core.listPodForAllNamespaces({ limit: 60, _continue: token });
      pages += 1;
      for (const pod of page.items) names.push(pod.metadata?.name ?? '');
      token = page.metadata?._continue;
    } while (token !== undefined && token !== '');
    assert.equal(pages, Math.ceil(POD_COUNT / 60));
    assert.deepEqual(names.sort(), allPodNames());
  });

  test('a continue token from before a write is answered 410 Expired', async () => {
    const { core } = clientFor(logins.token);
    const first = await core.listNamespacedPod({ namespace: 'team-c', limit: 10 });
    const token = first.metadata?._continue;
    assert.ok(token !== undefined && token !== '');
    server.push('MODIFIED', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-c', labels: { touched: 'yes' } } });
    await assert.rejects(core.listNamespacedPod({ namespace: 'team-c', limit: 10, _continue: token }),
      (error: unknown) => error instanceof ApiException && error.code === 410);
    await assert.rejects(core.listNamespacedPod({ namespace: 'team-c', limit: 10, _continue: 'garbage' }),
      (error: unknown) => error instanceof ApiException && error.code === 400);
  });

  test('client-node watch receives ADDED for current pods, then a pushed MODIFIED', async () => {
    const { kc } = clientFor(logins.token);
    const expected = allPodNames().filter((_, index) => namespaceOfPod(index) === 'team-d').length;
    const events: Array<{ phase: string; name: string }> = [];
    let notify = (): void => {};
    const controller = await new Watch(kc).watch('/api/v1/namespaces/team-d/pods', {}, (phase, object: { metadata?: { name?: string } }) => {
      events.push({ phase, name: object.metadata?.name ?? '' });
      notify();
    }, () => {});
    const until = (done: () => boolean): Promise<void> => new Promise((resolve) => {
      notify = () => { if (done()) resolve(); };
      notify();
    });
    await until(() => events.length >= expected);
    server.push('MODIFIED', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod-004', namespace: 'team-d', labels: { app: 'changed' } } });
    await until(() => events.length > expected);
    controller.abort();
    assert.ok(events.slice(0, expected).every((event) => event.phase === 'ADDED'));
    assert.deepEqual(events[expected], { phase: 'MODIFIED', name: 'pod-004' });
  });

  test('client-node authenticates through an exec credential plugin', async () => {
    const mark = server.requests.length;
    const { core } = clientFor(logins.exec);
    const nodes = await core.listNode();
    assert.deepEqual(nodes.items.map((node) => node.metadata?.name), ['node-1', 'node-2', 'node-3']);
    assert.ok(requestsSince(mark).every((entry) => entry.user === EXEC_USER));
  });

  function getRaw(path: string, accept: string): Promise<{ contentType: string; body: string }> {
    return new Promise((resolve, reject) => {
      const url = new URL(path, server.url);
      request(url, { ca: server.certificateAuthority, headers: { accept, authorization: `Bearer ${TEST_TOKEN}` } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => { body += chunk; });
        response.on('end', () => resolve({ contentType: String(response.headers['content-type']), body }));
      }).on('error', reject).end();
    });
  }

  test('secrets carry data as a real server serves them, and none in a PartialObjectMetadataList', async () => {
    const encoded = Buffer.from('placeholder').toString('base64');
    const full = await getRaw('/api/v1/secrets', 'application/json');
    assert.ok(full.body.includes(encoded));
    const metadataOnly = await getRaw('/api/v1/secrets', 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json');
    assert.equal(metadataOnly.contentType, 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io');
    const parsed: unknown = JSON.parse(metadataOnly.body);
    assert.ok(isRecord(parsed));
    assert.equal(parsed.kind, 'PartialObjectMetadataList');
    assert.deepEqual(list(parsed.items).map((item) => isRecord(item) && isRecord(item.metadata) ? item.metadata.name : undefined), ['app-config']);
    assert.ok(!metadataOnly.body.includes(encoded));
  });
});
