import { isRecord, record } from '../../model/k8s.js';
import { defineControl, type Violation } from '../types.js';
import { isLiteralSecret } from './secret-like.js';

/** Keys that hold a value: any non-empty `data` entry; `stringData` entries that are not references or placeholders. */
function filledKeys(field: 'data' | 'stringData', values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => typeof value === 'string' && (field === 'data' ? value.trim() !== '' : isLiteralSecret(value)))
    .map(([key]) => key);
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The Secret as `kubectl apply` recorded it in an annotation, values included, when it holds one. */
function lastApplied(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const text = record(record(object.metadata)?.annotations)?.[LAST_APPLIED];
  if (typeof text !== 'string') return undefined;
  try {
    return record(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export default defineControl(
  {
    id: 'secret-manifest-data',
    title: 'Secret values committed in a manifest',
    severity: 'high',
    category: 'Secrets',
    description:
      'Flags Secret objects whose `data` or `stringData` hold values, and Secrets whose `kubectl.kubernetes.io/last-applied-configuration` annotation repeats values. Values in objects read back from a cluster (they carry `metadata.uid`) are skipped: storing them is what a Secret is for there; the annotation is not.',
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
    const violations: Violation[] = [];
    const applied = lastApplied(object);
    const copied = applied ? (['data', 'stringData'] as const).flatMap((field) => (isRecord(applied[field]) ? filledKeys(field, applied[field]) : [])) : [];
    if (copied.length > 0) {
      violations.push({
        path: ['metadata', 'annotations', LAST_APPLIED],
        message: `the ${LAST_APPLIED} annotation repeats ${copied.length} secret value(s) in clear, readable by anyone who can read the Secret's metadata: ${copied.join(', ')}`,
        found: `keys ${copied.join(', ')} (values not shown)`,
        expected: 'no values in annotations: apply Secrets server-side (`kubectl apply --server-side`) or create them without kubectl apply',
      });
    }
    if (record(object.metadata)?.uid !== undefined) return violations;
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
