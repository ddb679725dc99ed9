import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatUnixSeconds } from '../../src/mapping/formatUnixSeconds';
import { messageIdFor } from '../../src/mapping/messageIdFor';

test('formatUnixSeconds agrees with Date#toISOString over the whole accepted range', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 0, max: 1e11 - 1 }), fc.integer({ min: 946_684_700, max: 4_102_444_900 })), (seconds) => {
      expect(formatUnixSeconds(seconds)).toBe(new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));
    }),
    { numRuns: 10_000 },
  );
  for (const [seconds, iso] of [
    [0, '1970-01-01T00:00:00Z'],
    [951_782_400, '2000-02-29T00:00:00Z'],
    [1_623_848_646, '2021-06-16T13:04:06Z'],
  ] as const) {
    expect(formatUnixSeconds(seconds)).toBe(iso);
  }
});

const isoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

test('formatUnixSeconds agrees with Date#toISOString over sequences that hit and miss its caches', () => {
  // Time-ordered runs (same second, same minute, the next minute, the next day) mixed with jumps
  // anywhere in the accepted range, so that every cache is hit, missed and refilled.
  const step = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 10 }),
    fc.integer({ min: 50, max: 70 }),
    fc.integer({ min: 86_390, max: 86_410 }),
    fc.integer({ min: -120, max: -1 }),
  );
  const run = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 1e11 - 1 }), fc.constantFrom(0, 59, 60, 86_399, 86_400, 951_782_399, 1e11 - 1)), fc.array(step, { maxLength: 30 }));
  fc.assert(
    fc.property(fc.array(run, { minLength: 1, maxLength: 5 }), (runs) => {
      for (const [start, steps] of runs) {
        let seconds = start;
        expect(formatUnixSeconds(seconds)).toBe(isoSeconds(seconds));
        for (const delta of steps) {
          seconds = Math.min(1e11 - 1, Math.max(0, seconds + delta));
          expect(formatUnixSeconds(seconds)).toBe(isoSeconds(seconds));
        }
      }
    }),
    { numRuns: 1_000 },
  );
  for (const seconds of [0, 1, 59, 60, 0, 3599, 3600, 86_399, 86_400, 86_399, 1e11 - 1, 1e11 - 1, 0]) {
    expect(formatUnixSeconds(seconds)).toBe(isoSeconds(seconds));
  }
});

test('messageIdFor keeps Customer.io ids readable and hashes only ids too long for Segment', () => {
  expect(messageIdFor('1u21CJeZPJX3TdLhPNrzstyAYZa')).toBe('api-1u21CJeZPJX3TdLhPNrzstyAYZa');
  expect(messageIdFor('x'.repeat(96))).toHaveLength(100);
  const long = messageIdFor('x'.repeat(97));
  expect(long).toMatch(/^api-h[0-9a-z]+$/);
  expect(long.length).toBeLessThanOrEqual(100);
  expect(messageIdFor('y'.repeat(97))).not.toBe(long);
});
