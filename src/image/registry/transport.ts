/**
 * HTTP requests with retries and timeouts. Network failures, 429 and 5xx are retried with exponential backoff and
 * full jitter, waiting at least what `Retry-After` asks; other 4xx answers are final and returned to the caller.
 */
import { RegistryError } from './errors.js';

export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch?: FetchFunction;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff step (default 500 ms), doubled each retry, capped at `maxDelayMs` (default 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long to wait for a response's headers, and for each chunk of a body (default 60 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Transport {
  /** The response (any status but 429/5xx after retries run out, which is returned as is), or a network error. */
  send(url: URL, init: RequestInit, what: string): Promise<Response>;
  readonly timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function createTransport(options: TransportOptions = {}): Transport {
  const fetchFn = options.fetch ?? fetch;
  const retries = options.retries ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;

  return {
    timeoutMs,
    async send(url, init, what) {
      for (let attempt = 0; ; attempt++) {
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
        let response: Response;
        try {
          response = await withHeaderTimeout(fetchFn, url, init, timeoutMs);
        } catch (error) {
          if (attempt >= retries) {
            throw new RegistryError('network', `${what} (${url.origin}) failed after ${attempt + 1} attempts: ${describe(error)}`, { cause: error });
          }
          await sleep(random() * backoff);
          continue;
        }
        if (!isRetryable(response.status) || attempt >= retries) return response;
        await response.body?.cancel();
        const asked = retryAfterMs(response.headers.get('retry-after'));
        await sleep(Math.min(maxDelayMs, Math.max(asked ?? 0, random() * backoff)));
      }
    },
  };
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function withHeaderTimeout(fetchFn: FetchFunction, url: URL, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
  try {
    return await fetchFn(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

/** A response body's chunks, failing when none arrives within `idleMs`. */
export async function* readBody(response: Response, idleMs: number, what: string): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RegistryError('network', `${what}: no data for ${idleMs} ms`)), idleMs);
      });
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await Promise.race([reader.read(), idle]);
      } catch (error) {
        if (error instanceof RegistryError) throw error;
        throw new RegistryError('network', `${what}: the connection failed while reading: ${describe(error)}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
