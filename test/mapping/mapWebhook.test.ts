import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldTypes } from '../../src/catalog/catalog';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { type MapWebhookOptions, type MapWebhookResult, mapWebhook, safeParseWebhook, toSegmentTrack } from '../../src/index';
import { anyWebhookArbitrary } from '../arbitraries/webhook';
import { mutatedWebhookArbitrary } from '../arbitraries/webhookMutations';
import { setPath } from '../arbitraries/track';

const names = catalogEntries.map((entry) => entry.event);

// Every option of both functions, each present or absent; event names only as the catalog writes them
// (others are a TypeError, tested below).
const optionsArbitrary: fc.Arbitrary<MapWebhookOptions> = fc.record(
  {
    allowUnknownEvents: fc.boolean(),
    enabledEvents: fc.subarray(names),
    eventNames: fc.dictionary(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 12 }), { maxKeys: 4 }),
    bodyContent: fc.boolean(),
    sendBackToCustomerIo: fc.boolean(),
    writeKey: fc.string({ minLength: 1, maxLength: 12 }),
    // Sees the webhook the mapping sees: the copy with `object_type` filled in, for preference changes.
    messageId: fc.constant((webhook: { object_type: string; event_id: string }) => `m-${webhook.object_type}-${webhook.event_id}`),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<MapWebhookOptions>;

// The data keys that collide with names the mapping writes, behind `data_` prefixes or not, and keys
// that are prototype names.
const hostileKeyArbitrary = fc.constantFrom(
  '__proto__', 'constructor', 'toString', 'userId', 'cio_id', 'link', 'content_dropped', 'data_userId', 'data_data_cio_id',
  'data_link', 'data_content_dropped', 'data___proto__', 'data_', 'data_x', 'data_identifiers', 'properties',
);
const hostileArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    mutatedWebhookArbitrary,
    fc.array(fc.tuple(fc.constantFrom(['data'], ['data', 'identifiers']), hostileKeyArbitrary, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }),
  )
  .map(([webhook, additions]) => additions.reduce((value, [parent, key, added]) => setPath(value, [...parent, key], added), webhook));

// The oracle: the two functions apart, as callers have used them.
function separately(input: unknown, options: MapWebhookOptions): MapWebhookResult {
  const parsed = safeParseWebhook(input, { allowUnknownEvents: options.allowUnknownEvents === true });
  if (!parsed.success) return parsed;
  return { success: true, value: toSegmentTrack(parsed.value, options) as MapWebhookResult['value'] & object };
}

function expectSame(input: unknown, options: MapWebhookOptions): void {
  const fused = mapWebhook(input, options);
  const apart = separately(input, options);
  expect(fused.success).toBe(apart.success);
  if (!apart.success) {
    // The same issues in the same order: code, path and message.
    expect(fused.issues).toStrictEqual(apart.issues);
    return;
  }
  expect(fused.value).toStrictEqual(apart.value);
  expect(JSON.stringify(fused.value)).toBe(JSON.stringify(apart.value));
  if (apart.value !== null) {
    // The same own keys in the same order at every level that the mapping builds.
    expect(Object.keys(fused.value!.properties)).toEqual(Object.keys(apart.value.properties));
    expect(Object.getPrototypeOf(fused.value!.properties)).toBe(Object.prototype);
  }
}

