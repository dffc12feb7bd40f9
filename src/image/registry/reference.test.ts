import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from './errors.js';
import { apiHost, formatReference, parseReference } from './reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseReference', () => {
  const cases: Array<[string, string]> = [
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/nginx:1', 'docker.io/library/nginx:1'],
    ['ghcr.io/acme/tools/cli:v2', 'ghcr.io/acme/tools/cli:v2'],
    ['host:5000/a/b:tag', 'host:5000/a/b:tag'],
    ['localhost/x', 'localhost/x:latest'],
    ['localhost:5000/x', 'localhost:5000/x:latest'],
    ['[::1]:5000/x:1', '[::1]:5000/x:1'],
    [`repo@${DIGEST}`, `docker.io/library/repo@${DIGEST}`],
    [`quay.io/a/repo:tag@${DIGEST}`, `quay.io/a/repo:tag@${DIGEST}`],
    ['registry.example.com/a__b/c-d--e.f:1.0-rc_1', 'registry.example.com/a__b/c-d--e.f:1.0-rc_1'],
  ];
  for (const [input, normal] of cases) {
    it(`${input} → ${normal}`, () => {
      assert.equal(formatReference(parseReference(input)), normal);
    });
  }

  it('splits registry, repository, tag and digest', () => {
    assert.deepEqual(parseReference(`host:5000/a/b:tag@${DIGEST}`), { registry: 'host:5000', repository: 'a/b', tag: 'tag', digest: DIGEST });
    assert.deepEqual(parseReference(`a/b@${DIGEST}`), { registry: 'docker.io', repository: 'a/b', digest: DIGEST });
  });

  const bad: Array<[string, RegExp]> = [
    ['', /empty/],
    [' nginx', /spaces/],
    ['Nginx', /lowercase/],
    ['ghcr.io/Acme/app', /lowercase/],
    ['nginx:-bad', /tag "-bad"/],
    ['nginx:', /tag ""/],
    ['nginx@sha256:abc', /digest "sha256:abc"/],
    [`nginx@md5:${'a'.repeat(32)}`, /digest/],
    ['a//b', /path component/],
    ['ghcr.io/', /"" is not a valid repository path component/],
    ['bad_host:5000/x', /registry "bad_host:5000"/],
    [`x/${'a'.repeat(260)}`, /longer than 255/],
  ];
  for (const [input, problem] of bad) {
    it(`refuses "${input.slice(0, 40)}" naming the problem`, () => {
      assert.throws(() => parseReference(input), (error: unknown) => {
        assert.ok(error instanceof RegistryError);
        assert.equal(error.kind, 'bad-reference');
        assert.match(error.message, problem);
        return true;
      });
    });
  }
});

describe('apiHost', () => {
  it('sends Docker Hub requests to registry-1.docker.io and others to their own host', () => {
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(apiHost('ghcr.io'), 'ghcr.io');
  });
});
