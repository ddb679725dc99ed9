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

test('messageIdFor keeps Customer.io ids readable and hashes only ids too long for Segment', () => {
  expect(messageIdFor('1u21CJeZPJX3TdLhPNrzstyAYZa')).toBe('api-1u21CJeZPJX3TdLhPNrzstyAYZa');
  expect(messageIdFor('x'.repeat(96))).toHaveLength(100);
  const long = messageIdFor('x'.repeat(97));
  expect(long).toMatch(/^api-h[0-9a-z]+$/);
  expect(long.length).toBeLessThanOrEqual(100);
  expect(messageIdFor('y'.repeat(97))).not.toBe(long);
});
