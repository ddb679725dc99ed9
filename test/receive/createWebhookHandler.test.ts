import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createFirstOccurrenceFilter,
  createWebhookHandler,
  type WebhookHandlerLogEntry,
  type WebhookHandlerOptions,
  type WebhookRejection,
  type WebhookSink,
  safeParseWebhook,
  toSegmentTrack,
} from '../../src/index';
import { anyWebhookArbitrary } from '../arbitraries/webhook';
import { signedRequest } from '../helpers/signedRequest';

// The handler called with Request objects, in process: every answer code and what reaches the sink.
// Over real sockets, against a stand-in Segment: test/node/webhookHandler.e2e.test.ts.

const key = 'handler-test-key';
const eventTime = 1_763_856_000;

const opened = (eventId: string, deliveryId = 'DELIVERY-1') =>
  JSON.stringify({
    event_id: eventId,
    object_type: 'email',
    metric: 'opened',
    timestamp: eventTime,
    data: { delivery_id: deliveryId, identifiers: { id: '42' }, recipient: 'ada@example.com' },
  });

/** A sink that records what it took, and answers what `next` says. */
function recordingSink(next: (calls: readonly object[], signal: AbortSignal) => ReturnType<WebhookSink> = async () => ({ status: 'sent' })) {
  const taken: Record<string, unknown>[][] = [];
  const signals: AbortSignal[] = [];
  const sink: WebhookSink = (calls, { signal }) => {
    taken.push(calls as Record<string, unknown>[]);
    signals.push(signal);
    return next(calls, signal);
  };
  return { sink, taken, signals };
}

function setup(options: Partial<WebhookHandlerOptions> = {}, next?: Parameters<typeof recordingSink>[0]) {
  const recorded = recordingSink(next);
  const rejections: WebhookRejection[] = [];
  const log: WebhookHandlerLogEntry[] = [];
  const handler = createWebhookHandler({
    signingKey: key,
    sink: recorded.sink,
    onRejected: (rejection) => void rejections.push(rejection),
    onEvent: (entry) => void log.push(entry),
    ...options,
  });
  return { handler, rejections, log, ...recorded };
}

