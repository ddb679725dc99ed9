import fc from 'fast-check';
import { expect, test } from 'vitest';
import { toDeliveredTrack } from '../../src/index';

test('applies timestamp = receivedAt − (sentAt − originalTimestamp) (segment.md §2)', () => {
  // Seed 004, "Email Opened": 13:05:39.605 − (13:05:39.000 − 13:04:06) = 13:04:06.605.
  const delivered = toDeliveredTrack(
    { event: 'Email Opened', timestamp: '2021-06-16T13:04:06Z' },
    { sentAt: '2021-06-16T13:05:39.000Z', receivedAt: new Date('2021-06-16T13:05:39.605Z'), writeKey: 'wk' },
  );
  expect(delivered).toEqual({
    event: 'Email Opened',
    originalTimestamp: '2021-06-16T13:04:06Z',
    sentAt: '2021-06-16T13:05:39.000Z',
    receivedAt: '2021-06-16T13:05:39.605Z',
    timestamp: '2021-06-16T13:04:06.605Z',
    writeKey: 'wk',
  });
});

test('the corrected timestamp keeps the distance between event and send, whatever the clocks', () => {
  const date = fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true });
  fc.assert(
    fc.property(date, date, date, (event, sent, received) => {
      const call = { timestamp: event.toISOString() };
      const delivered = toDeliveredTrack(call, { sentAt: sent, receivedAt: received });
      expect(Date.parse(delivered.receivedAt) - Date.parse(delivered.timestamp)).toBe(sent.getTime() - event.getTime());
      expect(delivered.originalTimestamp).toBe(call.timestamp);
      expect(call).toEqual({ timestamp: event.toISOString() });
    }),
    { numRuns: 1000 },
  );
});

test('an invalid date is a RangeError that names it', () => {
  expect(() => toDeliveredTrack({ timestamp: 'x' }, { sentAt: new Date(), receivedAt: new Date() })).toThrow(/timestamp/);
  expect(() => toDeliveredTrack({ timestamp: '2021-01-01T00:00:00Z' }, { sentAt: 'nope', receivedAt: new Date() })).toThrow(RangeError);
});
