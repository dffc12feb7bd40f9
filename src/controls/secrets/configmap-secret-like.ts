import { isRecord } from '../../model/k8s.js';
import { defineControl, type Violation } from '../types.js';
import { findCredential, isLiteralSecret, isSecretLikeName, redacted, unquote } from './secret-like.js';

/** `name = value`, `name: value`, `"name": "value",` and `export NAME=value` lines of embedded config files. */
const ASSIGNMENT = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*,?\s*$/;

interface Exposure {
  message: string;
  value: string;
}

/** Data keys whose `name: value` lines are known not to be credentials: nsswitch's `passwd:` lists lookup sources. */
const NOT_CREDENTIAL_FILES = new Set(['nsswitch.conf']);

function exposure(key: string, value: string): Exposure | undefined {
  const credential = findCredential(value);
  if (credential) return { message: `key "${key}" contains ${credential.what}`, value: credential.value };
  if (!value.trim().includes('\n') && isSecretLikeName(key)) {
    return isLiteralSecret(value, key) ? { message: `key "${key}" is named like a secret and holds a literal value`, value: unquote(value) } : undefined;
  }
  // Otherwise the value may be an embedded config file, one line long or many.
  if (NOT_CREDENTIAL_FILES.has(key)) return undefined;
  const lines = value.split('\n');
  for (const [index, line] of lines.entries()) {
    const [, name, raw] = ASSIGNMENT.exec(line) ?? [];
    if (name === undefined || raw === undefined || !isSecretLikeName(name) || !isLiteralSecret(raw, name)) continue;
    return { message: `line ${index + 1} of key "${key}" sets ${name} in clear`, value: unquote(raw) };
  }
  return undefined;
}

export default defineControl(
  {
    id: 'configmap-secret-like',
    title: 'Credential stored in a ConfigMap',
    severity: 'high',
    category: 'Secrets',
    description:
      'Flags ConfigMap `data` entries that contain a well-known credential format, are named like a secret with a literal value, or embed a config file line such as `password = ...`.',
    rationale:
      'ConfigMaps are not treated as secret: they are readable by far more roles, shown in plain text by `kubectl describe`, not encrypted at rest and freely copied into repositories and logs.',
    remediation:
      'Move the value into a Secret (or an external secret manager) mounted as a file, and have the config file reference it (e.g. `password_file = /secrets/db`). Rotate the exposed credential.',
    frameworks: [
      { framework: 'cis', id: '5.4.2' },
      { framework: 'nsa', id: 'secrets' },
      { framework: 'mitre', id: 'T1552.001' },
    ],
    appliesTo: ['ConfigMap'],
  },
  (object) => {
    if (object.kind !== 'ConfigMap' || !isRecord(object.data)) return [];
    const violations: Violation[] = [];
    for (const [key, value] of Object.entries(object.data)) {
      if (typeof value !== 'string') continue;
      const found = exposure(key, value);
      if (!found) continue;
      violations.push({
        path: ['data', key],
        message: found.message,
        found: redacted(found.value),
        expected: 'no credentials in a ConfigMap: a Secret mounted as a file',
      });
    }
    return violations;
  },
);
