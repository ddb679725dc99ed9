import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  signatureFailureReasons,
  verifyWebhookSignature,
  type VerifyWebhookSignatureInput,
} from '../../src/receive/verifyWebhookSignature';

// Expected signatures come from node:crypto, independently of the Web Crypto implementation under test.
function sign(key: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', key).update(`v0:${timestamp}:`).update(body).digest('hex');
}

const key = 'whsec-test-signing-key';
const nowSeconds = 1_700_000_000;
const now = new Date(nowSeconds * 1000);
const timestamp = String(nowSeconds);
const body = '{"event_id":"01E4C4CT6YDC7Y5M7FE1GWWPQJ","object_type":"email","metric":"opened","timestamp":1700000000,"data":{}}';

function input(overrides: Partial<VerifyWebhookSignatureInput> = {}): VerifyWebhookSignatureInput {
  return { rawBody: body, timestamp, signature: sign(key, timestamp, body), signingKey: key, now, ...overrides };
}

describe('verifyWebhookSignature', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  describe('accepts', () => {
    test('a string body signed with the key', async () => {
      expect(await verifyWebhookSignature(input())).toEqual({ valid: true });
    });

    test('the same body as Uint8Array, ArrayBuffer, DataView and Node Buffer', async () => {
      const bytes = new TextEncoder().encode(body);
      for (const rawBody of [bytes, bytes.slice().buffer, new DataView(bytes.slice().buffer), Buffer.from(body)]) {
        expect(await verifyWebhookSignature(input({ rawBody }))).toEqual({ valid: true });
      }
    });

    test('a view into a larger buffer hashes only its own bytes', async () => {
      const padded = new TextEncoder().encode(`xx${body}yy`);
      const rawBody = new Uint8Array(padded.buffer, 2, padded.length - 4);
      expect(await verifyWebhookSignature(input({ rawBody }))).toEqual({ valid: true });
    });

    test('an uppercase hex signature', async () => {
      expect(await verifyWebhookSignature(input({ signature: sign(key, timestamp, body).toUpperCase() }))).toEqual({
        valid: true,
      });
    });

    test('multibyte text in the body and in the key', async () => {
      const text = '{"data":{"subject":"Grüße 👋 日本"}}';
      const unicodeKey = 'clé-🔑';
      const result = await verifyWebhookSignature(
        input({ rawBody: text, signingKey: unicodeKey, signature: sign(unicodeKey, timestamp, text) }),
      );
      expect(result).toEqual({ valid: true });
    });

    test('bytes that are not UTF-8 are hashed as given, not re-encoded', async () => {
      const raw = new Uint8Array([0x7b, 0xff, 0xfe, 0x80, 0x7d]);
      const signature = sign(key, timestamp, raw);
      expect(await verifyWebhookSignature(input({ rawBody: raw, signature }))).toEqual({ valid: true });
      // Decoding and re-encoding would replace the bytes with U+FFFD and change the MAC.
      const reencoded = new TextDecoder().decode(raw);
      expect(await verifyWebhookSignature(input({ rawBody: reencoded, signature }))).toEqual({
        valid: false,
        reason: 'signature_mismatch',
      });
    });

    test('an empty body, when that is what was signed', async () => {
      expect(await verifyWebhookSignature(input({ rawBody: '', signature: sign(key, timestamp, '') }))).toEqual({
        valid: true,
      });
    });

    test('timestamps exactly at the edge of the window, both ways', async () => {
      for (const t of [nowSeconds - 300, nowSeconds + 300]) {
        const ts = String(t);
        expect(await verifyWebhookSignature(input({ timestamp: ts, signature: sign(key, ts, body) }))).toEqual({
          valid: true,
        });
      }
    });

    test('any generated body, key and in-window timestamp', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
          fc.integer({ min: -300, max: 300 }),
          async (text, signingKey, offset) => {
            const ts = String(nowSeconds + offset);
            const result = await verifyWebhookSignature({
              rawBody: text,
              timestamp: ts,
              signature: sign(signingKey, ts, text),
              signingKey,
              now,
            });
            expect(result).toEqual({ valid: true });
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('rejects', () => {
    test('a tampered body', async () => {
      expect(await verifyWebhookSignature(input({ rawBody: body.replace('opened', 'clicked') }))).toEqual({
        valid: false,
        reason: 'signature_mismatch',
      });
    });

    test('a signature made with another key', async () => {
      expect(await verifyWebhookSignature(input({ signature: sign('another-key', timestamp, body) }))).toEqual({
        valid: false,
        reason: 'signature_mismatch',
      });
    });

    test('a signature of another timestamp (the timestamp is signed too)', async () => {
      const other = String(nowSeconds - 1);
      expect(await verifyWebhookSignature(input({ timestamp: other }))).toEqual({
        valid: false,
        reason: 'signature_mismatch',
      });
    });

    test('any single changed hex digit of the signature', async () => {
      const good = sign(key, timestamp, body);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 63 }), fc.integer({ min: 1, max: 15 }), async (at, delta) => {
          const digit = ((Number.parseInt(good[at] ?? '0', 16) + delta) % 16).toString(16);
          const signature = good.slice(0, at) + digit + good.slice(at + 1);
          expect(await verifyWebhookSignature(input({ signature }))).toEqual({
            valid: false,
            reason: 'signature_mismatch',
          });
        }),
        { numRuns: 200 },
      );
    });

    test('a stale timestamp, even when correctly signed', async () => {
      const ts = String(nowSeconds - 301);
      expect(await verifyWebhookSignature(input({ timestamp: ts, signature: sign(key, ts, body) }))).toEqual({
        valid: false,
        reason: 'timestamp_too_old',
      });
    });

    test('a future timestamp, even when correctly signed', async () => {
      const ts = String(nowSeconds + 301);
      expect(await verifyWebhookSignature(input({ timestamp: ts, signature: sign(key, ts, body) }))).toEqual({
        valid: false,
        reason: 'timestamp_in_future',
      });
    });

    test('by the given tolerance', async () => {
      const ts = String(nowSeconds - 61);
      const signed = { timestamp: ts, signature: sign(key, ts, body) };
      expect(await verifyWebhookSignature(input({ ...signed, toleranceSeconds: 60 }))).toEqual({
        valid: false,
        reason: 'timestamp_too_old',
      });
      expect(await verifyWebhookSignature(input({ ...signed, toleranceSeconds: 61 }))).toEqual({ valid: true });
    });

    test('a stale timestamp judged against the default clock', async () => {
      const ts = String(Math.floor(Date.now() / 1000) - 3600);
      const { now: _ignored, ...rest } = input({ timestamp: ts, signature: sign(key, ts, body) });
      expect(await verifyWebhookSignature(rest)).toEqual({ valid: false, reason: 'timestamp_too_old' });
    });

    test.each([
      ['abc'],
      ['1.5e9'],
      ['1700000000.5'],
      ['-1700000000'],
      [' 1700000000'],
      ['0x6553f100'],
      ['1234567890123456'],
    ])('a malformed timestamp %j', async (ts) => {
      expect(await verifyWebhookSignature(input({ timestamp: ts, signature: sign(key, ts, body) }))).toEqual({
        valid: false,
        reason: 'malformed_timestamp',
      });
    });

    test('a repeated timestamp header (an array)', async () => {
      expect(await verifyWebhookSignature(input({ timestamp: [timestamp, timestamp] }))).toEqual({
        valid: false,
        reason: 'malformed_timestamp',
      });
    });

    test.each([[undefined], [null], ['']])('a missing timestamp (%j)', async (ts) => {
      expect(await verifyWebhookSignature(input({ timestamp: ts }))).toEqual({
        valid: false,
        reason: 'missing_timestamp',
      });
    });

    test.each([[undefined], [null], ['']])('a missing signature (%j)', async (signature) => {
      expect(await verifyWebhookSignature(input({ signature }))).toEqual({ valid: false, reason: 'missing_signature' });
    });

    test('malformed signatures: wrong length, not hex, prefixed, base64', async () => {
      const good = sign(key, timestamp, body);
      const bad = [
        good.slice(0, 63),
        `${good}0`,
        `${good.slice(0, 63)}g`,
        `v0=${good}`,
        Buffer.from(good, 'hex').toString('base64'),
        [good],
      ];
      for (const signature of bad) {
        expect(await verifyWebhookSignature(input({ signature }))).toEqual({
          valid: false,
          reason: 'malformed_signature',
        });
      }
    });

    test.each([[undefined], [null], ['']])('a missing signing key (%j)', async (signingKey) => {
      expect(await verifyWebhookSignature(input({ signingKey }))).toEqual({
        valid: false,
        reason: 'missing_signing_key',
      });
    });

    test.each([[undefined], [null], [42]])('a missing or unusable body (%j)', async (rawBody) => {
      expect(await verifyWebhookSignature(input({ rawBody: rawBody as never }))).toEqual({
        valid: false,
        reason: 'missing_body',
      });
    });

    test.each([[{ body }], [JSON.parse(body)], [[1, 2]]])('a body a framework already parsed (%j) is body_already_parsed', async (rawBody) => {
      expect(await verifyWebhookSignature(input({ rawBody: rawBody as never }))).toEqual({
        valid: false,
        reason: 'body_already_parsed',
      });
    });

    test('several signing keys (rotation): passes when any matches, fails when none does', async () => {
      expect(await verifyWebhookSignature(input({ signingKey: ['old', key] }))).toEqual({ valid: true });
      expect(await verifyWebhookSignature(input({ signingKey: [key, 'new'] }))).toEqual({ valid: true });
      expect(await verifyWebhookSignature(input({ signingKey: ['old', 'new'] }))).toEqual({ valid: false, reason: 'signature_mismatch' });
      expect(await verifyWebhookSignature(input({ signingKey: [] }))).toEqual({ valid: false, reason: 'missing_signing_key' });
      expect(await verifyWebhookSignature(input({ signingKey: [key, 5 as never] }))).toEqual({ valid: false, reason: 'missing_signing_key' });
    });

    test('invalid settings and input', async () => {
      for (const bad of [
        input({ toleranceSeconds: -1 }),
        input({ toleranceSeconds: Number.NaN }),
        input({ now: new Date(Number.NaN) }),
        input({ now: nowSeconds as never }),
        undefined as never,
        null as never,
        'body' as never,
      ]) {
        expect(await verifyWebhookSignature(bad)).toEqual({ valid: false, reason: 'invalid_input' });
      }
    });

    test('when Web Crypto is missing, without throwing', async () => {
      vi.stubGlobal('crypto', undefined);
      expect(await verifyWebhookSignature(input())).toEqual({ valid: false, reason: 'crypto_unavailable' });
    });

    test('when Web Crypto fails, without throwing, and recovers after', async () => {
      const realSubtle = globalThis.crypto.subtle;
      vi.stubGlobal('crypto', {
        subtle: {
          importKey: () => Promise.reject(new Error('no HMAC here')),
          sign: () => Promise.reject(new Error('no HMAC here')),
        },
      });
      expect(await verifyWebhookSignature(input({ signingKey: 'fresh-key', signature: sign('fresh-key', timestamp, body) }))).toEqual({
        valid: false,
        reason: 'crypto_unavailable',
      });
      vi.stubGlobal('crypto', { subtle: realSubtle });
      expect(await verifyWebhookSignature(input({ signingKey: 'fresh-key', signature: sign('fresh-key', timestamp, body) }))).toEqual({
        valid: true,
      });
    });
  });

  test('never throws nor rejects, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rawBody: fc.oneof(fc.string(), fc.uint8Array(), fc.anything()),
          timestamp: fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), fc.anything()),
          signature: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.anything()),
          signingKey: fc.oneof(fc.string(), fc.anything()),
          toleranceSeconds: fc.oneof(fc.constant(undefined), fc.double(), fc.anything()),
          now: fc.oneof(fc.constant(undefined), fc.date(), fc.anything()),
        }),
        async (garbage) => {
          const result = await verifyWebhookSignature(garbage as unknown as VerifyWebhookSignatureInput);
          expect(result.valid === false ? signatureFailureReasons : [undefined]).toContain(
            result.valid === false ? result.reason : undefined,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
