import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from './errors.js';
import { createTransport, retryAfterMs, type FetchFunction } from './transport.js';

function scripted(answers: Array<number | Error>): { fetch: FetchFunction; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fetch: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return new Response(null, { status: answer ?? 200, headers: answer === 429 ? { 'retry-after': '7' } : {} });
    },
  };
}

const url = new URL('https://registry.example/v2/');

describe('transport', () => {
  it('retries network errors, 429 and 5xx with growing jittered backoff, honouring Retry-After', async () => {
    const waits: number[] = [];
    const script = scripted([new TypeError('fetch failed'), 503, 429, 200]);
    const transport = createTransport({ fetch: script.fetch, baseDelayMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
    const response = await transport.send(url, {}, 'ping');
    assert.equal(response.status, 200);
    assert.equal(script.calls(), 4);
    assert.deepEqual(waits, [50, 100, 7000]);
  });

  it('returns 4xx answers at once', async () => {
    const script = scripted([404]);
    const transport = createTransport({ fetch: script.fetch, sleep: async () => undefined });
    assert.equal((await transport.send(url, {}, 'manifest')).status, 404);
    assert.equal(script.calls(), 1);
  });

  it('stops after the retries: the last 5xx is returned, a network failure becomes a network error', async () => {
    const failing = scripted([502]);
    assert.equal((await createTransport({ fetch: failing.fetch, retries: 2, sleep: async () => undefined }).send(url, {}, 'x')).status, 502);
    assert.equal(failing.calls(), 3);
    const down = scripted([new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })]);
    await assert.rejects(createTransport({ fetch: down.fetch, retries: 1, sleep: async () => undefined }).send(url, {}, 'ping of registry x'), (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.equal(error.kind, 'network');
      assert.match(error.message, /ping of registry x \(https:\/\/registry\.example\) failed after 2 attempts: fetch failed: connect ECONNREFUSED/);
      return true;
    });
  });

  it('aborts a request whose headers do not come within the timeout', async () => {
    const hanging: FetchFunction = (_, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    await assert.rejects(createTransport({ fetch: hanging, retries: 0, timeoutMs: 20 }).send(url, {}, 'x'), /no response within 20 ms/);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(null), undefined);
  });
});
