import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkSignatureWithHmac } from '../../src/receive/checkSignatureWithHmac';
import { verifyWebhookSignature } from '../../src/index';
import { cioSignature } from '../helpers/signedRequest';

// The Node adapter's fast signature check against the library's Web Crypto one: the same reason for the
// same input, whatever the input (the oracle beside the fast path).

const hmac = (key: string, message: Uint8Array): string => createHmac('sha256', key).update(message).digest('hex');
const nowMs = 1_764_547_200_000;
const nowSeconds = nowMs / 1000;

const input = fc
  .record({
    body: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('{"event_id":"01J"}')),
    signer: fc.constantFrom('key-a', 'key-b', 'other'),
    keys: fc.constantFrom<string[]>(['key-a'], ['key-b', 'key-a'], ['key-b']),
    timestamp: fc.oneof(
      fc.integer({ min: nowSeconds - 400, max: nowSeconds + 400 }).map(String),
      // The edges of each replay window, where an off-by-one would show.
      fc.constantFrom(...[0, 60, 300].flatMap((t) => [t, t + 1].flatMap((d) => [nowSeconds - d, nowSeconds + d]))).map(String),
      fc.constantFrom('', 'abc', '-5', '1e9', ' 1764547200', '1764547200.5', '9'.repeat(16)),
      fc.constant(null),
    ),
    signatureKind: fc.constantFrom('right', 'right-upper', 'wrong', 'empty', 'short', 'prefixed', 'missing'),
    toleranceSeconds: fc.constantFrom(0, 60, 300),
  })
  .map((c) => {
    const right = cioSignature(c.signer, c.timestamp ?? '', c.body);
    const signature = {
      right,
      'right-upper': right.toUpperCase(),
      wrong: right.replace(/^./, (d) => (d === '0' ? '1' : '0')),
      empty: '',
      short: right.slice(0, 60),
      prefixed: `v0=${right}`,
      missing: null,
    }[c.signatureKind];
    return { ...c, signature };
  });

describe('checkSignatureWithHmac', () => {
  test('property: gives the reason verifyWebhookSignature gives, with any of the keys', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ body, keys, timestamp, signature, toleranceSeconds }) => {
        const rawBody = new TextEncoder().encode(body);
        const fast = checkSignatureWithHmac(hmac, keys, rawBody, timestamp, signature, toleranceSeconds, nowMs);
        let expected: string | undefined = 'signature_mismatch';
        for (const signingKey of keys) {
          const result = await verifyWebhookSignature({ rawBody, timestamp, signature, signingKey, toleranceSeconds, now: new Date(nowMs) });
          if (result.valid) {
            expected = undefined;
            break;
          }
          expected = result.reason;
          if (expected !== 'signature_mismatch') break;
        }
        expect(fast).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  test('accepts a right signature and refuses a wrong one (written out)', () => {
    const body = new TextEncoder().encode('{"a":1}');
    const ts = String(nowSeconds);
    expect(checkSignatureWithHmac(hmac, ['k'], body, ts, cioSignature('k', ts, '{"a":1}'), 300, nowMs)).toBeUndefined();
    expect(checkSignatureWithHmac(hmac, ['k'], body, ts, cioSignature('x', ts, '{"a":1}'), 300, nowMs)).toBe('signature_mismatch');
    expect(checkSignatureWithHmac(hmac, ['k'], body, String(nowSeconds - 301), cioSignature('k', String(nowSeconds - 301), '{"a":1}'), 300, nowMs)).toBe('timestamp_too_old');
  });
});
