import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { signatureFailureMessage } from '../../src/receive/signatureFailureMessage';
import { verifyWebhookRequest } from '../../src/receive/verifyWebhookRequest';
import { signatureFailureReasons } from '../../src/receive/verifyWebhookSignature';

const seconds = 1_700_000_000;
const now = new Date(seconds * 1000);
const body = '{"event_id":"01E4C4CT6YDC7Y5M7FE1GWWPQJ","object_type":"email","metric":"opened","timestamp":1700000000,"data":{}}';
const sign = (key: string, text: string | Uint8Array = body, timestamp = seconds): Record<string, string> => ({
  'x-cio-timestamp': String(timestamp),
  'x-cio-signature': createHmac('sha256', key).update(`v0:${timestamp}:`).update(text).digest('hex'),
});
const post = (headers: Record<string, string>, payload: string | Uint8Array | null = body): Request =>
  new Request('http://127.0.0.1/webhook', { method: 'POST', body: payload, headers });

describe('verifyWebhookRequest', () => {
  test('a signed Request is valid, and its body comes back as text, read once', async () => {
    const request = post(sign('k'));
    const result = await verifyWebhookRequest(request, 'k', { now });
    expect(result).toEqual({ valid: true, rawBody: body });
    expect(request.bodyUsed).toBe(true);
  });

  test('rotation: either of two keys passes; a third does not; an empty list is no key', async () => {
    for (const key of ['old-key', 'new-key']) {
      expect(await verifyWebhookRequest(post(sign(key)), ['old-key', 'new-key'], { now })).toMatchObject({ valid: true });
    }
    expect(await verifyWebhookRequest(post(sign('third')), ['old-key', 'new-key'], { now })).toMatchObject({
      valid: false,
      reason: 'signature_mismatch',
      rawBody: body,
    });
    expect(await verifyWebhookRequest(post(sign('k')), [], { now })).toMatchObject({ reason: 'missing_signing_key' });
    expect(await verifyWebhookRequest(post(sign('k')), ['k', ''], { now })).toMatchObject({ reason: 'missing_signing_key' });
  });

  test('stale and future timestamps, tampered bodies and missing headers fail with their reason and message', async () => {
    const cases: [Request, string][] = [
      [post(sign('k', body, seconds - 301)), 'timestamp_too_old'],
      [post(sign('k', body, seconds + 301)), 'timestamp_in_future'],
      [post(sign('k'), body.replace('opened', 'clicked')), 'signature_mismatch'],
      [post({ 'x-cio-signature': sign('k')['x-cio-signature']! }), 'missing_timestamp'],
      [post({ 'x-cio-timestamp': String(seconds) }), 'missing_signature'],
    ];
    for (const [request, reason] of cases) {
      const result = await verifyWebhookRequest(request, 'k', { now });
      expect(result).toMatchObject({ valid: false, reason });
      if (!result.valid) expect(result.message).toBe(signatureFailureMessage(result.reason));
    }
  });

  test('the parts of a Node request: header names in any case, raw bytes or text', async () => {
    const headers = sign('k');
    const upper = { 'X-CIO-Timestamp': headers['x-cio-timestamp'], 'X-Cio-Signature': headers['x-cio-signature'] };
    expect(await verifyWebhookRequest({ headers: upper, rawBody: Buffer.from(body) }, 'k', { now })).toEqual({ valid: true, rawBody: body });
    expect(await verifyWebhookRequest({ headers: new Headers(headers), rawBody: body }, 'k', { now })).toEqual({ valid: true, rawBody: body });
    // A repeated header arrives as an array from node:http: not a timestamp.
    const repeated = { ...headers, 'x-cio-timestamp': [headers['x-cio-timestamp']!, headers['x-cio-timestamp']!] };
    expect(await verifyWebhookRequest({ headers: repeated, rawBody: body }, 'k', { now })).toMatchObject({ reason: 'malformed_timestamp' });
  });

  test('a body a framework already parsed says so, and how to fix it, rather than missing_body', async () => {
    const result = await verifyWebhookRequest({ headers: sign('k'), rawBody: JSON.parse(body) }, 'k', { now });
    expect(result).toMatchObject({ valid: false, reason: 'body_already_parsed', rawBody: undefined });
    if (!result.valid) expect(result.message).toMatch(/express\.raw/);
    expect(await verifyWebhookRequest({ headers: sign('k'), rawBody: undefined }, 'k', { now })).toMatchObject({ reason: 'missing_body' });
  });

  test('a body over maxBodyBytes is body_too_large, and an endless stream is not read to its end', async () => {
    const big = 'x'.repeat(2_000);
    expect(await verifyWebhookRequest(post(sign('k', big), big), 'k', { now, maxBodyBytes: 1_000 })).toMatchObject({ reason: 'body_too_large' });
    expect(await verifyWebhookRequest({ headers: sign('k', big), rawBody: big }, 'k', { now, maxBodyBytes: 1_000 })).toMatchObject({
      reason: 'body_too_large',
    });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(256));
      },
    });
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: endless, headers: sign('k'), duplex: 'half' } as RequestInit);
    expect(await verifyWebhookRequest(request, 'k', { now, maxBodyBytes: 4_096 })).toMatchObject({ reason: 'body_too_large' });
    expect(pulled).toBeLessThan(40);
  });

  test('a body already read, or none, is missing_body; bad input is invalid_input; nothing throws', async () => {
    const used = post(sign('k'));
    await used.text();
    expect(await verifyWebhookRequest(used, 'k', { now })).toMatchObject({ reason: 'missing_body' });
    const noBody = new Request('http://127.0.0.1/', { method: 'POST', headers: sign('k') });
    expect(await verifyWebhookRequest(noBody, 'k', { now })).toMatchObject({ reason: 'missing_body' });
    for (const bad of [null, undefined, 'request', 42, { headers: null, rawBody: body }]) {
      expect(await verifyWebhookRequest(bad as never, 'k', { now })).toMatchObject({ valid: false, reason: 'invalid_input' });
    }
    expect(await verifyWebhookRequest(post(sign('k')), 'k', { now, maxBodyBytes: -1 })).toMatchObject({ reason: 'invalid_input' });
  });
});

describe('signatureFailureMessage', () => {
  test('every reason has its own sentence', () => {
    const messages = signatureFailureReasons.map(signatureFailureMessage);
    expect(new Set(messages).size).toBe(signatureFailureReasons.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/);
  });
});
