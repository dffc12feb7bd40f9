/**
 * One registry's authenticated requests: ping `/v2/`, answer its challenge (anonymous, Basic, or a bearer token
 * from its realm, by the OAuth2 refresh-token POST when an identity token is configured, else by GET), add scopes
 * when a later challenge asks for more, renew tokens before they expire, and follow redirects without sending the
 * registry's Authorization to another host.
 */
import { parseChallenges, type Challenge } from './challenge.js';
import type { Credential, Keychain } from './credentials.js';
import { RegistryError } from './errors.js';
import { checkRealm } from './realm.js';
import { apiHost } from './reference.js';
import { hostnameOf, type Scheme } from './scheme.js';
import type { Transport } from './transport.js';

export interface SessionOptions {
  scheme: Scheme;
  keychain: Keychain;
  transport: Transport;
}

type AuthState =
  | { kind: 'anonymous' }
  | { kind: 'basic' }
  | { kind: 'bearer'; realm: URL; service?: string; scopes: string[]; token?: { value: string; expiresAt: number }; refreshToken?: string };

const CLIENT_ID = 'kspm';
const MAX_REDIRECTS = 5;
// Renew a little before the server's expiry, so a token does not lapse between check and use.
const EXPIRY_MARGIN_MS = 10_000;
const DEFAULT_TOKEN_LIFETIME_S = 60;

export class RegistrySession {
  readonly baseUrl: URL;
  private state: AuthState | undefined;
  private credentialLookup: Promise<Credential | undefined> | undefined;

  constructor(
    readonly registry: string,
    private readonly options: SessionOptions,
  ) {
    this.baseUrl = new URL(`${options.scheme}://${apiHost(registry)}`);
  }

