import { list } from '../../model/k8s.js';
import { checkContainers } from '../containers.js';
import { defineControl } from '../types.js';
import { containerName } from '../workload/pod-helpers.js';
import { findCredential, isLiteralSecret, isSecretLikeName, redacted, unquote } from './secret-like.js';

/** `--name=value` anywhere in an item, shell scripts (`sh -c "... --password=x"`) included. */
const FLAG_WITH_VALUE = /(?:^|[\s'"])(--?[A-Za-z][\w.-]*)=("[^"]*"|'[^']*'|[^\s'";&|]+)/g;
/** A whole item that is a flag, its value in the next item: `["--token", "abc"]`. */
const BARE_FLAG = /^--?([A-Za-z][\w.-]*)$/;

interface Exposure {
  index: number;
  /** What is passed, e.g. `a GitHub token` or `a secret to the --password flag`. */
  what: string;
  value: string;
}

function inItem(item: string): Omit<Exposure, 'index'> | undefined {
  const credential = findCredential(item);
  if (credential) return credential;
  for (const match of item.matchAll(FLAG_WITH_VALUE)) {
    const [, flag = '', raw = ''] = match;
    const value = unquote(raw);
    if (isSecretLikeName(flag) && isLiteralSecret(value, flag.replace(/^-+/, ''))) return { what: `a secret to the ${flag} flag`, value };
  }
  return undefined;
}

function exposures(items: unknown[]): Exposure[] {
  const found: Exposure[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item !== 'string') continue;
    const exposure = inItem(item);
    if (exposure) {
      found.push({ index, ...exposure });
      continue;
    }
    const flagName = BARE_FLAG.exec(item.trim())?.[1];
    const next = items[index + 1];
    if (flagName !== undefined && isSecretLikeName(flagName) && typeof next === 'string' && !next.startsWith('-') && isLiteralSecret(next)) {
      found.push({ index: index + 1, what: `a secret to the ${item.trim()} flag`, value: unquote(next) });
      index++;
    }
  }
  return found;
}

export default defineControl(
  {
    id: 'secret-literal-args',
    title: 'Secret written in clear in a command line',
    severity: 'high',
    category: 'Secrets',
    description:
      'Flags `command` and `args` items that pass a literal value to a secret-named flag (`--password=...`, `--token abc`, also inside `sh -c` scripts) or contain a well-known credential format.',
    rationale:
      'Command lines are stored in the manifest and shown by `ps`, `/proc/<pid>/cmdline`, `kubectl describe` and crash reports: a secret there is readable by anyone who can see the pod or the repository.',
    remediation:
      'Pass the secret through an env var from a Secret and reference it as `$(DB_PASSWORD)` in args, or better let the program read it from a mounted file (`--password-file=/secrets/db`). Rotate the exposed credential.',
    frameworks: [
      { framework: 'cis', id: '5.4.1' },
      { framework: 'nsa', id: 'secrets' },
      { framework: 'mitre', id: 'T1552.001' },
    ],
    appliesTo: 'workloads',
  },
  (object) =>
    checkContainers(object, ({ container, path }) =>
      (['command', 'args'] as const).flatMap((field) =>
        exposures(list(container[field])).map((exposure) => ({
          path: [...path, field, exposure.index],
          message: `${field}[${exposure.index}] of container "${containerName(container)}" passes ${exposure.what} in clear`,
          found: redacted(exposure.value),
          expected: 'the secret read from a mounted file, or from an env var set by a secretKeyRef ($(VAR))',
        })),
      ),
    ),
);
