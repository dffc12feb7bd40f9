import { it } from 'node:test';
import control from './literal-env.js';
import { testControl, DEFAULT_TEST_OPTIONS } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from '../workload/fixtures.js';
import { assertNotRevealed, FAKE } from './fixtures.js';

const env = (...entries: unknown[]) => ({ env: entries });

testControl(control, {
  valid: [
    { name: 'no env', objects: podOf() },
    { name: 'secret from a secretKeyRef', objects: podOf(env({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } })) },
    { name: 'ordinary settings', objects: podOf(env({ name: 'LOG_LEVEL', value: 'debug' }, { name: 'PORT', value: '8080' })) },
    { name: 'names that describe a secret without holding it', objects: podOf(env({ name: 'DB_PASSWORD_FILE', value: '/secrets/db' }, { name: 'TOKEN_TTL', value: '3600' }, { name: 'WEBHOOK_SECRET_NAME', value: 'hooks' })) },
    { name: 'references and placeholders', objects: podOf(env({ name: 'API_TOKEN', value: '$(TOKEN_FROM_SECRET)' }, { name: 'PASSWORD', value: '' }, { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: 'yes' }, { name: 'HF_TOKEN', value: 'HF_TOKEN' })) },
    { name: 'malformed env', objects: podOf({ env: 'PASSWORD=x' }) },
    { name: 'malformed entries', objects: podOf(env(null, 'PASSWORD', { name: 'PASSWORD', value: { nested: true } })) },
  ],
  invalid: [
    {
      name: 'literal password in a Deployment',
      objects: podOf(env({ name: 'LOG_LEVEL', value: 'info' }, { name: 'MYSQL_ROOT_PASSWORD', value: FAKE.password }), 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].env[1].value`, message: 'env MYSQL_ROOT_PASSWORD of container "app" holds a secret in clear' }],
    },
    { name: 'numeric literal password', objects: podOf(env({ name: 'PIN_PASSWORD', value: 123456 })), violations: [{ path: 'spec.containers[0].env[0].value' }] },
    { name: 'camelCase api key', objects: podOf(env({ name: 'stripeApiKey', value: 'sk_test_abc' })), violations: [{ path: 'spec.containers[0].env[0].value' }] },
    { name: 'AWS key id under an innocent name', objects: podOf(env({ name: 'CONFIG', value: FAKE.awsKeyId })), violations: [{ path: 'spec.containers[0].env[0].value', message: 'an AWS access key id' }] },
    { name: 'GitHub token under an innocent name', objects: podOf(env({ name: 'GH', value: FAKE.githubToken })), violations: [{ path: 'spec.containers[0].env[0].value', message: 'a GitHub token' }] },
    { name: 'JWT', objects: podOf(env({ name: 'AUTH_HEADER', value: `Bearer ${FAKE.jwt}` })), violations: [{ path: 'spec.containers[0].env[0].value', message: 'JSON Web Token' }] },
    {
      name: 'init container of a CronJob with a Slack token',
      objects: workload('CronJob', { initContainers: [{ name: 'notify', image: 'curl:8', env: [{ name: 'SLACK', value: FAKE.slackToken }] }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.CronJob}.initContainers[0].env[0].value`, message: 'Slack token' }],
    },
    { name: 'env without a name', objects: podOf(env({ value: FAKE.privateKey })), violations: [{ path: 'spec.containers[0].env[0].value', message: 'env ? of container' }] },
  ],
});

it('secret-literal-env never reveals the value', () => {
  for (const value of [FAKE.password, FAKE.githubToken, FAKE.privateKey]) {
    assertNotRevealed(control.check(podOf(env({ name: 'SERVICE_PASSWORD', value })), DEFAULT_TEST_OPTIONS), value);
  }
});
