import fc from 'fast-check';
import { attributionFields, fieldTypes } from '../../src/catalog/catalog';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { type ToSegmentTrackOptions, toDeliveredTrack, toSegmentTrack } from '../../src/index';
import { anyWebhookArbitrary, emailArbitrary, phoneArbitrary } from './webhook';

/** The integration's settings, at random: Body Content, sending back to Customer.io, a write key. */
export const trackOptionsArbitrary: fc.Arbitrary<ToSegmentTrackOptions> = fc.record(
  {
    bodyContent: fc.boolean(),
    sendBackToCustomerIo: fc.boolean(),
    writeKey: fc.stringMatching(/^[A-Za-z0-9]{32}$/),
  },
  { requiredKeys: [] },
);

/** An ISO date within a few years of now, as `sentAt`/`receivedAt` of a delivery. */
const deliveryDateArbitrary = fc
  .integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 })
  .map((ms) => new Date(ms).toISOString());

/**
 * A 2.0.0 call made by `toSegmentTrack` from any valid webhook with random options, half the time in
 * the delivered form (`toDeliveredTrack`); round-tripped through JSON, as a consumer receives it.
 */
export const anyTrackArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    anyWebhookArbitrary,
    trackOptionsArbitrary,
    fc.option(fc.record({ sentAt: deliveryDateArbitrary, receivedAt: deliveryDateArbitrary }), { nil: undefined }),
  )
  .map(([webhook, options, delivery]) => {
    const call = toSegmentTrack(webhook, options);
    if (call === null) throw new Error('no enabledEvents given, so no call is left out');
    const shown = delivery === undefined ? call : toDeliveredTrack(call, delivery);
    return JSON.parse(JSON.stringify(shown)) as Record<string, unknown>;
  });

/** Any catalog event name. */
export const eventNameArbitrary: fc.Arbitrary<string> = fc.constantFrom(...catalogEntries.map((e) => e.event));

/** Any name a field of `properties` or `data` can have in the catalog, or one the mapping writes. */
export const fieldNameArbitrary: fc.Arbitrary<string> = fc.constantFrom(
  ...new Set([...Object.keys(fieldTypes), ...attributionFields, 'userId', 'cio_id', 'link', 'content_dropped']),
);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function at(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/** Sets `path` in a copy of `value` (`undefined` deletes); a parent that is not an object is left alone. */
export function setPath(value: Record<string, unknown>, path: readonly string[], next: unknown): Record<string, unknown> {
  const copy = clone(value);
  const parent = at(copy, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (parent === undefined) return copy;
  if (next === undefined) delete parent[key];
  else if (key === '__proto__') Object.defineProperty(parent, key, { value: next, enumerable: true, writable: true, configurable: true });
  else parent[key] = next;
  return copy;
}

/** Values that break timestamps in the ways senders do: milliseconds, numeric strings, other date forms. */
export const badTimestampArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 1e12, max: 2e12 }),
  fc.integer({ min: 1e9, max: 2e9 }).map(String),
  fc.constantFrom('2021-06-16 13:04:06', '2021-06-16T13:04:06', '2021-13-16T13:04:06Z', '16/06/2021', 'yesterday', ''),
  fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString().replace('Z', '+02:00')),
  fc.constant(null),
);

const trackPaths: readonly (readonly string[])[] = [
  ['type'],
  ['event'],
  ['userId'],
  ['anonymousId'],
  ['messageId'],
  ['timestamp'],
  ['originalTimestamp'],
  ['sentAt'],
  ['receivedAt'],
  ['writeKey'],
  ['context'],
  ['context', 'integration'],
  ['context', 'integration', 'name'],
  ['context', 'integration', 'version'],
  ['context', 'library'],
  ['context', 'traits'],
  ['context', 'traits', 'email'],
  ['integrations'],
  ['integrations', 'Customer.io'],
  ['properties'],
  ['properties', 'link'],
  ['properties', 'link', 'id'],
  ['properties', 'link', 'url'],
  ['properties', 'recipients'],
  ['properties', '__proto__'],
  ['properties', 'constructor'],
];

/** One damage to a track call, described by the path it touches and the value it leaves there. */
export const trackMutationArbitrary: fc.Arbitrary<(call: Record<string, unknown>) => Record<string, unknown>> = fc.oneof(
  // Drop a key, or put any JSON value anywhere.
  fc.constantFrom(...trackPaths).map((path) => (call: Record<string, unknown>) => setPath(call, path, undefined)),
  fc
    .tuple(fc.constantFrom(...trackPaths), fc.jsonValue({ maxDepth: 2 }))
    .map(([path, value]) => (call: Record<string, unknown>) => setPath(call, path, value)),
  // A catalog-named property with any value: the right type for some events, the wrong one for others.
  fc
    .tuple(fieldNameArbitrary, fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null), fc.integer(), fc.string()))
    .map(([field, value]) => (call: Record<string, unknown>) => setPath(call, ['properties', field], value)),
  fc
    .tuple(fc.constantFrom(['timestamp'], ['originalTimestamp'], ['sentAt'], ['receivedAt']), badTimestampArbitrary)
    .map(([path, value]) => (call: Record<string, unknown>) => setPath(call, path, value)),
  fc
    .oneof(eventNameArbitrary, eventNameArbitrary.map((e) => e.toLowerCase()), fc.constantFrom('Email Dropped', '__proto__', 'constructor', ''))
    .map((event) => (call: Record<string, unknown>) => setPath(call, ['event'], event)),
  fc
    .constantFrom<readonly [readonly string[], unknown]>(
      [['type'], 'identify'],
      [['userId'], ''],
      [['userId'], null],
      [['userId'], 42],
      [['anonymousId'], ''],
      [['anonymousId'], 'someone@example.com'],
      [['context', 'integration', 'version'], '1.0.0'],
      [['context', 'integration', 'version'], '2.0.1'],
      [['context', 'integration', 'name'], 'Customer.io'],
      [['integrations', 'Customer.io'], 'false'],
      [['messageId'], ''],
      [['properties'], []],
      [['properties', 'link'], 'https://customer.io'],
      [['properties', 'link'], { id: '1', url: 'https://customer.io' }],
      [['properties', 'recipients'], [{ device_id: 5 }]],
      [['properties', 'recipients'], ['ios']],
      [['properties', 'content'], 5],
    )
    .map(([path, value]) => (call: Record<string, unknown>) => setPath(call, path, value)),
  fc
    .oneof(emailArbitrary, phoneArbitrary, fc.constantFrom('#cool-channel', 'https://example.com/a@b.co', 'a@b'))
    .map((email) => (call: Record<string, unknown>) => setPath(call, ['context', 'traits'], { email })),
  // Anonymous: no id, then an anonymousId or not.
  fc
    .option(emailArbitrary, { nil: undefined })
    .map((anonymousId) => (call: Record<string, unknown>) => setPath(setPath(call, ['userId'], ''), ['anonymousId'], anonymousId)),
);

/** A valid call, or one damaged one to three times. */
export const mutatedTrackArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(anyTrackArbitrary, fc.array(trackMutationArbitrary, { minLength: 0, maxLength: 3 }))
  .map(([call, mutations]) => mutations.reduce((value, mutate) => mutate(value), call));
