/**
 * Fake credentials for tests, assembled at run time so secret scanners do not mistake this file for a leak, and a
 * check that a control's output never contains a value.
 */
import assert from 'node:assert/strict';
import type { Violation } from '../types.js';

export const FAKE = {
  awsKeyId: ['AKIA', 'Q3EXAMPLE7KSPM42'].join(''),
  githubToken: ['ghp', '_', 'k5pmT3stT0k3nAbCdEfGhIjKlMnOpQrStUvW'].join(''),
  slackToken: ['xoxb', '-', '1234567890-abcdefghijkl'].join(''),
  privateKey: ['-----BEGIN RSA PRIVATE', ' KEY-----\nMIIEowIBAAKCAQEAkspmfake\n-----END RSA PRIVATE', ' KEY-----\n'].join(''),
  jwt: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJrc3BtLXRlc3QifQ', 'c2lnbmF0dXJlLW9mLWtzcG0tdGVzdA'].join('.'),
  password: 'Tr0ub4dor&3-kspm',
};

/** Fails when the value (or any line of it) appears anywhere in what the control reports. */
export function assertNotRevealed(violations: Violation[], value: string): void {
  assert.ok(violations.length > 0, 'the case must report something for the check to mean anything');
  const output = JSON.stringify(violations);
  for (const part of value.split('\n').filter((line) => line.length >= 6)) {
    assert.ok(!output.includes(part), `the output reveals the secret value: ${output.slice(0, 120)}...`);
  }
}
