import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createFirstOccurrenceFilter, createSegmentSender, createWebhookHandler, type WebhookRejection } from '../../src/index';
import { toNodeHandler } from '../../src/node';
import { startSegmentStandIn, type SegmentStandIn } from '../send/segmentStandIn';
import { deliverLikeCustomerIo } from '../helpers/customerIo';
import { cioHeaders } from '../helpers/signedRequest';
import { anyWebhookArbitrary } from '../arbitraries/webhook';
import { mutatedWebhookArbitrary } from '../arbitraries/webhookMutations';

// End to end over real sockets on 127.0.0.1: Customer.io (a client that resends every non-2xx answer)
// → node:http or Express → toNodeHandler → createWebhookHandler → the fetch sender → a stand-in for
// Segment that fails (500), hangs, resets the connection and recovers. Expected answers and bodies are
// written out from Customer.io's and Segment's rules, not read from the code.

const key = 'e2e-signing-key';
const writeKey = 'e2e-write-key';
const eventTime = 1_763_856_000;
const budgetMs = 300;

let standIn: SegmentStandIn;
const servers: Server[] = [];

async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/customerio`;
}

beforeAll(async () => {
  standIn = await startSegmentStandIn();
});
afterEach(() => standIn.reset());
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await standIn.close();
});

const webhook = (eventId: string, metric: string, deliveryId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    event_id: eventId,
    object_type: 'email',
    metric,
    timestamp: eventTime,
    data: { delivery_id: deliveryId, identifiers: { id: '42' }, recipient: 'ada@example.com', ...extra },
  });

/** Each request the stand-in received: how it answered, and the messageIds of the body. */
function received(): [string, string[]][] {
  return standIn.requests.map((request) => [
    typeof request.answer === 'string' ? request.answer : String(request.answer.status),
    (JSON.parse(request.body) as { batch: { messageId: string }[] }).batch.map((call) => call.messageId),
  ]);
}

function acceptedMessageIds(): string[] {
  return standIn.accepted().flatMap((body) => body.batch.map((call) => String(call.messageId)));
}

describe('the handler behind node:http, against a stand-in Segment', () => {
  test('500, hang, reset, recovery: Customer.io gets 503 until Segment has the event, then 200; each attempt reaches Segment once', async () => {
    const rejections: WebhookRejection[] = [];
    // One HTTP request per answer, so that each of the stand-in's scripted answers meets one attempt.
    const sender = createSegmentSender({ writeKey, endpoint: standIn.url, maxAttempts: 1, timeoutMs: 5000, windowMs: 0 });
    const url = await listen(
      toNodeHandler(
        createWebhookHandler({
          signingKey: key,
          sender,
          answerBudgetMs: budgetMs,
          firstOccurrence: createFirstOccurrenceFilter(),
          onRejected: (rejection) => void rejections.push(rejection),
        }),
      ),
    );
    standIn.script([{ status: 500 }, 'hang', 'reset']);
    const openA = webhook('01JE2EOPEN0000000000000001', 'opened', 'D-1');
    const answers: Record<string, number[]> = {};
    answers.openA = await deliverLikeCustomerIo(url, key, openA);
    answers.clickA = await deliverLikeCustomerIo(url, key, webhook('01JE2ECLICK000000000000001', 'clicked', 'D-1', { href: 'https://example.com', link_id: 1 }));
    answers.repeatOpen = await deliverLikeCustomerIo(url, key, webhook('01JE2EOPEN0000000000000002', 'opened', 'D-1'));
    answers.lostAnswerRetry = await deliverLikeCustomerIo(url, key, openA);
    answers.unknownPair = await deliverLikeCustomerIo(
      url,
      key,
      JSON.stringify({ event_id: '01JE2EUNKNOWN0000000000001', object_type: 'email', metric: 'teleported', timestamp: eventTime, data: { identifiers: { id: '7' } } }),
    );
    answers.notAWebhook = await deliverLikeCustomerIo(url, key, JSON.stringify({ hello: 'world' }));
    answers.notJson = await deliverLikeCustomerIo(url, key, '{"event_id":');
    answers.badSignature = await deliverLikeCustomerIo(url, 'not-the-key', webhook('01JE2EFORGED00000000000001', 'opened', 'D-9'), { maxAttempts: 2 });

    expect(answers).toEqual({
      openA: [503, 503, 503, 200],
      clickA: [200],
      repeatOpen: [200],
      lostAnswerRetry: [200],
      unknownPair: [200],
      notAWebhook: [202],
      notJson: [202],
      badSignature: [401, 401],
    });
    expect(received()).toEqual([
      ['500', ['api-01JE2EOPEN0000000000000001']],
      ['hang', ['api-01JE2EOPEN0000000000000001']],
      ['reset', ['api-01JE2EOPEN0000000000000001']],
      ['200', ['api-01JE2EOPEN0000000000000001']],
      ['200', ['api-01JE2ECLICK000000000000001']],
      ['200', ['api-01JE2EUNKNOWN0000000000001']],
    ]);
    const [, click, unknown] = standIn.accepted();
    expect(click?.batch[0]).toMatchObject({ event: 'Email Link Clicked', userId: '42', properties: { link: { url: 'https://example.com', id: 1 } } });
    expect(unknown?.batch[0]).toMatchObject({ event: 'Email Teleported', userId: '7' });
    expect(standIn.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`);
    expect(rejections.map((r) => [r.reason, r.body])).toEqual([
      ['not_a_webhook', '{"hello":"world"}'],
      ['not_json', '{"event_id":'],
    ]);
    await sender.close();
  });

  test('a 5xx storm: every answer is 503 within the budget; once Segment recovers, each event is accepted, one messageId per event', async () => {
    // The handler's own sender, with its default retries inside the budget.
    const handler = createWebhookHandler({ signingKey: key, writeKey, endpoint: standIn.url, answerBudgetMs: budgetMs });
    const url = await listen(toNodeHandler(handler));
    standIn.script([], { status: 500 });
    const events = ['01JE2ESTORM000000000000001', '01JE2ESTORM000000000000002', '01JE2ESTORM000000000000003'].map((id, i) =>
      webhook(id, 'delivered', `D-S${i}`),
    );
    const during = await Promise.all(events.map((body) => deliverLikeCustomerIo(url, key, body, { maxAttempts: 2 })));
    expect(during).toEqual([
      [503, 503],
      [503, 503],
      [503, 503],
    ]);
    expect(standIn.requests.length).toBeGreaterThanOrEqual(3);
    expect(acceptedMessageIds()).toEqual([]);

    standIn.script([], { status: 200 });
    const after = await Promise.all(events.map((body) => deliverLikeCustomerIo(url, key, body)));
    expect(after).toEqual([[200], [200], [200]]);
    expect(new Set(acceptedMessageIds())).toEqual(
      new Set(['api-01JE2ESTORM000000000000001', 'api-01JE2ESTORM000000000000002', 'api-01JE2ESTORM000000000000003']),
    );
    await handler.close();
  });

  test('one 500 is retried by the sender inside the budget: the answer is 200, and Segment saw the body twice', async () => {
    const handler = createWebhookHandler({ signingKey: key, writeKey, endpoint: standIn.url, answerBudgetMs: 2000 });
    const url = await listen(toNodeHandler(handler));
    standIn.script([{ status: 500 }]);
    expect(await deliverLikeCustomerIo(url, key, webhook('01JE2ERETRY000000000000001', 'sent', 'D-R'))).toEqual([200]);
    expect(received()).toEqual([
      ['500', ['api-01JE2ERETRY000000000000001']],
      ['200', ['api-01JE2ERETRY000000000000001']],
    ]);
    await handler.close();
  });

  test('the adapter answers 405 to GET and 413 past its body limit, without reaching Segment', async () => {
    const url = await listen(toNodeHandler(createWebhookHandler({ signingKey: key, writeKey, endpoint: standIn.url }), { maxBodyBytes: 100 }));
    expect((await fetch(url)).status).toBe(405);
    const big = webhook('01JE2EBIG00000000000000001', 'sent', 'D-B', { content: 'x'.repeat(200) });
    const response = await fetch(url, { method: 'POST', headers: cioHeaders(key, big), body: big });
    expect([response.status, ((await response.json()) as { outcome: string }).outcome]).toEqual([413, 'body_too_large']);
    expect(standIn.requests).toEqual([]);
  });
});

