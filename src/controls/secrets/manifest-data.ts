import { isRecord, record } from '../../model/k8s.js';
import { defineControl, type Violation } from '../types.js';
import { isLiteralSecret } from './secret-like.js';

/** Keys that hold a value: any non-empty `data` entry; `stringData` entries that are not references or placeholders. */
function filledKeys(field: 'data' | 'stringData', values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => typeof value === 'string' && (field === 'data' ? value.trim() !== '' : isLiteralSecret(value)))
    .map(([key]) => key);
}

export default defineControl(
  {
    id: 'secret-manifest-data',
    title: 'Secret values committed in a manifest',
    severity: 'high',
    category: 'Secrets',
    description:
      'Flags Secret objects whose `data` or `stringData` hold values. Objects read back from a cluster (they carry `metadata.uid`) are skipped: storing values is what a Secret is for there.',
    rationale:
      'base64 is an encoding, not encryption: a Secret committed with its values is readable by everyone with access to the repository, its forks and its history, and is rarely rotated.',
    remediation:
      'Commit the Secret without values and create them at deploy time, or commit an encrypted form (Sealed Secrets, SOPS) or an ExternalSecret that fetches them from a secret manager. Rotate the exposed values.',
    frameworks: [
      { framework: 'cis', id: '5.4.2' },
      { framework: 'nsa', id: 'secrets' },
      { framework: 'mitre', id: 'T1552.001' },
    ],
    appliesTo: ['Secret'],
  },
  (object) => {
    if (object.kind !== 'Secret') return [];
    if (record(object.metadata)?.uid !== undefined) return [];
    const violations: Violation[] = [];
    for (const field of ['data', 'stringData'] as const) {
      const values = object[field];
      if (!isRecord(values)) continue;
      const keys = filledKeys(field, values);
      if (keys.length === 0) continue;
      violations.push({
        path: [field],
        message: `the manifest holds ${keys.length} secret value(s) in ${field}: ${keys.join(', ')}`,
        found: `keys ${keys.join(', ')} (values not shown)`,
        expected: 'no values in the manifest: created at deploy time, encrypted, or fetched from a secret manager',
      });
    }
    return violations;
  },
);
