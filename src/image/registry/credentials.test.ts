import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCredentialHelper, type HelperRunner } from './credential-helper.js';
import { credentialsFromDockerConfig, credentialsFromPullSecret, registryOfConfigKey } from './credentials.js';
import { RegistryError } from './errors.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('credentialsFromDockerConfig', () => {
  it('reads auths as base64 auth, username/password and identitytoken, with docker.io under its v1 URL', async () => {
    const keychain = credentialsFromDockerConfig(JSON.stringify({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubuser:hub:pass') },
        'ghcr.io': { username: 'gh', password: 'ghp' },
        'http://registry.local:5000/v2/': { identitytoken: 'refresh-me' },
        'empty.example': {},
      },
    }), 'config.json');
    assert.deepEqual(await keychain.credentialFor('docker.io'), { kind: 'basic', username: 'hubuser', password: 'hub:pass', source: 'config.json (auths "https://index.docker.io/v1/")' });
    assert.deepEqual(await keychain.credentialFor('ghcr.io'), { kind: 'basic', username: 'gh', password: 'ghp', source: 'config.json (auths "ghcr.io")' });
    assert.equal((await keychain.credentialFor('registry.local:5000'))?.kind, 'identity-token');
    assert.equal(await keychain.credentialFor('empty.example'), undefined);
    assert.equal(await keychain.credentialFor('quay.io'), undefined);
  });

  it('reads the legacy .dockercfg form, registries at the top', async () => {
    const keychain = credentialsFromDockerConfig({ 'quay.io': { auth: b64('q:w'), email: 'x@example.com' } }, 'legacy');
    assert.equal((await keychain.credentialFor('quay.io'))?.kind, 'basic');
  });

  it('asks credHelpers first, then credsStore, then auths; "<token>" means an identity token', async () => {
    const asked: string[] = [];
    const runHelper: HelperRunner = async (helper, serverUrl) => {
      asked.push(`${helper} ${serverUrl}`);
      if (helper === 'ecr-login') return { username: 'AWS', secret: 'ecr-secret' };
      if (serverUrl === 'https://index.docker.io/v1/') return { username: '<token>', secret: 'hub-refresh' };
      return undefined;
    };
    const keychain = credentialsFromDockerConfig({
      auths: { 'other.example': { auth: b64('o:p') } },
      credHelpers: { '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
      credsStore: 'desktop',
    }, 'config.json', { runHelper });
    assert.deepEqual(await keychain.credentialFor('123.dkr.ecr.eu-west-1.amazonaws.com'), {
      kind: 'basic', username: 'AWS', password: 'ecr-secret', source: 'credential helper docker-credential-ecr-login (from config.json)',
    });
    assert.deepEqual(await keychain.credentialFor('docker.io'), { kind: 'identity-token', token: 'hub-refresh', source: 'credential helper docker-credential-desktop (from config.json)' });
    assert.equal((await keychain.credentialFor('other.example'))?.source, 'config.json (auths "other.example")');
    assert.deepEqual(asked, ['ecr-login 123.dkr.ecr.eu-west-1.amazonaws.com', 'desktop https://index.docker.io/v1/', 'desktop other.example']);
  });

  it('names the source, not the content, of a broken config', () => {
    assert.throws(() => credentialsFromDockerConfig('{"auths": {"x": {"auth": "secret-without-colon"', 'my config'), /my config is not valid JSON/);
    assert.throws(() => credentialsFromDockerConfig({ auths: { x: { auth: b64('nocolon') } } }, 'my config'), (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.match(error.message, /my config \(auths "x"\): "auth" is not base64 of username:password/);
      assert.doesNotMatch(error.message, /nocolon/);
      return true;
    });
  });

  it('maps config keys to registries', () => {
    assert.equal(registryOfConfigKey('https://index.docker.io/v1/'), 'docker.io');
    assert.equal(registryOfConfigKey('registry-1.docker.io'), 'docker.io');
    assert.equal(registryOfConfigKey('http://Host:5000/path'), 'host:5000');
  });
});

describe('credentialsFromPullSecret', () => {
  it('reads kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg secrets, naming them as the source', async () => {
    const json = credentialsFromPullSecret({
      type: 'kubernetes.io/dockerconfigjson',
      metadata: { namespace: 'shop', name: 'regcred' },
      data: { '.dockerconfigjson': b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64('u:p') } } })) },
    });
    assert.equal((await json.credentialFor('ghcr.io'))?.source, 'secret shop/regcred (auths "ghcr.io")');
    const legacy = credentialsFromPullSecret({
      type: 'kubernetes.io/dockercfg',
      metadata: { namespace: 'shop', name: 'old' },
      data: { '.dockercfg': b64(JSON.stringify({ 'https://index.docker.io/v1/': { auth: b64('u:p') } })) },
    });
    assert.equal((await legacy.credentialFor('docker.io'))?.kind, 'basic');
  });

  it('refuses other secret types and missing keys, naming the secret', () => {
    assert.throws(() => credentialsFromPullSecret({ type: 'Opaque', metadata: { namespace: 'a', name: 'b' }, data: {} }), /secret a\/b has type Opaque/);
    assert.throws(() => credentialsFromPullSecret({ type: 'kubernetes.io/dockerconfigjson', metadata: { namespace: 'a', name: 'b' }, data: {} }), /secret a\/b has no data key \.dockerconfigjson/);
  });
});

describe('runCredentialHelper (real helper programs)', () => {
  let dir: string;
  const env = () => ({ PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` });
  const helper = async (name: string, script: string) => {
    const path = join(dir, `docker-credential-${name}`);
    await writeFile(path, `#!/bin/sh\n${script}\n`);
    await chmod(path, 0o755);
  };
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kspm-cred-helper-'));
    await helper('good', 'read server; echo "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"user-for-$server\\",\\"Secret\\":\\"s\\"}"');
    await helper('none', 'echo "credentials not found in native keychain"; exit 1');
    await helper('broken', 'echo "leaked-secret-value" >&2; exit 3');
    await helper('garbage', 'echo "not json"');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes the server URL on stdin and reads Username and Secret', async () => {
    assert.deepEqual(await runCredentialHelper('good', 'ghcr.io', env()), { username: 'user-for-ghcr.io', secret: 's' });
  });

  it('treats "credentials not found" as no credential', async () => {
    assert.equal(await runCredentialHelper('none', 'ghcr.io', env()), undefined);
  });

  it('reports failures by helper and server without echoing its output', async () => {
    await assert.rejects(runCredentialHelper('broken', 'ghcr.io', env()), (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.match(error.message, /docker-credential-broken get for ghcr\.io failed: exit status 3/);
      assert.doesNotMatch(error.message, /leaked-secret-value/);
      return true;
    });
    await assert.rejects(runCredentialHelper('garbage', 'ghcr.io', env()), /not JSON with string Username and Secret/);
    await assert.rejects(runCredentialHelper('absent', 'ghcr.io', env()), /docker-credential-absent is not on PATH/);
  });
});
