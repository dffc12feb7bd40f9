/**
 * Recognising secrets written in clear: names that announce one, values in the format of a well-known credential,
 * and a description of a value that never reveals it.
 */

/** A word of a name is secret-like when it ends with one of these (`dbpassword`, `apitoken`, `clientsecret`). */
const SECRET_WORD_ENDINGS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'credential', 'credentials'];

/** `<qualifier> key` pairs that name a secret key rather than a lookup key (`API_KEY`, `signing-key`). */
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'signing', 'encryption', 'master', 'ssh', 'auth', 'session', 'hmac', 'account']);

/** `<qualifier> secret` names that hold the name of a Secret object (`existingSecret`, `tlsSecret`), not a secret. */
const SECRET_OBJECT_QUALIFIERS = new Set(['existing', 'credentials', 'tls', 'ca', 'cert', 'certificate', 'pull', 'registry']);

/** A name ending with one of these words describes a secret (where it is, how long it lives) without holding it. */
const DESCRIPTIVE_LAST_WORDS = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'name', 'names', 'ref', 'reference', 'url', 'uri', 'endpoint', 'host',
  'length', 'len', 'ttl', 'expiry', 'expiration', 'expires', 'timeout', 'duration', 'period', 'interval', 'type',
  'enabled', 'enable', 'disabled', 'required', 'policy', 'mode', 'header', 'prefix', 'suffix', 'version', 'count',
  'size', 'id', 'location', 'namespace', 'stdin', 'env', 'var', 'field', 'format', 'algorithm', 'audience', 'issuer',
  'kind', 'min', 'max', 'limit', 'provider', 'source', 'mount', 'volume', 'store', 'manager', 'user', 'username',
]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether a variable, flag or key name says it holds a secret: `DB_PASSWORD`, `--client-secret`, `apiKey`. */
export function isSecretLikeName(name: string): boolean {
  const parts = words(name);
  const last = parts.at(-1);
  if (last === undefined || DESCRIPTIVE_LAST_WORDS.has(last)) return false;
  if (last === 'secret' && SECRET_OBJECT_QUALIFIERS.has(parts.at(-2) ?? '')) return false;
  return parts.some(
    (word, index) => SECRET_WORD_ENDINGS.some((ending) => word.endsWith(ending)) || (word === 'key' && index > 0 && KEY_QUALIFIERS.has(parts[index - 1]!)),
  );
}

const NOT_LITERAL: readonly RegExp[] = [
  /^(true|false|yes|no|on|off|null|nil|none|~|0|1)$/i,
  // a reference resolved elsewhere: $(VAR) by the kubelet, $VAR and ${VAR} by a shell, $__file{path} by Grafana
  /^\$(\([A-Za-z_][\w.-]*\)|\{[^}]*\}|[A-Za-z_]\w*(\{[^}]*\})?)$/,
  // a template or a placeholder
  /^\{\{.*\}\}$/s,
  /^<[^>]*>$/,
  /^__[A-Z0-9_]+__$/,
  // an expression of an embedded script: `os.environ["TOKEN"]`, `getenv("TOKEN")`
  /^[A-Za-z_][\w.]*\s*[([]/,
  // a path to a file that holds the secret
  /^\//,
  // the start of a nested object or list, when reading `key: value` lines
  /^(\{\}?|\[\]?)$/,
];

/** Strips one pair of surrounding quotes. */
export function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0]) return trimmed.slice(1, -1);
  return trimmed;
}

/**
 * Whether the value is a secret written in clear, not empty, a reference, a placeholder, a path or a flag word. A value
 * that repeats the name it is assigned to (`HF_TOKEN: HF_TOKEN`) is a placeholder too.
 */
export function isLiteralSecret(value: string, name?: string): boolean {
  const text = unquote(value);
  if (name !== undefined && text.toLowerCase() === name.toLowerCase()) return false;
  return text !== '' && !NOT_LITERAL.some((pattern) => pattern.test(text));
}

const CREDENTIAL_FORMATS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/ },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]+/ },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
];

export interface CredentialMatch {
  /** The kind of credential, e.g. `a GitHub token`. */
  what: string;
  /** The matched text: for measuring only, never for output. */
  value: string;
}

/** The first well-known credential the text contains, or undefined. */
export function findCredential(text: string): CredentialMatch | undefined {
  for (const { what, pattern } of CREDENTIAL_FORMATS) {
    const match = pattern.exec(text);
    if (match) return { what, value: match[0] };
  }
  return undefined;
}

/** The only thing kspm says about a secret value: that it is there, and its size. */
export function redacted(value: string): string {
  return `literal value (${value.length} characters)`;
}
