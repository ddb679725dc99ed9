import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { toSegmentTrack } from '../../src/mapping/toSegmentTrack';
import { createSegmentSender, type SegmentSenderOptions, type SendOutcome } from '../../src/send/createSegmentSender';
import { anyWebhookArbitrary } from '../arbitraries/webhook';
import { type SegmentStandIn, type StandInAnswer, startSegmentStandIn } from './segmentStandIn';

let standIn: SegmentStandIn;
beforeAll(async () => {
  standIn = await startSegmentStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => standIn.reset());

const fast = { minRetryDelayMs: 1, maxRetryDelayMs: 2, timeoutMs: 2_000, windowMs: 1 } as const;
const sender = (options?: Partial<SegmentSenderOptions>) =>
  createSegmentSender({ writeKey: 'wk_test', endpoint: standIn.url, ...fast, ...options });

let serial = 0;
/** A small call with a unique messageId. */
const call = (extra?: Record<string, unknown>): Record<string, unknown> => ({
  type: 'track',
  event: 'Email Opened',
  userId: 'u1',
  messageId: `m-${++serial}`,
  properties: { ...extra },
});
const idsOf = (body: { batch: Record<string, unknown>[] }): unknown[] => body.batch.map((c) => c.messageId);
const bodies = () => standIn.requests.map((r) => JSON.parse(r.body) as { batch: Record<string, unknown>[]; sentAt?: string });

describe('createSegmentSender: what Segment receives', () => {
  test('one POST to /v1/batch with Basic auth of the write key, JSON with the calls and a fresh sentAt', async () => {
    const calls = [call(), call({ n: 1 })];
    const before = Date.now();
    const outcome = await sender().send(calls);
    expect(outcome).toEqual({ status: 'sent', count: 2 });
    expect(standIn.requests).toHaveLength(1);
    const [request] = standIn.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/batch');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('wk_test:').toString('base64')}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '') as { batch: unknown[]; sentAt: string; writeKey?: string };
    expect(body.batch).toEqual(calls);
    expect(body.writeKey).toBeUndefined();
    expect(new Date(body.sentAt).toISOString()).toBe(body.sentAt);
    expect(Date.parse(body.sentAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(body.sentAt)).toBeLessThanOrEqual(Date.now() + 1);
  });

  test('a write key outside Latin-1 is encoded as UTF-8 before base64', async () => {
    await sender({ writeKey: 'clé✓' }).send([call()]);
    expect(standIn.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('clé✓:', 'utf8').toString('base64')}`);
  });

  test('an endpoint with a path posts under it; a trailing slash is not doubled', async () => {
    await sender({ endpoint: `${standIn.url}/proxy/segment/` }).send([call()]);
    expect(standIn.requests[0]?.path).toBe('/proxy/segment/v1/batch');
  });

  test('a call over 32 KB is rejected to its caller and never sent; the others are sent', async () => {
    const small = call();
    const big = call({ content: 'x'.repeat(40 * 1024) });
    const outcome = await sender().send([small, big]);
    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    expect(outcome.rejected.map((r) => [r.index, r.reason, r.call])).toEqual([[1, 'call_too_large', big]]);
    expect(outcome.sent).toBe(1);
    expect(bodies().map(idsOf)).toEqual([[small.messageId]]);
  });

  test('with dropOversizedContent, a call too large only because of its body is sent without it, and named', async () => {
    const small = call();
    const big = call({ content: 'x'.repeat(40 * 1024) });
    const outcome = await sender({ dropOversizedContent: true }).send([small, big]);
    expect(outcome).toEqual({ status: 'sent', count: 2, contentDropped: [1] });
    const [body] = bodies();
    expect(body?.batch[1]).toEqual({ ...big, properties: { content: null, content_dropped: true } });
    expect(body?.batch[0]).toEqual(small);
  });

  test('values that are not JSON objects are rejected as not_serializable, with their index', async () => {
    const ok = call();
    const outcome = await sender().send([ok, 5, null, ['a']] as unknown as object[]);
    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    expect(outcome.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'not_serializable'],
      [2, 'not_serializable'],
      [3, 'not_serializable'],
    ]);
    expect(bodies().map(idsOf)).toEqual([[ok.messageId]]);
  });

  test('a call JSON cannot hold (BigInt, cycle, throwing getter) is rejected to its caller; the others are sent', async () => {
    const s = sender({ windowMs: 20 });
    const cyclic: Record<string, unknown> = call();
    cyclic.self = cyclic;
    const throwing = call();
    Object.defineProperty(throwing, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const fine = call();
    const other = call();
    const [mine, theirs] = await Promise.all([s.send([call({ big: 10n }), fine, cyclic, throwing]), s.send([other])]);
    expect(mine.status).toBe('rejected');
    if (mine.status === 'rejected') expect(mine.rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, 'not_serializable'],
      [2, 'not_serializable'],
      [3, 'not_serializable'],
    ]);
    expect(theirs).toEqual({ status: 'sent', count: 1 });
    expect(bodies().map(idsOf)).toEqual([[fine.messageId, other.messageId]]);
  });

  test('an empty list is sent at once without a request; a non-array is failed, not thrown', async () => {
    const s = sender();
    expect(await s.send([])).toEqual({ status: 'sent', count: 0 });
    const outcome = await s.send('nope' as unknown as object[]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'invalid_calls', retryable: false });
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('createSegmentSender: retries', () => {
  test.each([408, 429, 500, 502, 503])('%i is retried, and the retry carries the same calls with its own sentAt', async (status) => {
    standIn.script([{ status }]);
    const calls = [call(), call()];
    expect(await sender().send(calls)).toEqual({ status: 'sent', count: 2 });
    expect(standIn.requests).toHaveLength(2);
    const [first, second] = bodies();
    expect(idsOf(first!)).toEqual(idsOf(second!));
    expect(second?.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test.each([400, 401, 403, 404, 413])('%i is final: one request, failed and not retryable', async (status) => {
    standIn.script([{ status, body: '{"error":"bad"}' }]);
    const outcome = await sender().send([call()]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'http', httpStatus: status, retryable: false });
    if (outcome.status === 'failed') expect(outcome.message).toContain('{"error":"bad"}');
    expect(standIn.requests).toHaveLength(1);
  });

  test('5xx on every attempt: maxAttempts requests, then failed and retryable', async () => {
    standIn.script([], { status: 500 });
    const outcome = await sender({ maxAttempts: 3 }).send([call()]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'http', httpStatus: 500, retryable: true });
    expect(standIn.requests).toHaveLength(3);
  });

  test('a reset connection is a network failure, retried', async () => {
    standIn.script(['reset']);
    expect(await sender().send([call()])).toEqual({ status: 'sent', count: 1 });
    expect(standIn.requests).toHaveLength(2);
    standIn.reset();
    standIn.script([], 'reset');
    const outcome = await sender({ maxAttempts: 2 }).send([call()]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'network', retryable: true });
    expect(standIn.requests).toHaveLength(2);
  });

  test('a hanging endpoint times out per request, and is retried', async () => {
    standIn.script(['hang']);
    expect(await sender({ timeoutMs: 50 }).send([call()])).toEqual({ status: 'sent', count: 1 });
    expect(standIn.requests).toHaveLength(2);
    standIn.reset();
    standIn.script([], 'hang');
    const outcome = await sender({ timeoutMs: 30, maxAttempts: 2 }).send([call()]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timeout', retryable: true });
    expect(standIn.requests).toHaveLength(2);
  });

  test('429 with Retry-After is retried after it, capped at maxRetryDelayMs', async () => {
    // An hour, capped to 5 ms: the test finishes only because of the cap.
    standIn.script([{ status: 429, headers: { 'retry-after': '3600' } }]);
    expect(await sender({ maxRetryDelayMs: 5 }).send([call()])).toEqual({ status: 'sent', count: 1 });
    expect(standIn.requests).toHaveLength(2);
    // Honoured over the backoff: 2 s asked, so a signal aborting long before finds no second request.
    standIn.reset();
    standIn.script([{ status: 429, headers: { 'retry-after': '2' } }]);
    const controller = new AbortController();
    const pending = sender({ minRetryDelayMs: 0, maxRetryDelayMs: 60_000 }).send([call()], { signal: controller.signal });
    while (standIn.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    expect(await pending).toMatchObject({ status: 'failed', reason: 'aborted' });
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('createSegmentSender: concurrent callers', () => {
  test('calls of callers within the window share one body, in order, and each caller gets its own count', async () => {
    const s = sender({ windowMs: 30 });
    const a = [call(), call()];
    const b = [call()];
    const c = [call(), call(), call()];
    const outcomes = await Promise.all([s.send(a), s.send(b), s.send(c)]);
    expect(outcomes).toEqual([
      { status: 'sent', count: 2 },
      { status: 'sent', count: 1 },
      { status: 'sent', count: 3 },
    ]);
    expect(bodies().map(idsOf)).toEqual([[...a, ...b, ...c].map((x) => x.messageId)]);
  });

  test('windowMs 0 still shares a body among calls of the same tick', async () => {
    const s = sender({ windowMs: 0 });
    const a = call();
    const b = call();
    await Promise.all([s.send([a]), s.send([b])]);
    expect(bodies().map(idsOf)).toEqual([[a.messageId, b.messageId]]);
  });

  test('over 500 KB, callers are split into several bodies; each caller learns the fate of its own', async () => {
    // 40 calls of ~20 KB: 800 KB, so at least two bodies; the second body fails for good.
    standIn.script([{ status: 200 }, { status: 400 }]);
    const s = sender({ windowMs: 20 });
    const callers = Array.from({ length: 4 }, () => Array.from({ length: 10 }, () => call({ content: 'y'.repeat(20_000) })));
    const outcomes = await Promise.all(callers.map((calls) => s.send(calls)));
    expect(standIn.requests).toHaveLength(2);
    const [first] = bodies();
    const firstIds = new Set(idsOf(first!));
    for (const [i, calls] of callers.entries()) {
      const allInFirst = calls.every((x) => firstIds.has(x.messageId));
      expect(outcomes[i], `caller ${i}`).toMatchObject(allInFirst ? { status: 'sent', count: 10 } : { status: 'failed', httpStatus: 400 });
    }
  });

  test('a caller with a rejected call does not hold back the others', async () => {
    const s = sender({ windowMs: 20 });
    const big = call({ content: 'z'.repeat(40 * 1024) });
    const other = call();
    const [mine, theirs] = await Promise.all([s.send([big]), s.send([other])]);
    expect(mine).toMatchObject({ status: 'rejected', sent: 0 });
    expect(theirs).toEqual({ status: 'sent', count: 1 });
    expect(bodies().map(idsOf)).toEqual([[other.messageId]]);
  });

  test('an aborted caller is answered at once; one still waiting in the same body gets the real fate', async () => {
    standIn.script([{ status: 200, delayMs: 150 }]);
    const s = sender({ windowMs: 10 });
    const controller = new AbortController();
    const mine = s.send([call()], { signal: controller.signal });
    const theirs = s.send([call()]);
    while (standIn.requests.length === 0) await new Promise((r) => setTimeout(r, 2));
    controller.abort();
    expect(await mine).toMatchObject({ status: 'failed', reason: 'aborted', retryable: true });
    expect(await theirs).toEqual({ status: 'sent', count: 1 });
  });

  test('a body whose only caller aborted is abandoned: no more retries, and flush settles', async () => {
    standIn.script([], 'hang');
    const s = sender({ timeoutMs: 60_000, maxAttempts: 5 });
    const controller = new AbortController();
    const pending = s.send([call()], { signal: controller.signal });
    while (standIn.requests.length === 0) await new Promise((r) => setTimeout(r, 2));
    controller.abort();
    expect(await pending).toMatchObject({ status: 'failed', reason: 'aborted' });
    await s.flush();
    expect(standIn.requests).toHaveLength(1);
  });

  test('an already aborted signal fails at once without a request', async () => {
    const outcome = await sender().send([call()], { signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'aborted' });
    await new Promise((r) => setTimeout(r, 20));
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('createSegmentSender: flush and close', () => {
  test('flush sends what waits in a long window, and waits for it', async () => {
    const s = sender({ windowMs: 60_000 });
    const pending = s.send([call()]);
    expect(standIn.requests).toHaveLength(0);
    await s.flush();
    expect(standIn.requests).toHaveLength(1);
    expect(await pending).toEqual({ status: 'sent', count: 1 });
  });

  test('flush waits for bodies in flight, retries included', async () => {
    standIn.script([{ status: 500 }, { status: 503 }]);
    const s = sender({ windowMs: 0 });
    let outcome: SendOutcome | undefined;
    void s.send([call()]).then((o) => (outcome = o));
    await new Promise((r) => setTimeout(r, 0));
    await s.flush();
    expect(standIn.requests).toHaveLength(3);
    await Promise.resolve();
    expect(outcome).toEqual({ status: 'sent', count: 1 });
  });

  test('close flushes, then every send resolves failed/closed without a request', async () => {
    const s = sender({ windowMs: 60_000 });
    const pending = s.send([call()]);
    await s.close();
    expect(await pending).toEqual({ status: 'sent', count: 1 });
    const after = await s.send([call()]);
    expect(after).toMatchObject({ status: 'failed', reason: 'closed', retryable: false });
    await s.close();
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('createSegmentSender: options', () => {
  const base = { writeKey: 'k' };
  test.each<[string, Record<string, unknown>]>([
    ['writeKey', { writeKey: '' }],
    ['writeKey', { writeKey: 42 }],
    ['endpoint', { endpoint: 'not a url' }],
    ['endpoint', { endpoint: 'ftp://example.com' }],
    ['endpoint', { endpoint: 'https://user:pw@example.com' }],
    ['endpoint', { endpoint: 'https://example.com/?a=1' }],
    ['region', { region: 'asia' }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: -1 }],
    ['maxAttempts', { maxAttempts: 0 }],
    ['maxAttempts', { maxAttempts: 1.5 }],
    ['minRetryDelayMs', { minRetryDelayMs: -1 }],
    ['maxRetryDelayMs', { maxRetryDelayMs: Number.NaN }],
    ['maxRetryDelayMs', { minRetryDelayMs: 100, maxRetryDelayMs: 10 }],
    ['windowMs', { windowMs: -5 }],
    ['windowMs', { windowMs: Number.POSITIVE_INFINITY }],
    ['fetch', { fetch: 'nope' }],
  ])('%s: %o throws a TypeError naming it', (name, options) => {
    expect(() => createSegmentSender({ ...base, ...options } as unknown as SegmentSenderOptions)).toThrow(TypeError);
    expect(() => createSegmentSender({ ...base, ...options } as unknown as SegmentSenderOptions)).toThrow(name);
  });

  test('the region picks Segment host; an endpoint wins over it', async () => {
    const seen: string[] = [];
    const fakeFetch = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    await createSegmentSender({ writeKey: 'k', fetch: fakeFetch, windowMs: 0 }).send([call()]);
    await createSegmentSender({ writeKey: 'k', region: 'eu', fetch: fakeFetch, windowMs: 0 }).send([call()]);
    await createSegmentSender({ writeKey: 'k', region: 'eu', endpoint: 'http://127.0.0.1:9', fetch: fakeFetch, windowMs: 0 }).send([call()]);
    expect(seen).toEqual(['https://api.segment.io/v1/batch', 'https://events.eu1.segmentapis.com/v1/batch', 'http://127.0.0.1:9/v1/batch']);
  });

  test('a fetch that throws synchronously is a network failure, not a crash', async () => {
    const throwing = (() => {
      throw new Error('boom');
    }) as unknown as typeof fetch;
    const outcome = await createSegmentSender({ writeKey: 'k', fetch: throwing, maxAttempts: 2, minRetryDelayMs: 0, maxRetryDelayMs: 1 }).send([call()]);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'network', retryable: true, message: 'boom' });
  });
});

describe('createSegmentSender: no call is lost silently', () => {
  const answerArbitrary: fc.Arbitrary<StandInAnswer> = fc.oneof(
    { weight: 5, arbitrary: fc.constant({ status: 200 }) },
    { weight: 2, arbitrary: fc.constantFrom({ status: 500 }, { status: 503 }, { status: 429, headers: { 'retry-after': '0' } }) },
    { weight: 1, arbitrary: fc.constantFrom({ status: 400 }, { status: 401 }) },
    { weight: 1, arbitrary: fc.constant('reset' as const) },
    { weight: 1, arbitrary: fc.constant('hang' as const) },
  );
  const callerArbitrary = fc.array(
    fc.tuple(anyWebhookArbitrary, fc.nat({ max: 9 })).map(([webhook, size]) => {
      const track = toSegmentTrack(webhook) as unknown as Record<string, unknown>;
      // One in ten is over Segment's 32 KB per call.
      if (size === 0) track.properties = { ...(track.properties as object), content: 'q'.repeat(33 * 1024) };
      return track;
    }),
    { maxLength: 6 },
  );

  test('each call is in exactly one accepted body, or its caller was told it was rejected or failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(callerArbitrary, { minLength: 1, maxLength: 5 }),
        fc.array(answerArbitrary, { maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        async (callers, answers, maxAttempts, windowMs) => {
          standIn.reset();
          standIn.script(answers);
          // Unique messageIds, so that every call can be found in the bodies.
          const sent = callers.map((calls) => calls.map((c) => ({ ...c, messageId: `p-${++serial}` })));
          const s = sender({ maxAttempts, windowMs, timeoutMs: 40, minRetryDelayMs: 0, maxRetryDelayMs: 1 });
          const outcomes = await Promise.all(sent.map((calls) => s.send(calls)));
          await s.close();

          const acceptedCount = new Map<unknown, number>();
          const acceptedCall = new Map<unknown, unknown>();
          for (const body of standIn.accepted()) {
            for (const c of body.batch) {
              acceptedCount.set(c.messageId, (acceptedCount.get(c.messageId) ?? 0) + 1);
              acceptedCall.set(c.messageId, c);
            }
          }
          const known = new Set<unknown>(sent.flat().map((c) => c.messageId));
          for (const id of acceptedCount.keys()) expect(known.has(id)).toBe(true);
          for (const [i, calls] of sent.entries()) {
            const outcome = outcomes[i]!;
            const rejected = new Set(outcome.status === 'rejected' ? outcome.rejected.map((r) => r.index) : []);
            for (const [j, c] of calls.entries()) {
              const count = acceptedCount.get(c.messageId) ?? 0;
              if (outcome.status === 'failed') expect(count).toBeLessThanOrEqual(1);
              else if (rejected.has(j)) expect(count).toBe(0);
              else {
                expect(count, `caller ${i} call ${j} (${outcome.status})`).toBe(1);
                expect(acceptedCall.get(c.messageId)).toEqual(JSON.parse(JSON.stringify(c)));
              }
            }
            if (outcome.status === 'sent') expect(outcome.count).toBe(calls.length);
            if (outcome.status === 'failed') {
              // A failed caller really lost something: not all its calls were accepted.
              expect(calls.every((c) => acceptedCount.get(c.messageId) === 1)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
