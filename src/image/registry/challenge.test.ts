import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChallenges } from './challenge.js';

describe('parseChallenges', () => {
  it('reads a Docker Hub bearer challenge', () => {
    assert.deepEqual(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"'), [
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } },
    ]);
  });

  it('keeps commas and escaped quotes inside quoted values, and reads unquoted values', () => {
    assert.deepEqual(parseChallenges('Bearer realm="https://a/t", scope="repository:a:pull,push repository:b:pull", error=insufficient_scope, note="say \\"hi\\""'), [
      { scheme: 'bearer', params: { realm: 'https://a/t', scope: 'repository:a:pull,push repository:b:pull', error: 'insufficient_scope', note: 'say "hi"' } },
    ]);
  });

  it('reads several challenges in one header, schemes case-insensitively', () => {
    assert.deepEqual(parseChallenges('BASIC realm="Registry Realm", Bearer realm="https://t/x",service=s'), [
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://t/x', service: 's' } },
    ]);
  });

  it('gives nothing for an empty header', () => {
    assert.deepEqual(parseChallenges(''), []);
  });
});
