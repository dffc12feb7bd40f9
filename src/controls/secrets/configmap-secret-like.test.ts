import { it } from 'node:test';
import control from './configmap-secret-like.js';
import { testControl, DEFAULT_TEST_OPTIONS } from '../testing.js';
import { assertNotRevealed, FAKE } from './fixtures.js';
import type { K8sObject } from '../../model/k8s.js';

const configMap = (data: unknown): K8sObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'shop' }, data });

testControl(control, {
  valid: [
    { name: 'ordinary settings', objects: configMap({ LOG_LEVEL: 'info', 'app.properties': 'server.port=8080\nspring.datasource.url=jdbc:mysql://db/shop\n' }) },
    { name: 'config files that point at secrets', objects: configMap({ 'grafana.ini': '[security]\nadmin_password = $__file{/secrets/admin}\npassword_file = /secrets/db\n', SECRET_NAME: 'db' }) },
    { name: 'nested structure and templates', objects: configMap({ 'config.json': '{\n  "auth": {\n    "token": {\n      "ttl": 3600\n    },\n    "password": "{{ .Password }}"\n  }\n}' }) },
    { name: 'nsswitch passwd source list', objects: configMap({ 'nsswitch.conf': 'passwd:   files\ngroup:    files\n' }) },
    { name: 'data is not an object', objects: configMap('password=x') },
    { name: 'values that are not strings', objects: configMap({ password: 42, token: null }) },
    { name: 'not a ConfigMap', objects: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { password: 'x' } } },
  ],
  invalid: [
    { name: 'key named like a secret', objects: configMap({ DB_PASSWORD: FAKE.password }), violations: [{ path: 'data.DB_PASSWORD', message: 'key "DB_PASSWORD" is named like a secret' }] },
    { name: 'properties file with a password line', objects: configMap({ 'application.properties': 'server.port=8080\nspring.datasource.password=hunter22\n' }), violations: [{ path: 'data["application.properties"]', message: 'line 2 of key "application.properties" sets spring.datasource.password in clear' }] },
    { name: 'one-line properties file with a password', objects: configMap({ 'application.properties': 'db.password=hunter22\n' }), violations: [{ path: 'data["application.properties"]', message: 'line 1 of key "application.properties" sets db.password in clear' }] },
    { name: 'YAML config with a token', objects: configMap({ 'config.yaml': 'exporters:\n  otlp:\n    headers:\n      token: "abc-def-123"\n' }), violations: [{ path: 'data["config.yaml"]', message: 'line 4' }] },
    { name: 'JSON config with a client secret', objects: configMap({ 'oidc.json': '{\n  "client_id": "shop",\n  "client_secret": "s3cr3t-value",\n}' }), violations: [{ path: 'data["oidc.json"]', message: 'sets client_secret' }] },
    { name: 'private key under an innocent name', objects: configMap({ 'tls.pem': FAKE.privateKey }), violations: [{ path: 'data["tls.pem"]', message: 'contains a private key' }] },
    { name: 'AWS key id in a script', objects: configMap({ 'setup.sh': `#!/bin/sh\naws configure set aws_access_key_id ${FAKE.awsKeyId}\n` }), violations: [{ path: 'data["setup.sh"]', message: 'AWS access key id' }] },
  ],
});

it('configmap-secret-like never reveals the value', () => {
  assertNotRevealed(control.check(configMap({ DB_PASSWORD: FAKE.password }), DEFAULT_TEST_OPTIONS), FAKE.password);
  assertNotRevealed(control.check(configMap({ 'app.conf': `user = app\npassword = ${FAKE.password}\n` }), DEFAULT_TEST_OPTIONS), FAKE.password);
  assertNotRevealed(control.check(configMap({ 'key.pem': FAKE.privateKey }), DEFAULT_TEST_OPTIONS), FAKE.privateKey);
});