  /** A request to the registry for `repository`; the answer's status is the caller's to judge, except 401. */
  async request(repository: string, path: string, init: RequestInit, what: string): Promise<Response> {
    const scope = `repository:${repository}:pull`;
    this.state ??= await this.ping();
    if (this.state.kind === 'bearer') this.addScopes([scope]);
    const url = new URL(path, this.baseUrl);
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const response = await this.followRedirects(url, init, what);
      if (response.status !== 401) return response;
      await response.body?.cancel();
      const challenge = preferredChallenge(response.headers.get('www-authenticate'));
      if (attempt >= 2 || !challenge) throw await this.unauthorized(scope, `${what} answered 401`);
      if (this.state.kind !== 'bearer' && challenge.scheme === 'bearer') {
        this.state = await this.fromChallenge(challenge);
        this.addScopes([scope]);
        continue;
      }
      if (this.state.kind === 'bearer') {
        const asked = (challenge.params.scope ?? '').split(' ').filter((entry) => entry !== '');
        const added = this.addScopes(asked);
        if (added || !refreshed) {
          this.state.token = undefined;
          refreshed = true;
          continue;
        }
      }
      throw await this.unauthorized(scope, `${what} answered 401`);
    }
  }

  private async ping(): Promise<AuthState> {
    const url = new URL('/v2/', this.baseUrl);
    const response = await this.options.transport.send(url, { method: 'GET', redirect: 'follow' }, `ping of registry ${this.registry}`);
    await response.body?.cancel();
    if (response.ok) return { kind: 'anonymous' };
    if (response.status === 429 || response.status >= 500) {
      throw new RegistryError('network', `registry ${this.registry}: GET ${url.href} kept answering ${response.status}`);
    }
    if (response.status !== 401) {
      throw new RegistryError('invalid-response', `registry ${this.registry}: GET ${url.href} answered ${response.status}; is this a registry (API v2)?`);
    }
    const challenge = preferredChallenge(response.headers.get('www-authenticate'));
    if (!challenge) throw new RegistryError('invalid-response', `registry ${this.registry} answered 401 without a Basic or Bearer challenge`);
    return this.fromChallenge(challenge);
  }

  private async fromChallenge(challenge: Challenge): Promise<AuthState> {
    if (challenge.scheme === 'basic') return { kind: 'basic' };
    const realm = challenge.params.realm;
    if (!realm) throw new RegistryError('invalid-response', `registry ${this.registry} sent a Bearer challenge without a realm`);
    return {
      kind: 'bearer',
      realm: checkRealm(realm, hostnameOf(apiHost(this.registry)), this.options.scheme),
      ...(challenge.params.service ? { service: challenge.params.service } : {}),
      scopes: [],
    };
  }

  /** New scopes go first: some token servers read only the first scope parameter. */
  private addScopes(scopes: string[]): boolean {
    const state = this.state;
    if (state?.kind !== 'bearer') return false;
    const missing = scopes.filter((scope) => !state.scopes.includes(scope));
    if (missing.length === 0) return false;
    state.scopes = [...missing, ...state.scopes];
    state.token = undefined;
    return true;
  }

  private credential(): Promise<Credential | undefined> {
    this.credentialLookup ??= this.options.keychain.credentialFor(this.registry);
    return this.credentialLookup;
  }

  private async authorization(): Promise<string | undefined> {
    const state = this.state;
    if (!state || state.kind === 'anonymous') return undefined;
    const credential = await this.credential();
    if (state.kind === 'basic') {
      if (credential?.kind !== 'basic') return undefined;
      return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    }
    if (!state.token || Date.now() >= state.token.expiresAt - EXPIRY_MARGIN_MS) await this.fetchToken(state, credential);
    return `Bearer ${state.token?.value ?? ''}`;
  }

  private async fetchToken(state: Extract<AuthState, { kind: 'bearer' }>, credential: Credential | undefined): Promise<void> {
    const refreshToken = state.refreshToken ?? (credential?.kind === 'identity-token' ? credential.token : undefined);
    let response: Response | undefined;
    if (refreshToken !== undefined) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID });
      if (state.service) form.set('service', state.service);
      if (state.scopes.length > 0) form.set('scope', state.scopes.join(' '));
      response = await this.options.transport.send(state.realm, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      }, `token request to ${state.realm.origin} for registry ${this.registry}`);
      // Not every token server implements OAuth2; those answer 404 and take the GET below.
      if (response.status === 404) {
        await response.body?.cancel();
        response = undefined;
      }
    }
    if (!response) {
      const url = new URL(state.realm);
      if (state.service) url.searchParams.set('service', state.service);
      for (const scope of state.scopes) url.searchParams.append('scope', scope);
      const headers: Record<string, string> = {};
      if (credential?.kind === 'basic') {
        headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
      }
      response = await this.options.transport.send(url, { method: 'GET', headers }, `token request to ${state.realm.origin} for registry ${this.registry}`);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      const who = credential ? `the credentials from ${credential.source}` : 'anonymous access (no credentials are configured for it)';
      throw new RegistryError('unauthorized', `registry ${this.registry}: token server ${state.realm.origin} refused ${who} (HTTP ${response.status})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError('invalid-response', `registry ${this.registry}: token server ${state.realm.origin} answered HTTP ${response.status}`);
    }
    const body = (await response.json().catch(() => undefined)) as
      | { token?: unknown; access_token?: unknown; expires_in?: unknown; refresh_token?: unknown }
      | undefined;
    const value = typeof body?.token === 'string' && body.token !== '' ? body.token : body?.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new RegistryError('invalid-response', `registry ${this.registry}: token server ${state.realm.origin} answered without a token`);
    }
    const lifetime = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    state.token = { value, expiresAt: Date.now() + lifetime * 1000 };
    if (typeof body?.refresh_token === 'string' && body.refresh_token !== '') state.refreshToken = body.refresh_token;
  }

  private async unauthorized(scope: string, what: string): Promise<RegistryError> {
    const credential = await this.credential();
    const who = credential ? `the credentials from ${credential.source}` : 'anonymous access (no credentials are configured for it)';
    return new RegistryError('unauthorized', `registry ${this.registry} refused ${who} for ${scope}: ${what}`);
  }

  private async followRedirects(url: URL, init: RequestInit, what: string): Promise<Response> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers = new Headers(init.headers);
      if (current.origin === this.baseUrl.origin) {
        const authorization = await this.authorization();
        if (authorization) headers.set('authorization', authorization);
      }
      const response = await this.options.transport.send(current, { ...init, headers, redirect: 'manual' }, what);
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
      await response.body?.cancel();
      current = new URL(location, current);
      if (current.protocol !== 'https:' && current.protocol !== 'http:') {
        throw new RegistryError('invalid-response', `${what}: redirected to unsupported URL scheme ${current.protocol}`);
      }
    }
    throw new RegistryError('invalid-response', `${what}: more than ${MAX_REDIRECTS} redirects`);
  }
}

function preferredChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const challenges = parseChallenges(header);
  return challenges.find((challenge) => challenge.scheme === 'bearer') ?? challenges.find((challenge) => challenge.scheme === 'basic');
}

/** Throws the registry's refusal as a typed error; `what` names the object asked for. */
export async function ensureOk(response: Response, what: string): Promise<Response> {
  if (response.ok) return response;
  const codes = await errorCodes(response);
  const detail = `HTTP ${response.status}${codes ? ` ${codes}` : ''}`;
  if (response.status === 404) throw new RegistryError('not-found', `${what} not found (${detail})`);
  if (response.status === 403) throw new RegistryError('denied', `${what}: access denied (${detail})`);
  if (response.status === 401) throw new RegistryError('unauthorized', `${what}: unauthorized (${detail})`);
  if (response.status >= 500 || response.status === 429) throw new RegistryError('network', `${what}: the registry kept failing (${detail})`);
  throw new RegistryError('invalid-response', `${what}: unexpected answer (${detail})`);
}

async function errorCodes(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: Array<{ code?: unknown; message?: unknown }> };
    return (body.errors ?? [])
      .map((error) => [error.code, error.message].filter((part) => typeof part === 'string').join(': '))
      .filter((text) => text !== '')
      .join('; ');
  } catch {
    return '';
  }
}
