import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFirstOccurrenceFilter, createSegmentSender, type WebhookRejection } from '../../src/index';
import { createReceiver } from '../../examples/webhook-receiver/server';

// End to end over real sockets on 127.0.0.1: signed webhooks → the example receiver (the handler behind
// node:http, importing the package by its name) → the fetch sender → a local stand-in for Segment's
// /v1/batch, which records every body. Expected values are written out by hand from Customer.io's and
// Segment's rules, not taken from the library.

const signingKey = 'cio-signing-key-for-tests';
const writeKey = 'test-write-key';

interface Received {
  readonly authorization: string | undefined;
  readonly body: { batch: Record<string, unknown>[]; writeKey?: string; sentAt?: string };
  readonly status: number;
}

const received: Received[] = [];
/** messageIds whose first batch the stand-in answers with a 500, as a Segment outage would. */
const failOnce = new Set<string>();

let segment: Server;
let receiver: ReturnType<typeof createReceiver>;
let receiverUrl: string;
const rejections: WebhookRejection[] = [];

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  segment = createServer((request, response) => {
    readAll(request).then((text) => {
      const body = JSON.parse(text) as Received['body'];
      const failing = request.url === '/v1/batch' && body.batch.some((e) => failOnce.delete(String(e.messageId)));
      const status = request.url !== '/v1/batch' ? 404 : failing ? 500 : 200;
      received.push({ authorization: request.headers.authorization, body, status });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => segment.listen(0, '127.0.0.1', resolve));
  const segmentPort = (segment.address() as AddressInfo).port;

  receiver = createReceiver({
    signingKey,
    // One HTTP request per attempt, so that a 500 from the stand-in reaches Customer.io as a 503.
    sender: createSegmentSender({ writeKey, endpoint: `http://127.0.0.1:${segmentPort}`, maxAttempts: 1 }),
    firstOccurrence: createFirstOccurrenceFilter(),
    onRejected: (rejection) => void rejections.push(rejection),
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (receiver ? receiver.server.close(() => resolve()) : resolve()));
  await receiver?.handler.close();
  await new Promise<void>((resolve) => (segment ? segment.close(() => resolve()) : resolve()));
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Posts `body` signed the way Customer.io signs (computed here with node:crypto). */
async function post(
  body: string,
  { timestamp = String(nowSeconds()), signedBody = body, key = signingKey, method = 'POST' } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const signature = createHmac('sha256', key).update(`v0:${timestamp}:${signedBody}`).digest('hex');
  const response = await fetch(receiverUrl, {
    method,
    headers: { 'content-type': 'application/json', 'x-cio-timestamp': timestamp, 'x-cio-signature': signature },
    ...(method === 'POST' ? { body } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const eventTime = 1_763_856_000; // 2025-11-23T00:00:00Z

const emailOpened = {
  event_id: '01JEMAILOPENED000000000001',
  object_type: 'email',
  metric: 'opened',
  timestamp: eventTime,
  data: {
    delivery_id: 'RPILAgABcRhIBqSp7kiPekGBIeVh',
    campaign_id: 12,
    action_id: 34,
    identifiers: { id: '42', email: 'ada@example.com', cio_id: 'a3000001' },
    recipient: 'ada@example.com',
    subject: 'Grüße 👋',
  },
};
const emailOpenedAgain = { ...emailOpened, event_id: '01JEMAILOPENED000000000002', timestamp: eventTime + 60 };
const smsSent = {
  event_id: '01JSMSSENT0000000000000001',
  object_type: 'sms',
  metric: 'sent',
  timestamp: eventTime,
  data: {
    delivery_id: 'SMSDELIVERY1',
    broadcast_id: 5,
    identifiers: { id: '43' },
    recipient: '+15551234567',
    content: 'Your code is 1234',
  },
};
const pushClicked = {
  event_id: '01JPUSHCLICKED000000000001',
  object_type: 'push',
  metric: 'clicked',
  timestamp: eventTime,
  data: {
    delivery_id: 'PUSHDELIVERY1',
    identifiers: { email: 'grace@example.com' },
    href: 'https://example.com/offer',
    link_id: 7,
  },
};
const customerSubscribed = {
  event_id: '01JCUSTOMERSUB000000000001',
  object_type: 'customer',
  metric: 'subscribed',
  timestamp: eventTime,
  data: { customer_id: '44', email_address: 'linus@example.com', identifiers: { id: '44' } },
};
const emailClicked = {
  event_id: '01JEMAILCLICKED00000000001',
  object_type: 'email',
  metric: 'clicked',
  timestamp: eventTime,
  data: {
    delivery_id: 'RPILAgABcRhIBqSp7kiPekGBIeVh',
    identifiers: { id: '42', email: 'ada@example.com' },
    recipient: 'ada@example.com',
    href: 'https://example.com/a',
    link_id: 3,
  },
};
const tampered = { ...smsSent, event_id: '01JTAMPERED000000000000001' };
const stale = { ...smsSent, event_id: '01JSTALE000000000000000001' };
const invalid = { object_type: 'email', metric: 'opened', timestamp: eventTime, data: { delivery_id: 'X' } };

describe('examples/webhook-receiver, end to end', () => {
  const statuses: Record<string, number> = {};

  test('answers each request as Customer.io needs', async () => {
    // Accepted and sent.
    statuses.emailOpened = (await post(JSON.stringify(emailOpened))).status;
    statuses.smsSent = (await post(JSON.stringify(smsSent))).status;
    statuses.pushClicked = (await post(JSON.stringify(pushClicked))).status;
    statuses.customerSubscribed = (await post(JSON.stringify(customerSubscribed))).status;
    // A Customer.io retry of a delivered webhook, and a second open of the same email: 200, not sent.
    const retry = await post(JSON.stringify(emailOpened));
    statuses.retry = retry.status;
    expect(retry.json).toMatchObject({ outcome: 'not_sent', reason: 'already_sent' });
    const repeat = await post(JSON.stringify(emailOpenedAgain));
    statuses.repeat = repeat.status;
    expect(repeat.json).toMatchObject({ outcome: 'not_sent', reason: 'repeat' });
    // Segment fails once: 503 so that Customer.io retries; its retry then goes through.
    failOnce.add(`api-${emailClicked.event_id}`);
    statuses.clickedFirstTry = (await post(JSON.stringify(emailClicked))).status;
    statuses.clickedRetry = (await post(JSON.stringify(emailClicked))).status;
    // Rejected.
    const original = JSON.stringify(tampered);
    const bad = await post(original.replace('+15551234567', '+15559999999'), { signedBody: original });
    statuses.tampered = bad.status;
    expect(bad.json).toMatchObject({ reason: 'signature_mismatch' });
    statuses.wrongKey = (await post(JSON.stringify(tampered), { key: 'not-the-key' })).status;
    const old = await post(JSON.stringify(stale), { timestamp: String(nowSeconds() - 3600) });
    statuses.stale = old.status;
    expect(old.json).toMatchObject({ reason: 'timestamp_too_old' });
    statuses.malformedJson = (await post('{"event_id": "01JBROKEN", ')).status;
    const notAWebhook = await post(JSON.stringify(invalid));
    statuses.notAWebhook = notAWebhook.status;
    expect(notAWebhook.json).toMatchObject({ outcome: 'rejected', reason: 'not_a_webhook' });
    expect(notAWebhook.json.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['event_id'] })]));
    statuses.get = (await post('', { method: 'GET' })).status;

    expect(statuses).toEqual({
      emailOpened: 200,
      smsSent: 200,
      pushClicked: 200,
      customerSubscribed: 200,
      retry: 200,
      repeat: 200,
      clickedFirstTry: 503,
      clickedRetry: 200,
      tampered: 401,
      wrongKey: 401,
      stale: 401,
      malformedJson: 202,
      notAWebhook: 202,
      get: 405,
    });
  });

  test('Segment received each valid event exactly once, mapped, and nothing else', async () => {
    const delivered = received.filter((r) => r.status === 200).flatMap((r) => r.body.batch);
    const messageIds = delivered.map((event) => event.messageId);
    expect(messageIds.sort()).toEqual(
      [emailOpened, smsSent, pushClicked, customerSubscribed, emailClicked].map((w) => `api-${w.event_id}`).sort(),
    );
    // The failed attempt reached the stand-in once, and was answered 500.
    expect(received.filter((r) => r.status !== 200).map((r) => r.body.batch.map((e) => e.messageId))).toEqual([
      [`api-${emailClicked.event_id}`],
    ]);
    // The sender authenticates with Basic <writeKey:>, and stamps each body with the time it is sent.
    const basic = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
    for (const request of received) {
      expect(request.authorization).toBe(basic);
      expect(Number.isNaN(Date.parse(String(request.body.sentAt)))).toBe(false);
    }
    // The two signed bodies that could never be delivered went to the dead-letter hook, as received.
    expect(rejections.map((r) => [r.reason, r.body])).toEqual([
      ['not_json', '{"event_id": "01JBROKEN", '],
      ['not_a_webhook', JSON.stringify(invalid)],
    ]);

    const byId = new Map(delivered.map((event) => [event.messageId, event]));
    expect(byId.get(`api-${emailOpened.event_id}`)).toMatchObject({
      type: 'track',
      event: 'Email Opened',
      userId: '42',
      context: { traits: { email: 'ada@example.com' }, integration: { name: 'customer.io', version: '2.0.0' } },
      integrations: { 'Customer.io': false },
      properties: {
        delivery_id: 'RPILAgABcRhIBqSp7kiPekGBIeVh',
        campaign_id: 12,
        action_id: 34,
        recipient: 'ada@example.com',
        subject: 'Grüße 👋',
        cio_id: 'a3000001',
        content: null,
      },
    });
    // The event time, as an instant (the library writes ISO 8601 in UTC).
    for (const event of delivered) expect(Date.parse(String(event.timestamp))).toBe(eventTime * 1000);
    const sms = byId.get(`api-${smsSent.event_id}`);
    expect(sms).toMatchObject({
      event: 'SMS Sent',
      userId: '43',
      properties: { delivery_id: 'SMSDELIVERY1', broadcast_id: 5, recipient: '+15551234567', content: null },
    });
    // A phone number is never an email trait.
    expect((sms?.context as { traits?: unknown }).traits).toBeUndefined();
    expect(byId.get(`api-${pushClicked.event_id}`)).toMatchObject({
      event: 'Push Link Clicked',
      userId: '',
      anonymousId: 'grace@example.com',
      context: { traits: { email: 'grace@example.com' } },
      properties: { delivery_id: 'PUSHDELIVERY1', link: { url: 'https://example.com/offer', id: 7 } },
    });
    expect(byId.get(`api-${customerSubscribed.event_id}`)).toMatchObject({
      event: 'Customer Subscribed',
      userId: '44',
      properties: { userId: '44', email_address: 'linus@example.com' },
    });
    expect(byId.get(`api-${emailClicked.event_id}`)).toMatchObject({
      event: 'Email Link Clicked',
      userId: '42',
      properties: { link: { url: 'https://example.com/a', id: 3 } },
    });
    // Nothing of the rejected requests reached Segment.
    const everything = JSON.stringify(received);
    for (const id of [tampered.event_id, stale.event_id, emailOpenedAgain.event_id, '01JBROKEN', '+15559999999']) {
      expect(everything).not.toContain(id);
    }
  });
});