describe('the adapter in Express', () => {
  const body = webhook('01JE2EEXPRESS0000000000001', 'delivered', 'D-E');

  test('mounted before express.json(): the raw body is read and the event sent', async () => {
    const app = express();
    app.post('/customerio', toNodeHandler(createWebhookHandler({ signingKey: key, writeKey, endpoint: standIn.url })));
    app.use(express.json());
    const url = await listen(app);
    expect(await deliverLikeCustomerIo(url, key, body, { maxAttempts: 1 })).toEqual([200]);
    expect(acceptedMessageIds()).toEqual(['api-01JE2EEXPRESS0000000000001']);
  });

  test('behind express.raw(): the bytes it kept are used', async () => {
    const app = express();
    app.post('/customerio', express.raw({ type: '*/*' }), toNodeHandler(createWebhookHandler({ signingKey: key, writeKey, endpoint: standIn.url })));
    const url = await listen(app);
    expect(await deliverLikeCustomerIo(url, key, body, { maxAttempts: 1 })).toEqual([200]);
    expect(acceptedMessageIds()).toEqual(['api-01JE2EEXPRESS0000000000001']);
  });

  test('behind express.json(): the answer says the body was already parsed and how to fix it', async () => {
    const app = express();
    app.use(express.json());
    app.post('/customerio', toNodeHandler(createWebhookHandler({ signingKey: key, writeKey, endpoint: standIn.url })));
    const url = await listen(app);
    const response = await fetch(url, { method: 'POST', headers: cioHeaders(key, body), body });
    const answer = (await response.json()) as { reason: string };
    expect(response.status).toBe(500);
    expect(answer.reason).toContain('already read by a body parser');
    expect(answer.reason).toContain('before express.json()');
    expect(answer.reason).toContain('express.raw');
    expect(standIn.requests).toEqual([]);
  });
});

