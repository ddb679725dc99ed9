import fc from 'fast-check';
import { expect, test } from 'vitest';
import { toSegmentTrack } from '../../src/mapping/toSegmentTrack';
import { serializeCalls } from '../../src/send/serializeCalls';
import { oddCallArbitrary as oddCall } from '../arbitraries/oddCalls';
import { anyWebhookArbitrary } from '../arbitraries/webhook';

test('oracle: serializeCalls(calls) is calls.map(JSON.stringify), whatever the calls hold (300 runs)', () => {
  fc.assert(
    fc.property(fc.array(oddCall, { maxLength: 700 }), (calls) => {
      expect(serializeCalls(calls)).toEqual(calls.map((call) => JSON.stringify(call)));
    }),
    { numRuns: 300 },
  );
});

test('oracle: long runs of ordinary calls, across several chunks', () => {
  fc.assert(
    fc.property(fc.array(anyWebhookArbitrary, { minLength: 255, maxLength: 800 }), (webhooks) => {
      const calls = webhooks.map((webhook) => toSegmentTrack(webhook) as object);
      expect(serializeCalls(calls)).toEqual(calls.map((call) => JSON.stringify(call)));
    }),
    { numRuns: 10 },
  );
});

test('throws what JSON.stringify throws on a call', () => {
  const calls = [{ type: 'track' }, { type: 'track', properties: { big: 1n } }];
  expect(() => serializeCalls(calls)).toThrow(TypeError);
  const cyclic: Record<string, unknown> = { type: 'track' };
  cyclic.self = cyclic;
  expect(() => serializeCalls([cyclic])).toThrow(TypeError);
});

test('a call holding the marker before an object is still serialized alone', () => {
  // The search for cuts starts at the marker (DEL); these calls hold it, in a string, before an object
  // inside an array, and would be cut in two if the count of cuts were not checked.
  const ordinary = { type: 'track', event: 'Email Sent', properties: { n: 1 } };
  const first = { type: 'track', properties: { list: ['x\u007f', {}] } };
  const second = { type: 'track', properties: { list: [{}, '\u007f', { a: 1 }] } };
  for (const odd of [first, second]) expect(JSON.stringify(odd)).toContain('\u007f",{');
  const calls = [ordinary, first, ordinary, second, ordinary];
  expect(serializeCalls(calls)).toEqual(calls.map((call) => JSON.stringify(call)));
});