describe('mapWebhook', () => {
  test('gives what safeParseWebhook then toSegmentTrack give, on valid webhooks of every catalog entry', () => {
    fc.assert(fc.property(anyWebhookArbitrary, optionsArbitrary, (webhook, options) => expectSame(webhook, options)), { numRuns: 600 });
  });

  test('gives the same issues in the same order, or the same call, on damaged webhooks', () => {
    fc.assert(fc.property(mutatedWebhookArbitrary, optionsArbitrary, (webhook, options) => expectSame(webhook, options)), { numRuns: 1500 });
  });

  test('the same on data and identifiers keys that collide with names the mapping writes, or are prototype names', () => {
    fc.assert(fc.property(hostileArbitrary, optionsArbitrary, (webhook, options) => expectSame(webhook, options)), { numRuns: 800 });
  });

  test('the same on webhooks as they arrive: parsed from JSON text, `__proto__` keys included', () => {
    const text = hostileArbitrary.map((webhook) => JSON.stringify(webhook));
    fc.assert(fc.property(text, optionsArbitrary, (body, options) => expectSame(JSON.parse(body), options)), { numRuns: 300 });
  });

  test('the same for every catalog field holding a value of every JSON kind, valid or not', () => {
    // Exhaustive over field × kind, so that a type check of one field that differs shows up for sure.
    const kinds: unknown[] = [
      'text', '', 'a@b.co', 0, 7, -3, 1.5, 1e21, null, true, false, {}, { id: 'x', email: 5, cio_id: 'c', url: 'u' }, { id: 1.5 },
      [], ['a'], [{ device_id: 'd' }], [{ device_id: 5 }], [3], { 'x-a': ['1'] }, { 'x-a': '1' }, undefined,
    ];
    fc.assert(
      fc.property(anyWebhookArbitrary, fc.boolean(), (webhook, bodyContent) => {
        for (const field of Object.keys(fieldTypes)) {
          for (const value of kinds) expectSame(setPath(webhook as unknown as Record<string, unknown>, ['data', field], value), { bodyContent });
        }
      }),
      { numRuns: 8 },
    );
  });

  test('the same for identifiers of every combination of members, with and without other ways to name the person', () => {
    // `absent`: no such key; `undefined`: the key is there with no value (a JavaScript caller's object).
    const absent = Symbol('absent');
    const members: unknown[] = [absent, undefined, null, '', 'x', 'a@b.co', 'c@d.io', 5];
    const others: Record<string, unknown>[] = [{}, { email_address: 'a@b.co' }, { email_address: 'not an email', customer_id: 'c' }, { recipient: 'c@d.io' }];
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        for (const id of members) for (const email of members) for (const cioId of members) for (const extra of [false, true]) {
          const identifiers: Record<string, unknown> = {};
          if (id !== absent) identifiers.id = id;
          if (email !== absent) identifiers.email = email;
          if (cioId !== absent) identifiers.cio_id = cioId;
          if (extra) identifiers.phone = '+1555';
          for (const other of others) {
            const data: Record<string, unknown> = { ...(webhook.data as Record<string, unknown>), identifiers, ...other };
            for (const key of ['customer_id', 'email_address', 'recipient']) if (!(key in other)) delete data[key];
            expectSame({ ...webhook, data }, {});
          }
        }
      }),
      { numRuns: 3 },
    );
  });

  test('is total: any value whatever gives a result, never a throw, and the same as the two functions', () => {
    fc.assert(
      fc.property(fc.anything(), optionsArbitrary, (input, options) => {
        const result = mapWebhook(input, options);
        expect(typeof result.success).toBe('boolean');
        expectSame(input, options);
      }),
      { numRuns: 500 },
    );
  });

  test('a misspelt event name in the options is a TypeError whatever the body, as in toSegmentTrack', () => {
    fc.assert(
      fc.property(fc.oneof(anyWebhookArbitrary, fc.anything()), fc.constantFrom({ enabledEvents: ['Email Openned'] }, { eventNames: { 'email opened': 'Opened' } }), (input, options) => {
        expect(() => mapWebhook(input, options)).toThrow(TypeError);
      }),
      { numRuns: 50 },
    );
  });

  test('maps an event that enabledEvents leaves out to null, and still reports a damaged body of it', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        const others = names.filter((name) => name !== toSegmentTrack(webhook).event);
        expect(mapWebhook(webhook, { enabledEvents: others })).toEqual({ success: true, value: null });
        const damaged = mapWebhook({ ...webhook, event_id: 7 }, { enabledEvents: others });
        expect(damaged.success).toBe(false);
        expect(damaged.issues?.[0]?.path).toEqual(['event_id']);
      }),
      { numRuns: 100 },
    );
  });
});
