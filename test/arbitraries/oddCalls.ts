import fc from 'fast-check';
import { toSegmentTrack } from '../../src/mapping/toSegmentTrack';
import { anyWebhookArbitrary } from './webhook';

class Instance {
  readonly kind = 'instance';
  get computed(): string {
    return 'getter';
  }
}

/** Objects that could make a marker cut wrong: marker-like values inside calls, and objects that serialize
 * differently inside an array than alone (or as something other than `{…}`). */
export const oddCallValues: readonly object[] = [
  { type: 'track', properties: { list: ['a', '\u0001', 'b'] } },
  { type: 'track', properties: { list: [{}, '\u0001', {}], text: ',"\\u0001",' } },
  // The marker (DEL) between two objects, and the part of a cut that is searched for (from the marker on)
  // without the rest of it.
  { type: 'track', properties: { list: [{}, '\u007f', {}], text: '},"\u007f",{' } },
  { type: 'track', properties: { list: ['x\u007f', {}] } },
  { type: 'track', properties: { list: [['\u007f'], '\u007f', { a: 1 }] } },
  { type: 'track', properties: { at: new Date(0) } },
  { toJSON: () => 'a string' },
  { toJSON: () => undefined },
  ['an', 'array'],
  new Instance(),
  JSON.parse('{"__proto__":{"polluted":true},"x":1}') as object,
  Object.assign(Object.create(null) as object, { type: 'track', list: [{}, '\u0001', {}] }),
  new Number(1),
  new String('\u0001'),
  new Boolean(false),
  new Map([['a', 1]]),
  new Proxy({ type: 'track', list: [{}, '\u0001', {}] }, {}),
  { toJSON: () => ({ replaced: true }) },
];

/** Calls, mostly mapped ones, mixed with {@link oddCallValues}. */
export const oddCallArbitrary: fc.Arbitrary<object> = fc.oneof(
  { weight: 5, arbitrary: anyWebhookArbitrary.map((webhook) => toSegmentTrack(webhook) as object) },
  { weight: 1, arbitrary: fc.constantFrom(...oddCallValues) },
);
