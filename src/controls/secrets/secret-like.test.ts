import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCredential, isLiteralSecret, isSecretLikeName, redacted } from './secret-like.js';
import { FAKE } from './fixtures.js';

describe('isSecretLikeName', () => {
  for (const name of ['PASSWORD', 'DB_PASSWORD', 'mysqlRootPassword', 'MYSQL_PASSWD', 'API_KEY', 'apiKey', 'APIKEY', 'GITHUB_TOKEN', 'client-secret', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'ACCESS_KEY', 'credentials', 'signing_key', 'spring.datasource.password', '--cookie-secret']) {
    it(`secret-like: ${name}`, () => assert.equal(isSecretLikeName(name), true));
  }
  for (const name of ['PASSWORD_FILE', 'secretName', 'TOKEN_URL', 'MAX_TOTAL_TOKENS', 'tokenizer', 'AWS_ACCESS_KEY_ID', 'existingSecret', 'tlsSecret', 'KEY', 'tls-key', 'TOKENREF_STRICT_MODE', 'password-stdin', 'HOSTNAME', '', '___']) {
    it(`not secret-like: ${JSON.stringify(name)}`, () => assert.equal(isSecretLikeName(name), false));
  }
});

describe('isLiteralSecret', () => {
  for (const value of ['hunter2', '"quoted secret"', 'changeme', '12345678']) {
    it(`literal: ${value}`, () => assert.equal(isLiteralSecret(value), true));
  }
  it('not literal: a value repeating its name', () => assert.equal(isLiteralSecret('HF_TOKEN', 'HF_TOKEN'), false));
  for (const value of ['', '  ', '""', 'true', 'No', '1', '$(DB_PASSWORD)', '${DB_PASSWORD}', '$DB_PASSWORD', '{{ .Values.password }}', '<your-password>', '__SERVICEACCOUNT_TOKEN__', '/var/run/secrets/token', '{', '[]', 'os.environ["TOKEN"]']) {
    it(`not literal: ${JSON.stringify(value)}`, () => assert.equal(isLiteralSecret(value), false));
  }
});

describe('findCredential', () => {
  const cases: [string, string][] = [
    [FAKE.awsKeyId, 'AWS access key id'],
    [`token=${FAKE.githubToken};`, 'GitHub token'],
    [FAKE.slackToken, 'Slack token'],
    [`key: |\n${FAKE.privateKey}`, 'private key'],
    [`Bearer ${FAKE.jwt}`, 'JSON Web Token'],
  ];
  for (const [text, what] of cases) {
    it(`finds ${what}`, () => assert.ok(findCredential(text)?.what.includes(what)));
  }
  it('returns the matched text so callers can measure it', () => assert.equal(findCredential(`x ${FAKE.awsKeyId} y`)?.value, FAKE.awsKeyId));
  for (const text of ['AKIA-not-a-key', 'ghp_short', 'eyJhbGciOiJIUzI1NiJ9', 'hello world', 'BEGIN PUBLIC KEY']) {
    it(`ignores ${text}`, () => assert.equal(findCredential(text), undefined));
  }
});

describe('redacted', () => {
  it('states the size only', () => {
    assert.equal(redacted(FAKE.password), `literal value (${FAKE.password.length} characters)`);
    assert.ok(!redacted(FAKE.password).includes(FAKE.password));
  });
});
