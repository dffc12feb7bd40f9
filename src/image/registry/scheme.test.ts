import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from './errors.js';
import { checkRealm } from './realm.js';
import { hostnameOf, registryScheme } from './scheme.js';

describe('registryScheme', () => {
  it('speaks plain http to loopback registries, as docker does', () => {
    for (const registry of ['[::ffff:127.0.0.1]:5000', 'localhost', 'localhost:5000', '127.0.0.1:5000', '127.8.9.10', '[::1]:5000', 'kind-registry.localhost:5001']) {
      assert.equal(registryScheme(registry), 'http', registry);
    }
  });

  it('speaks https to everything else unless listed as insecure (with its port)', () => {
    assert.equal(registryScheme('registry.internal:5000'), 'https');
    assert.equal(registryScheme('10.0.0.5:5000'), 'https');
    assert.equal(registryScheme('128.0.0.1'), 'https');
    assert.equal(registryScheme('registry.internal:5000', ['registry.internal:5000']), 'http');
    assert.equal(registryScheme('registry.internal:5000', ['registry.internal']), 'https');
    assert.equal(registryScheme('docker.io', ['registry.internal:5000']), 'https');
  });

  it('takes host names out of host:port and [v6]:port', () => {
    assert.equal(hostnameOf('Host.Example:5000'), 'host.example');
    assert.equal(hostnameOf('[::1]:5000'), '::1');
    assert.equal(hostnameOf('ghcr.io'), 'ghcr.io');
  });
});

describe('checkRealm', () => {
  const refused = (realm: string, host: string, scheme: 'https' | 'http', problem: RegExp) =>
    assert.throws(() => checkRealm(realm, host, scheme), (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.match(error.message, problem);
      assert.match(error.message, new RegExp(host.replace(/\./g, '\\.')));
      return true;
    });

  it('accepts https realms on public hosts and the registry host itself', () => {
    assert.equal(checkRealm('https://auth.docker.io/token', 'registry-1.docker.io', 'https').host, 'auth.docker.io');
    assert.equal(checkRealm('http://127.0.0.1:9000/token', '127.0.0.1', 'http').port, '9000');
    assert.equal(checkRealm('https://10.1.2.3/token', '10.1.2.3', 'https').hostname, '10.1.2.3');
  });

  it('refuses a plain http realm for an https registry', () => {
    refused('http://auth.example.com/token', 'registry.example.com', 'https', /over plain http/);
  });

  it('refuses loopback, private and link-local realms other than the registry host', () => {
    for (const realm of ['https://169.254.169.254/latest/meta-data', 'https://10.0.0.1/token', 'https://192.168.1.1/t', 'https://172.20.0.1/t', 'https://localhost/t', 'https://127.0.0.1/t', 'https://[::1]/t', 'https://[fd00::1]/t', 'https://[fe80::1]/t', 'https://[::ffff:169.254.169.254]/t', 'https://[::ffff:7f00:1]/t']) {
      refused(realm, 'registry.example.com', 'https', /loopback, private or link-local/);
    }
  });

  it('refuses what is not an http(s) URL', () => {
    refused('/token', 'registry.example.com', 'https', /not an absolute URL/);
    refused('file:///etc/passwd', 'registry.example.com', 'https', /only http and https/);
  });
});
