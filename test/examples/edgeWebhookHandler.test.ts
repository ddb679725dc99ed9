import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import worker from '../../examples/webhook-receiver/edge';

// The Web Request variant of the receiver, against a stand-in for Segment's /v1/batch on 127.0.0.1.
const signingKey = 'edge-signing-key';
const writeKey = 'edge-write-key';
const received: { authorization: string | undefined; text: string }[] = [];
let failNext = false;
let failed = 0;
let segment: Server;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  segment = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = request.url !== '/v1/batch' ? 404 : failNext ? 500 : 200;
      failNext = false;
      if (status === 500) failed += 1;
      if (status === 200) received.push({ authorization: request.headers.authorization, text: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => segment.listen(0, '127.0.0.1', resolve));
  const port = (segment.address() as AddressInfo).port;
  const env = { CIO_SIGNING_KEY: `retired-key,${signingKey}`, SEGMENT_WRITE_KEY: writeKey, SEGMENT_ENDPOINT: `http://127.0.0.1:${port}`, BODY_CONTENT: 'true' };
  handler = (request) => worker.fetch(request, env);
});

afterAll(async () => {
  await new Promise<void>((resolve) => (segment ? segment.close(() => resolve()) : resolve()));
});

function request(body: string, { timestamp = String(Math.floor(Date.now() / 1000)), signedBody = body } = {}): Request {
  const signature = createHmac('sha256', signingKey).update(`v0:${timestamp}:${signedBody}`).digest('hex');
  return new Request('http://receiver.test/', {
    method: 'POST',
    headers: { 'x-cio-timestamp': timestamp, 'x-cio-signature': signature },
    body,
  });
}

const sent = (eventId: string, content: string): string =>
  JSON.stringify({
    event_id: eventId,
    object_type: 'email',
    metric: 'sent',
    timestamp: 1_763_856_000,
    data: { delivery_id: `D-${eventId}`, identifiers: { id: '7' }, recipient: 'ada@example.com', subject: 'Hi', content },
  });

describe('examples/webhook-receiver/edge.ts', () => {
  test('the Worker verifies, maps and sends one /v1/batch body per webhook', async () => {
    const statuses = [];
    statuses.push((await handler(request(sent('E1', 'Hello Ada')))).status);
    statuses.push((await handler(request(sent('E1', 'Hello Ada')))).status); // Customer.io retry: sent again, same messageId
    statuses.push((await handler(request(sent('E2', '€'.repeat(20_000))))).status); // 60 KB of body content
    failNext = true;
    statuses.push((await handler(request(sent('E3', 'x')))).status); // Segment fails once: the sender retries at once
    statuses.push((await handler(request(sent('E4', 'x'), { signedBody: sent('E4', 'y') }))).status);
    statuses.push((await handler(request(sent('E5', 'x'), { timestamp: '1000000000' }))).status);
    statuses.push((await handler(request('not json'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 401, 401, 202]);
    expect(failed).toBe(1);

    const bodies = received.map((r) => JSON.parse(r.text) as { batch: { messageId: string; properties: Record<string, unknown> }[]; writeKey: string; sentAt: string });
    expect(bodies.map((b) => b.batch.map((e) => e.messageId))).toEqual([['api-E1'], ['api-E1'], ['api-E2'], ['api-E3']]);
    for (const r of received) expect(r.authorization).toBe(`Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`);
    expect(Number.isNaN(Date.parse(bodies[0]?.sentAt ?? ''))).toBe(false);
    expect(bodies[0]?.batch[0]?.properties).toMatchObject({ content: 'Hello Ada' });
    // Over 32 KB with its body: sent without it, and marked.
    expect(bodies[2]?.batch[0]?.properties).toMatchObject({ content: null, content_dropped: true });
    for (const r of received) expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(500_000);
  });
});
