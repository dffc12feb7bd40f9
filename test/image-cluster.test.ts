/**
 * `kspm scan --cluster --images` end to end: a cluster served by the test API server runs an image from Debian's real
 * docker-registry behind token auth; the only way to pull it is the workload's imagePullSecret, which kspm reads from
 * the cluster into memory, uses, and never prints.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzip, tarOf } from '../src/image/layers/layer-fixtures.js';
import { kubeconfigFor, type Kubeconfig } from './helpers/api-server/kubeconfig.js';
import { start, TEST_TOKEN, type ApiServer } from './helpers/api-server/server.js';
import { kspmAsync } from './helpers/cli.js';
import { pushImage, registryAvailable, startRegistry, type TestRegistry } from './helpers/registry.js';
import { sharedData } from './helpers/shared.js';

const discoveryDir = sharedData('k8s-discovery');
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!registryAvailable()) process.stderr.write('\n!!! SKIPPING: docker-registry is not installed (.ci/run installs it); the cluster image scan test did not run !!!\n\n');
const skip = !registryAvailable() ? 'docker-registry absent' : !hasOpenssl ? 'openssl absent' : discoveryDir === undefined ? 'shared discovery documents absent' : false;

const PULL_USER = 'puller';
const PULL_PASSWORD = 'registry-password-never-printed';
const CRITICAL_OPENSSL = {
  id: 'KSPM-TEST-2026-0002',
  modified: '2026-11-01T00:00:00Z',
  summary: 'test advisory: critical openssl flaw',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [{ package: { ecosystem: 'Debian:11', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1n-0+deb11u4' }] }] }],
};

function deployment(name: string, image: string, pullSecret?: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', uid: `uid-${name}` },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { ...(pullSecret ? { imagePullSecrets: [{ name: pullSecret }] } : {}), containers: [{ name: 'app', image }] } },
    },
  };
}

describe('kspm scan --cluster --images', { skip }, () => {
  let registry: TestRegistry;
  let server: ApiServer;
  let kubeconfig: Kubeconfig;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let image: string;
  let dockerConfigJson: string;

  before(async () => {
    registry = await startRegistry({ tokenAuth: { users: { [PULL_USER]: PULL_PASSWORD } } });
    const layer = await tarOf([
      { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="11"\nVERSION_CODENAME=bullseye\n', mode: 0o644 },
      { name: 'var/lib/dpkg/status', content: 'Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.1.1n-0+deb11u3\n', mode: 0o644 },
    ]);
    await pushImage(registry, 'private/legacy', '1', { layers: [gzip(layer)], mediaTypes: 'oci' });
    image = `${registry.host}/private/legacy:1`;
    dockerConfigJson = JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from(`${PULL_USER}:${PULL_PASSWORD}`).toString('base64') } } });
    server = await start({
      discoveryDir: discoveryDir!,
      objects: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'shop' } },
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'shop' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(dockerConfigJson).toString('base64') } },
        deployment('legacy', image, 'regcred'),
      ],
    });
    kubeconfig = kubeconfigFor(server, { token: TEST_TOKEN });
    work = mkdtempSync(join(tmpdir(), 'kspm-image-cluster-'));
    env = { KSPM_VULN_DB: join(work, 'vuln.db'), XDG_CACHE_HOME: join(work, 'cache'), DOCKER_CONFIG: join(work, 'docker') };
    writeFileSync(join(work, 'critical-openssl.json'), JSON.stringify(CRITICAL_OPENSSL));
    const imported = await kspmAsync(['db', 'import', join(work, 'critical-openssl.json')], { env });
    assert.equal(imported.status, 0, imported.stderr);
  });

  after(async () => {
    await registry?.stop();
    await server?.close();
    kubeconfig?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("pulls with the workload's imagePullSecret and reports the vulnerable workload, never printing the secret", async () => {
    const run = await kspmAsync(['scan', '--cluster', '--kubeconfig', kubeconfig.path, '--images', '-o', 'json', '--control', 'image-critical-vulnerabilities'], { env });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { controlId: string; resource: { kind: string; namespace: string; name: string }; evidence: { found: { vulnerabilities: { id: string; fixed?: string }[] } } }[] };
    assert.deepEqual(report.findings.map((finding) => [finding.resource.kind, finding.resource.namespace, finding.resource.name]), [['Deployment', 'shop', 'legacy']]);
    assert.deepEqual(report.findings[0]!.evidence.found.vulnerabilities.map((v) => [v.id, v.fixed]), [['KSPM-TEST-2026-0002', '1.1.1n-0+deb11u4']]);
    assert.ok(server.requests.some((request) => request.path === '/api/v1/namespaces/shop/secrets/regcred'), 'the pull secret was read from the cluster');
    assert.ok(registry.tokenRequests.some((request) => request.user === PULL_USER && request.scopes.includes('repository:private/legacy:pull')));
    for (const secret of [PULL_PASSWORD, Buffer.from(`${PULL_USER}:${PULL_PASSWORD}`).toString('base64'), Buffer.from(dockerConfigJson).toString('base64')]) {
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'no secret value in the output');
    }
  });

  it('an image it may not pull is an input error naming the image; the scan goes on', async () => {
    server.push('ADDED', deployment('orphan', `${registry.host}/private/legacy:1`));
    server.push('MODIFIED', deployment('legacy', image));
    const run = await kspmAsync(['scan', '--cluster', '--kubeconfig', kubeconfig.path, '--images', '-o', 'json', '--control', 'image-critical-vulnerabilities'], { env });
    assert.equal(run.status, 3, run.stderr);
    const report = JSON.parse(run.stdout) as { errors: { file: string; code: string; message: string }[] };
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.code, 'image-unavailable');
    assert.equal(report.errors[0]!.file, image);
    assert.match(report.errors[0]!.message, /refused anonymous access \(no credentials are configured for it\)/);
    assert.ok(!run.stdout.includes(PULL_PASSWORD) && !run.stderr.includes(PULL_PASSWORD));
  });
});
