/**
 * Registry credentials, from a docker config (the `config.json` docker login writes, or a Kubernetes pull secret
 * carrying one) and from docker credential helpers. Every credential carries where it came from, so an error can
 * name the source; the secret itself is never put in a message.
 */
import { DOCKER_HUB } from './reference.js';
import { RegistryError } from './errors.js';
import { runCredentialHelper, type HelperRunner } from './credential-helper.js';

export type Credential =
  | { kind: 'basic'; username: string; password: string; source: string }
  /** An OAuth2 refresh token (docker's `identitytoken`), exchanged at the token realm. */
  | { kind: 'identity-token'; token: string; source: string };

export interface Keychain {
  /** The credential for a registry (`docker.io`, `host:5000`), or undefined to go anonymous. */
  credentialFor(registry: string): Promise<Credential | undefined>;
}

/** The key docker uses for Docker Hub in `auths` and what it hands credential helpers. */
export const DOCKER_HUB_SERVER_URL = 'https://index.docker.io/v1/';

const ANONYMOUS: Keychain = { credentialFor: () => Promise.resolve(undefined) };

/** The first keychain that has a credential for a registry wins. */
export function chainKeychains(...keychains: Keychain[]): Keychain {
  if (keychains.length === 0) return ANONYMOUS;
  return {
    async credentialFor(registry) {
      for (const keychain of keychains) {
        const credential = await keychain.credentialFor(registry);
        if (credential) return credential;
      }
      return undefined;
    },
  };
}

/** `auths` keys as docker writes them (`https://index.docker.io/v1/`, `http://host:5000`, `host:5000`) to registry. */
export function registryOfConfigKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0]?.toLowerCase() ?? '';
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DOCKER_HUB : host;
}

export interface DockerConfigOptions {
  /** Runs `docker-credential-<name> get`; replaceable in tests. */
  runHelper?: HelperRunner;
  env?: NodeJS.ProcessEnv;
}

/**
 * Credentials from the text or parsed JSON of a docker config: `config.json` (`auths`, `credHelpers`, `credsStore`)
 * or the legacy `.dockercfg` form (registry keys at the top). `source` names it in errors (a path, a secret's name).
 * Per registry, docker's order: its `credHelpers` entry, then `credsStore`, then `auths`.
 */
export function credentialsFromDockerConfig(json: string | unknown, source: string, options: DockerConfigOptions = {}): Keychain {
  const config = parseConfig(json, source);
  const auths = isRecord(config.auths) ? config.auths : 'auths' in config || 'credHelpers' in config || 'credsStore' in config ? {} : config;
  const byRegistry = new Map<string, Credential>();
  for (const [key, entry] of Object.entries(auths)) {
    const credential = authEntryCredential(entry, `${source} (auths "${key}")`);
    const registry = registryOfConfigKey(key);
    if (credential && !byRegistry.has(registry)) byRegistry.set(registry, credential);
  }
  const helpers = new Map<string, string>();
  if (isRecord(config.credHelpers)) {
    for (const [key, helper] of Object.entries(config.credHelpers)) {
      if (typeof helper === 'string' && helper !== '') helpers.set(registryOfConfigKey(key), helper);
    }
  }
  const store = typeof config.credsStore === 'string' && config.credsStore !== '' ? config.credsStore : undefined;
  const runHelper = options.runHelper ?? ((helper, serverUrl) => runCredentialHelper(helper, serverUrl, options.env));

  return {
    async credentialFor(registry) {
      const helper = helpers.get(registry) ?? store;
      if (helper) {
        const serverUrl = registry === DOCKER_HUB ? DOCKER_HUB_SERVER_URL : registry;
        const found = await runHelper(helper, serverUrl);
        if (found) return helperCredential(found, `credential helper docker-credential-${helper} (from ${source})`);
      }
      return byRegistry.get(registry);
    },
  };
}

export interface PullSecret {
  type?: string;
  metadata?: { name?: string; namespace?: string };
  data?: Record<string, string>;
}

/** Credentials from a `kubernetes.io/dockerconfigjson` or `kubernetes.io/dockercfg` secret (its base64 `data`). */
export function credentialsFromPullSecret(secret: PullSecret, options: DockerConfigOptions = {}): Keychain {
  const name = `secret ${secret.metadata?.namespace ?? 'default'}/${secret.metadata?.name ?? '(unnamed)'}`;
  const key = secret.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
  const encoded = secret.data?.[key];
  if (secret.type !== undefined && secret.type !== 'kubernetes.io/dockerconfigjson' && secret.type !== 'kubernetes.io/dockercfg') {
    throw new RegistryError('credentials', `${name} has type ${secret.type}, not kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg`);
  }
  if (encoded === undefined) throw new RegistryError('credentials', `${name} has no data key ${key}`);
  return credentialsFromDockerConfig(Buffer.from(encoded, 'base64').toString('utf8'), name, options);
}

function parseConfig(json: string | unknown, source: string): Record<string, unknown> {
  let parsed: unknown = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new RegistryError('credentials', `${source} is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!isRecord(parsed)) throw new RegistryError('credentials', `${source} is not a JSON object`);
  return parsed;
}

function authEntryCredential(entry: unknown, source: string): Credential | undefined {
  if (!isRecord(entry)) return undefined;
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return { kind: 'identity-token', token: entry.identitytoken, source };
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new RegistryError('credentials', `${source}: "auth" is not base64 of username:password`);
    return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string' && entry.username !== '') {
    return { kind: 'basic', username: entry.username, password: entry.password, source };
  }
  return undefined;
}

/** A helper's `<token>` username means its secret is an identity token, as docker reads it. */
function helperCredential(found: { username: string; secret: string }, source: string): Credential {
  if (found.username === '<token>') return { kind: 'identity-token', token: found.secret, source };
  return { kind: 'basic', username: found.username, password: found.secret, source };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