describe('the fast path of the adapter', () => {
  test('the handler keeps its core under a registry symbol, the same in every bundle (the main entry and customerio-segment/node are built apart)', () => {
    const handler = createWebhookHandler({ signingKey: key, sink: async () => undefined });
    expect(typeof (handler as unknown as Record<symbol, unknown>)[Symbol.for('customerio-segment.answerWebhook')]).toBe('function');
  });

  test('property: a handler from createWebhookHandler answers the same through the adapter\'s fast path as through Request and Response', async () => {
    const taken: unknown[] = [];
    const handler = createWebhookHandler({ signingKey: [key, 'second-key'], sink: async (calls) => void taken.push(...calls), maxBodyBytes: 4096 });
    const fast = await listen(toNodeHandler(handler));
    // An arrow function hides the handler's internal form: the adapter goes through Request and Response.
    const web = await listen(toNodeHandler((request) => handler(request)));
    const cases = fc.record({
      body: fc.oneof(
        anyWebhookArbitrary.map((w) => JSON.stringify(w)),
        mutatedWebhookArbitrary.map((w) => JSON.stringify(w)),
        fc.string({ maxLength: 30 }),
        fc.constant('x'.repeat(5000)),
      ),
      signWith: fc.constantFrom(key, 'second-key', 'wrong-key', null),
      method: fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'GET'),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ body, signWith, method }) => {
        const headers = signWith === null ? { 'content-type': 'application/json' } : cioHeaders(signWith, body);
        const init = { method, headers, ...(method === 'GET' ? {} : { body }) };
        const [a, b] = await Promise.all([fetch(fast, init), fetch(web, init)]);
        expect([a.status, a.headers.get('content-type'), a.headers.get('allow'), await a.json()]).toEqual([
          b.status,
          b.headers.get('content-type'),
          b.headers.get('allow'),
          await b.json(),
        ]);
      }),
      { numRuns: 60 },
    );
    // Each accepted webhook reached the sink twice, once by each path, as the same call.
    expect(taken.length % 2).toBe(0);
  });
});
