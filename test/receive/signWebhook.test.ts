import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { signWebhook } from '../../src/receive/signWebhook';
import { verifyWebhookRequest } from '../../src/receive/verifyWebhookRequest';
import { verifyWebhookSignature } from '../../src/receive/verifyWebhookSignature';

// The oracle: node:crypto, independent of the Web Crypto code under test.
const oracle = (key: string, timestamp: number, body: string | Uint8Array): string =>
  createHmac('sha256', key).update(`v0:${timestamp}:`).update(body).digest('hex');

const bodyArbitrary = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }));
const keyArbitrary = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const secondsArbitrary = fc.integer({ min: 0, max: 10_000_000_000 });

describe('signWebhook', () => {
  test('the headers Customer.io sends: unix seconds, and lowercase hex HMAC-SHA256 of v0:<timestamp>:<body>', async () => {
    const headers = await signWebhook({ body: '{"a":1}', key: 'k', timestamp: 1_700_000_000 });
    expect(headers).toEqual({ 'x-cio-timestamp': '1700000000', 'x-cio-signature': oracle('k', 1_700_000_000, '{"a":1}') });
    expect(headers['x-cio-signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a Date is rounded down to the second; no timestamp is now', async () => {
    const date = new Date(1_700_000_000_999);
    expect((await signWebhook({ body: 'x', key: 'k', timestamp: date }))['x-cio-timestamp']).toBe('1700000000');
    const before = Math.floor(Date.now() / 1000);
    const now = Number((await signWebhook({ body: 'x', key: 'k' }))['x-cio-timestamp']);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  test('property: matches node:crypto for any body (text or bytes), key and time', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArbitrary, keyArbitrary, secondsArbitrary, async (body, key, timestamp) => {
        const headers = await signWebhook({ body, key, timestamp });
        expect(headers['x-cio-signature']).toBe(oracle(key, timestamp, body));
      }),
      { numRuns: 200 },
    );
  });

  test('property: sign → verify round trip, through a Request and through the parts', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArbitrary, keyArbitrary, secondsArbitrary, async (body, key, timestamp) => {
        const headers = await signWebhook({ body, key, timestamp });
        const now = new Date(timestamp * 1000);
        const request = new Request('http://127.0.0.1/webhook', { method: 'POST', body, headers });
        const viaRequest = await verifyWebhookRequest(request, key, { now });
        expect(viaRequest.valid).toBe(true);
        const text = typeof body === 'string' ? new TextDecoder().decode(new TextEncoder().encode(body)) : new TextDecoder().decode(body);
        expect(viaRequest.rawBody).toBe(text);
        expect(await verifyWebhookRequest({ headers, rawBody: body }, key, { now })).toMatchObject({ valid: true });
        expect(
          await verifyWebhookSignature({
            rawBody: body,
            timestamp: headers['x-cio-timestamp'],
            signature: headers['x-cio-signature'],
            signingKey: key,
            now,
          }),
        ).toEqual({ valid: true });
      }),
      { numRuns: 150 },
    );
  });

  test('property: a tampered body, another key or a stale time fails with its reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        keyArbitrary,
        keyArbitrary,
        fc.nat({ max: 99 }),
        secondsArbitrary,
        async (body, key, otherKey, at, timestamp) => {
          const headers = await signWebhook({ body, key, timestamp });
          const now = new Date(timestamp * 1000);
          const tampered = body.slice();
          const index = at % tampered.length;
          tampered[index] = (tampered[index]! + 1) % 256;
          expect(await verifyWebhookRequest({ headers, rawBody: tampered }, key, { now })).toMatchObject({
            valid: false,
            reason: 'signature_mismatch',
          });
          if (otherKey !== key) {
            expect(await verifyWebhookRequest({ headers, rawBody: body }, otherKey, { now })).toMatchObject({ reason: 'signature_mismatch' });
          }
          const later = new Date((timestamp + 301) * 1000);
          expect(await verifyWebhookRequest({ headers, rawBody: body }, key, { now: later })).toMatchObject({ reason: 'timestamp_too_old' });
        },
      ),
      { numRuns: 100 },
    );
  });

  test.each<[string, unknown]>([
    ['an empty key', { body: 'x', key: '' }],
    ['a key that is not a string', { body: 'x', key: 42 }],
    ['a parsed body', { body: { a: 1 }, key: 'k' }],
    ['a missing body', { key: 'k' }],
    ['a fractional timestamp', { body: 'x', key: 'k', timestamp: 1.5 }],
    ['a negative timestamp', { body: 'x', key: 'k', timestamp: -1 }],
    ['an invalid Date', { body: 'x', key: 'k', timestamp: new Date(Number.NaN) }],
    ['no input', undefined],
  ])('%s rejects with a TypeError', async (_, input) => {
    await expect(signWebhook(input as never)).rejects.toThrow(TypeError);
  });
});
