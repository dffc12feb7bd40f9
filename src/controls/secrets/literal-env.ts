import { list, record, type EnvVar } from '../../model/k8s.js';
import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { containerName } from '../workload/pod-helpers.js';
import { findCredential, isLiteralSecret, isSecretLikeName, redacted } from './secret-like.js';

export default defineControl(
  {
    id: 'secret-literal-env',
    title: 'Secret written in clear in an environment variable',
    severity: 'high',
    category: 'Secrets',
    description:
      'Flags env entries with a literal `value` that is either named like a secret (PASSWORD, TOKEN, API_KEY, ...) or shaped like a well-known credential (AWS key id, GitHub or Slack token, private key, JWT), whatever its name.',
    rationale:
      'A secret in a manifest is readable by everyone with access to the repository, the CI logs or `kubectl get -o yaml`, is never rotated and survives in git history after it is removed.',
    remediation:
      'Store the value in a Secret (or an external secret manager) and reference it: `env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]`, or better mount it as a file. Rotate the exposed credential.',
    frameworks: [
      { framework: 'cis', id: '5.4.1' },
      { framework: 'cis', id: '5.4.2' },
      { framework: 'nsa', id: 'secrets' },
      { framework: 'mitre', id: 'T1552.001' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(object, ({ container, path }) =>
      list(container.env).flatMap((entry, index) => {
        const env = record<EnvVar>(entry);
        const value = typeof env?.value === 'number' ? String(env.value) : env?.value;
        if (typeof value !== 'string') return [];
        const name = typeof env?.name === 'string' ? env.name : '?';
        const credential = findCredential(value);
        if (!credential && !(isSecretLikeName(name) && isLiteralSecret(value, name))) return [];
        return [
          {
            path: [...path, 'env', index, 'value'],
            message: `env ${name} of container "${containerName(container)}" holds ${credential?.what ?? 'a secret'} in clear`,
            found: redacted(value),
            expected: 'valueFrom.secretKeyRef, or the secret mounted as a file',
          },
        ];
      }),
    ),
);
