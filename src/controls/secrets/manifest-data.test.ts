import { it } from 'node:test';
import control from './manifest-data.js';
import { testControl, DEFAULT_TEST_OPTIONS } from '../testing.js';
import { assertNotRevealed, FAKE } from './fixtures.js';
import type { K8sObject } from '../../model/k8s.js';

const secret = (fields: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'db', namespace: 'shop' }): K8sObject => ({ apiVersion: 'v1', kind: 'Secret', metadata, ...fields });
const encoded = Buffer.from(FAKE.password).toString('base64');

testControl(control, {
  valid: [
    { name: 'a service-account-token Secret with no data', objects: secret({ type: 'kubernetes.io/service-account-token' }, { name: 'sa-token', annotations: { 'kubernetes.io/service-account.name': 'app' } }) },
    { name: 'empty data', objects: secret({ data: {} }) },
    {
      name: 'last-applied annotation that is not JSON, or holds no values',
      objects: [
        secret({}, { name: 'a', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{not json' } }),
        secret({}, { name: 'b', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Secret","data":{"password":""}}' } }),
      ],
    },
    { name: 'keys with empty values', objects: secret({ data: { password: '' }, stringData: { token: '' } }) },
    { name: 'stringData with references substituted at deploy time', objects: secret({ stringData: { password: '${DB_PASSWORD}' } }) },
    { name: 'read back from a cluster (has a uid)', objects: secret({ data: { password: encoded } }, { name: 'db', uid: '0b3c-11' }) },
    { name: 'data is a list', objects: secret({ data: ['password'] }) },
    { name: 'a ConfigMap is not a Secret', objects: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } } },
  ],
  invalid: [
    {
      name: 'values repeated in the last-applied annotation of a Secret read from a cluster',
      objects: secret(
        { data: { password: encoded } },
        { name: 'db', namespace: 'shop', uid: 'c0ffee', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', stringData: { password: FAKE.password } }) } },
      ),
      violations: [{ path: 'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]', message: 'repeats 1 secret value(s) in clear' }],
    },
    { name: 'data with values', objects: secret({ type: 'Opaque', data: { username: 'YXBw', password: encoded } }), violations: [{ path: 'data', message: '2 secret value(s) in data: username, password' }] },
    { name: 'stringData in clear', objects: secret({ stringData: { 'api-key': FAKE.password } }), violations: [{ path: 'stringData', message: 'api-key' }] },
    { name: 'both fields', objects: secret({ data: { a: 'Yg==' }, stringData: { b: 'c', empty: '' } }), violations: [{ path: 'data' }, { path: 'stringData', message: '1 secret value(s) in stringData: b' }] },
    { name: 'a service-account-token Secret carrying a token', objects: secret({ type: 'kubernetes.io/service-account-token', data: { token: encoded } }), violations: [{ path: 'data' }] },
  ],
});

it('secret-manifest-data lists key names, never values', () => {
  assertNotRevealed(control.check(secret({ data: { password: encoded } }), DEFAULT_TEST_OPTIONS), encoded);
  assertNotRevealed(control.check(secret({ stringData: { password: FAKE.password } }), DEFAULT_TEST_OPTIONS), FAKE.password);
});
