import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseRetryAfter } from '../../src/send/parseRetryAfter';

const now = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('parseRetryAfter', () => {
  test('delay-seconds are milliseconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(Number.MAX_SAFE_INTEGER);
  });

  test('an HTTP-date is the time until it; a past date is no delay', () => {
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  test('anything else is undefined, so the backoff applies', () => {
    for (const bad of [undefined, null, '', '-5', '1.5', 'soon', 'Mon, 99 Foo 2026', '12abc']) {
      expect(parseRetryAfter(bad, now), String(bad)).toBeUndefined();
    }
  });

  test('total: any string gives undefined or a finite delay of 0 or more', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const delay = parseRetryAfter(text, now);
        if (delay !== undefined) expect(Number.isFinite(delay) && delay >= 0).toBe(true);
      }),
    );
  });
});