async function answer(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('createWebhookHandler', () => {
  test('a valid webhook is mapped, handed to the sink, and answered 200 once taken', async () => {
    const { handler, taken, log } = setup();
    const result = await answer(await handler(signedRequest(key, opened('01JOPEN0000000000000000001'))));
    expect(result).toEqual({ status: 200, body: { outcome: 'sent', event_id: '01JOPEN0000000000000000001' } });
    expect(taken).toHaveLength(1);
    expect(taken[0]).toEqual([
      expect.objectContaining({ type: 'track', event: 'Email Opened', userId: '42', messageId: 'api-01JOPEN0000000000000000001' }),
    ]);
    expect(log).toEqual([expect.objectContaining({ status: 200, outcome: 'sent', event: 'Email Opened', eventId: '01JOPEN0000000000000000001' })]);
    expect(typeof log[0]?.ms).toBe('number');
  });

  test('a sink that resolves with nothing has taken the calls (a queue)', async () => {
    const { handler } = setup({}, async () => undefined);
    expect((await handler(signedRequest(key, opened('01JOPEN0000000000000000002')))).status).toBe(200);
  });

  test('bad, missing and stale signatures are 401 and never reach the sink', async () => {
    const { handler, taken, rejections } = setup();
    const body = opened('01JBAD00000000000000000001');
    const wrongKey = await answer(await handler(signedRequest('another-key', body)));
    const tampered = await answer(await handler(signedRequest(key, body.replace('ada@', 'eve@'), { signedBody: body })));
    const stale = await answer(await handler(signedRequest(key, body, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) })));
    const unsigned = await answer(await handler(new Request('http://receiver.test/', { method: 'POST', body })));
    expect([wrongKey, tampered, stale, unsigned].map((r) => [r.status, r.body.reason])).toEqual([
      [401, 'signature_mismatch'],
      [401, 'signature_mismatch'],
      [401, 'timestamp_too_old'],
      [401, 'missing_timestamp'],
    ]);
    expect(taken).toEqual([]);
    expect(rejections).toEqual([]);
  });

  test('key rotation: a request signed with any of the keys is accepted, others are not', async () => {
    const { handler, taken } = setup({ signingKey: ['old-key', 'new-key'] });
    const statuses = [];
    statuses.push((await handler(signedRequest('old-key', opened('01JROT00000000000000000001')))).status);
    statuses.push((await handler(signedRequest('new-key', opened('01JROT00000000000000000002')))).status);
    statuses.push((await handler(signedRequest('retired-key', opened('01JROT00000000000000000003')))).status);
    statuses.push((await handler(signedRequest('old-key', opened('01JROT00000000000000000004')))).status);
    expect(statuses).toEqual([200, 200, 401, 200]);
    expect(taken.flat().map((call) => call.messageId)).toEqual([
      'api-01JROT00000000000000000001',
      'api-01JROT00000000000000000002',
      'api-01JROT00000000000000000004',
    ]);
  });

  test('signed but not JSON, or not a webhook: 202, handed to onRejected, never to the sink', async () => {
    const { handler, taken, rejections, log } = setup();
    const notJson = await answer(await handler(signedRequest(key, '{"event_id": "01JBROKEN", ')));
    const notWebhook = await answer(await handler(signedRequest(key, JSON.stringify({ object_type: 'email', metric: 'opened', data: {} }))));
    expect(notJson).toMatchObject({ status: 202, body: { outcome: 'rejected', reason: 'not_json' } });
    expect(notWebhook).toMatchObject({ status: 202, body: { outcome: 'rejected', reason: 'not_a_webhook' } });
    expect(notWebhook.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'missing_field', path: ['event_id'] })]));
    expect(rejections.map((r) => [r.reason, r.body])).toEqual([
      ['not_json', '{"event_id": "01JBROKEN", '],
      ['not_a_webhook', JSON.stringify({ object_type: 'email', metric: 'opened', data: {} })],
    ]);
    expect(rejections[0]?.rawBody).toEqual(new TextEncoder().encode('{"event_id": "01JBROKEN", '));
    expect(taken).toEqual([]);
    expect(log.map((entry) => entry.outcome)).toEqual(['rejected', 'rejected']);
  });

  test('a body that is not UTF-8 is rejected with its bytes kept', async () => {
    const { handler, rejections } = setup();
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { cioSignature } = await import('../helpers/signedRequest');
    const request = new Request('http://receiver.test/', {
      method: 'POST',
      headers: { 'x-cio-timestamp': timestamp, 'x-cio-signature': cioSignature(key, timestamp, bytes) },
      body: bytes,
    });
    expect((await handler(request)).status).toBe(202);
    expect(rejections[0]?.reason).toBe('not_json');
    expect(rejections[0]?.rawBody).toEqual(bytes);
  });

  test('an unknown object_type/metric pair is sent under the catalog rule name; with allowUnknownEvents false it is rejected', async () => {
    const body = JSON.stringify({
      event_id: '01JUNKNOWN0000000000000001',
      object_type: 'carrier_pigeon',
      metric: 'landed_safely',
      timestamp: eventTime,
      data: { identifiers: { id: '9' } },
    });
    const lenient = setup();
    expect((await lenient.handler(signedRequest(key, body))).status).toBe(200);
    expect(lenient.taken[0]?.[0]).toMatchObject({ event: 'Carrier Pigeon Landed Safely', userId: '9' });
    const strict = setup({ allowUnknownEvents: false });
    const result = await answer(await strict.handler(signedRequest(key, body)));
    expect(result).toMatchObject({ status: 202, body: { reason: 'not_a_webhook' } });
    expect(strict.rejections[0]?.issues).toEqual([expect.objectContaining({ code: 'unknown_event' })]);
    expect(strict.taken).toEqual([]);
  });

  test('every mapping option applies: enabledEvents, eventNames, bodyContent, sendBackToCustomerIo, writeKey, messageId', async () => {
    const { handler, taken, log } = setup({
      mapping: {
        enabledEvents: ['Email Opened', 'Email Sent'],
        eventNames: { 'Email Sent': 'Newsletter Sent' },
        bodyContent: true,
        sendBackToCustomerIo: true,
        writeKey: 'wk',
        messageId: (webhook) => `mine-${webhook.event_id}`,
      },
    });
    const sent = JSON.stringify({
      event_id: '01JSENT0000000000000000001',
      object_type: 'email',
      metric: 'sent',
      timestamp: eventTime,
      data: { delivery_id: 'D9', identifiers: { id: '1' }, recipient: 'a@example.com', subject: 'Hi', content: '<p>Hi</p>' },
    });
    const delivered = sent.replace('"sent"', '"delivered"').replace('01JSENT0000000000000000001', '01JDELIVERED00000000000001');
    const statuses = [(await handler(signedRequest(key, sent))).status, (await handler(signedRequest(key, delivered))).status];
    expect(statuses).toEqual([200, 200]);
    expect(taken).toHaveLength(1);
    expect(taken[0]?.[0]).toMatchObject({
      event: 'Newsletter Sent',
      messageId: 'mine-01JSENT0000000000000000001',
      writeKey: 'wk',
      integrations: { 'Customer.io': true },
      properties: { content: '<p>Hi</p>' },
    });
    expect(log[1]).toMatchObject({ outcome: 'not_sent', reason: 'disabled', event: 'Email Delivered' });
  });

  test('Send Frequency: a repeated open is 200 and not sent; a retry of a failed first open is sent', async () => {
    let failNext = false;
    const { handler, taken } = setup({ firstOccurrence: createFirstOccurrenceFilter() }, async () =>
      failNext ? ((failNext = false), { status: 'failed', reason: 'segment 500', retryable: true }) : { status: 'sent' },
    );
    const first = opened('01JFIRST000000000000000001', 'D-A');
    failNext = true;
    const statuses = [(await handler(signedRequest(key, first))).status];
    statuses.push((await handler(signedRequest(key, first))).status); // Customer.io's retry: the claim was released
    const repeat = await answer(await handler(signedRequest(key, opened('01JFIRST000000000000000002', 'D-A'))));
    const retryOfSent = await answer(await handler(signedRequest(key, first)));
    expect([...statuses, repeat.status, retryOfSent.status]).toEqual([503, 200, 200, 200]);
    expect([repeat.body.reason, retryOfSent.body.reason]).toEqual(['repeat', 'already_sent']);
    expect(taken.flat().map((call) => call.messageId)).toEqual(['api-01JFIRST000000000000000001', 'api-01JFIRST000000000000000001']);
  });

  test('a sink that throws or fails is 503, and the retry is sent', async () => {
    let attempt = 0;
    const { handler, log } = setup({ firstOccurrence: createFirstOccurrenceFilter() }, async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('connection reset');
      return { status: 'sent' };
    });
    const body = opened('01JTHROW000000000000000001');
    expect((await handler(signedRequest(key, body))).status).toBe(503);
    expect((await handler(signedRequest(key, body))).status).toBe(200);
    expect(log.map((entry) => [entry.outcome, entry.reason])).toEqual([
      ['failed', 'connection reset'],
      ['sent', undefined],
    ]);
  });

  test('a sink that hangs: 503 when the budget runs out, its signal aborted, the claim released', async () => {
    let hang = true;
    const { handler, signals, taken } = setup({ answerBudgetMs: 100, firstOccurrence: createFirstOccurrenceFilter() }, (_calls, signal) =>
      hang ? new Promise((resolve) => signal.addEventListener('abort', () => resolve({ status: 'failed', reason: 'aborted' }))) : Promise.resolve({ status: 'sent' }),
    );
    const body = opened('01JHANG0000000000000000001');
    const first = await answer(await handler(signedRequest(key, body)));
    expect(first).toMatchObject({ status: 503, body: { outcome: 'failed', reason: 'answer_budget_exceeded' } });
    expect(signals[0]?.aborted).toBe(true);
    await handler.settle();
    hang = false;
    expect((await handler(signedRequest(key, body))).status).toBe(200);
    expect(taken).toHaveLength(2);
  });

  test('a sink that ignores its signal still cannot delay the answer past the budget', async () => {
    const { handler } = setup({ answerBudgetMs: 50 }, () => new Promise(() => {}));
    expect((await handler(signedRequest(key, opened('01JNEVER000000000000000001')))).status).toBe(503);
  });

  test('a sink that rejects calls as too large: 202, dead-lettered with the webhook', async () => {
    const { handler, rejections } = setup({}, async () => ({ status: 'rejected', rejected: [{ reason: 'call_too_large' }] }));
    const result = await answer(await handler(signedRequest(key, opened('01JLARGE000000000000000001'))));
    expect(result).toMatchObject({ status: 202, body: { outcome: 'rejected', reason: 'rejected_by_sink' } });
    expect(rejections).toEqual([expect.objectContaining({ reason: 'rejected_by_sink', issues: ['call_too_large'] })]);
    expect(rejections[0]?.webhook?.event_id).toBe('01JLARGE000000000000000001');
  });

  test('an onRejected hook that throws makes the answer 503, so the body comes back', async () => {
    const { handler } = setup({
      onRejected: () => {
        throw new Error('dead-letter store down');
      },
    });
    expect((await handler(signedRequest(key, 'not json'))).status).toBe(503);
  });

  test('non-POST is 405 with Allow: POST; an oversized body is 413', async () => {
    const { handler, taken } = setup({ maxBodyBytes: 64 });
    const get = await handler(new Request('http://receiver.test/', { method: 'GET' }));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await handler(signedRequest(key, opened('01JBIG00000000000000000001')))).status).toBe(413);
    expect(taken).toEqual([]);
  });

  test('options are checked when the handler is made', () => {
    const sink: WebhookSink = async () => ({ status: 'sent' });
    expect(() => createWebhookHandler({ signingKey: key, sink, answerBudgetMs: 4000 })).toThrow(RangeError);
    expect(() => createWebhookHandler({ signingKey: key, sink, answerBudgetMs: 0 })).toThrow(RangeError);
    expect(() => createWebhookHandler({ signingKey: key, sink, answerBudgetMs: Number.NaN })).toThrow(RangeError);
    expect(() => createWebhookHandler({ signingKey: [], sink })).toThrow(TypeError);
    expect(() => createWebhookHandler({ signingKey: '', sink })).toThrow(TypeError);
    expect(() => createWebhookHandler({ signingKey: key, sink: undefined as unknown as WebhookSink })).toThrow(TypeError);
    expect(() => createWebhookHandler({ signingKey: key, sink, answerBudgetMs: 3999 })).not.toThrow();
    // A misspelt event name would switch every event off: refused at start-up, not as a 503 per request.
    expect(() => createWebhookHandler({ signingKey: key, sink, mapping: { enabledEvents: ['Email Openned'] } })).toThrow(/did you mean "Email Opened"/);
    expect(() => createWebhookHandler({ signingKey: key, sink, mapping: { eventNames: { 'email opened': 'Opened' } } })).toThrow(TypeError);
  });

  test('property: the handler hands on what safeParseWebhook and toSegmentTrack give apart, and rejects with their issues', async () => {
    const mapping = { bodyContent: true, enabledEvents: ['Email Opened', 'Email Clicked', 'Push Opened'] } as const;
    const { handler, taken, rejections } = setup({ mapping, allowUnknownEvents: false });
    const bodies = fc.oneof(
      anyWebhookArbitrary.map((webhook) => webhook as unknown),
      // Near misses: a valid webhook with one field broken or removed.
      fc.tuple(anyWebhookArbitrary, fc.constantFrom('event_id', 'timestamp', 'metric', 'data'), fc.jsonValue({ maxDepth: 1 })).map(([webhook, field, value]) => ({ ...webhook, [field]: value }) as unknown),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (webhook) => {
        const [callsBefore, rejectedBefore] = [taken.length, rejections.length];
        const response = await handler(signedRequest(key, JSON.stringify(webhook)));
        const parsed = safeParseWebhook(JSON.parse(JSON.stringify(webhook)), { allowUnknownEvents: false });
        if (!parsed.success) {
          expect(response.status).toBe(202);
          expect(rejections[rejectedBefore]?.issues).toEqual(parsed.issues);
          expect(taken.length).toBe(callsBefore);
          return;
        }
        expect(response.status).toBe(200);
        const expected = toSegmentTrack(parsed.value, mapping);
        if (expected === null) expect(taken.length).toBe(callsBefore);
        else expect(JSON.stringify(taken[callsBefore]?.[0])).toBe(JSON.stringify(expected));
      }),
      { numRuns: 200 },
    );
  });

  test('property: every signed body gets 200 or 202, never 4xx or 5xx; a valid webhook reaches the sink unchanged in id', async () => {
    const { handler, taken } = setup();
    const bodies = fc.oneof(
      anyWebhookArbitrary.map((webhook) => ({ webhook: webhook as unknown, valid: true })),
      fc.jsonValue({ maxDepth: 3 }).map((value) => ({ webhook: value as unknown, valid: false })),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async ({ webhook, valid }) => {
        const before = taken.length;
        const response = await handler(signedRequest(key, JSON.stringify(webhook)));
        if (valid) {
          expect(response.status).toBe(200);
          expect(taken[before]?.[0]?.messageId).toBe(`api-${(webhook as { event_id: string }).event_id}`);
        } else {
          expect([200, 202]).toContain(response.status);
        }
      }),
      { numRuns: 150 },
    );
  });
});
