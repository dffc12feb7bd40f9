import { list, record } from '../../model/k8s.js';
import { checkContainers } from '../containers.js';
import { defineControl, type Violation } from '../types.js';
import { containerName } from '../workload/pod-helpers.js';

function nameOf(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : '?';
}

export default defineControl(
  {
    id: 'secrets-as-env',
    title: 'Secret passed as an environment variable',
    severity: 'low',
    category: 'Secrets',
    description: 'Flags env entries with `valueFrom.secretKeyRef` and `envFrom` entries with `secretRef`: the secret reaches the container as an environment variable rather than a file.',
    rationale:
      'Environment variables leak: they are inherited by every child process, printed in crash dumps and debug endpoints, and readable in /proc/<pid>/environ. Files can be permission-restricted and are updated on rotation.',
    remediation:
      'Mount the Secret as a volume (`volumes: [{name: creds, secret: {secretName: db}}]` with a read-only `volumeMount`) and have the program read the file.',
    frameworks: [
      { framework: 'cis', id: '5.4.1' },
      { framework: 'nsa', id: 'secrets' },
      { framework: 'mitre', id: 'T1552.007' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(object, ({ container, path }) => {
      const who = `container "${containerName(container)}"`;
      const violations: Violation[] = [];
      list(container.env).forEach((entry, index) => {
        const env = record(entry);
        const ref = record(record(env?.valueFrom)?.secretKeyRef);
        if (!ref) return;
        violations.push({
          path: [...path, 'env', index, 'valueFrom', 'secretKeyRef'],
          message: `${who} receives key "${nameOf(ref.key)}" of secret "${nameOf(ref.name)}" as env ${nameOf(env?.name)}`,
          found: `secretKeyRef to ${nameOf(ref.name)}/${nameOf(ref.key)}`,
          expected: 'the secret mounted as a file',
        });
      });
      list(container.envFrom).forEach((entry, index) => {
        const ref = record(record(entry)?.secretRef);
        if (!ref) return;
        violations.push({
          path: [...path, 'envFrom', index, 'secretRef'],
          message: `${who} receives every key of secret "${nameOf(ref.name)}" as env`,
          found: `secretRef to ${nameOf(ref.name)}`,
          expected: 'the secret mounted as a file',
        });
      });
      return violations;
    }),
);
