import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { commonProperties } from '../../src/catalog/commonProperties';
import { renamedFields } from '../../src/catalog/renamedFields';
import { type AnyWebhook, type ReportingWebhook, safeParseSegmentTrack, safeParseWebhook, toDeliveredTrack, toSegmentTrack } from '../../src/index';
import { anyWebhookArbitrary, emailArbitrary, eventIdArbitrary, webhookArbitrary } from '../arbitraries/webhook';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { leaves } from '../helpers/deepFreeze';

const numRuns = 500;

// Independent of the implementation: the names the mapping writes that no data field of its own fills.
const reserved = ['userId', 'cio_id', 'link', 'content_dropped'];

/** A data field name that collides: a reserved name behind 0–3 `data_` prefixes. */
const collidingKeyArbitrary = fc.tuple(fc.nat({ max: 3 }), fc.constantFrom(...reserved)).map(([n, name]) => `${'data_'.repeat(n)}${name}`);

/** A webhook with colliding data fields added, each with a distinct scalar value. */
const collidingWebhookArbitrary: fc.Arbitrary<ReportingWebhook> = fc
  .tuple(anyWebhookArbitrary, fc.uniqueArray(collidingKeyArbitrary, { minLength: 1, maxLength: 8 }))
  .map(([webhook, keys]) => {
    const data: Record<string, unknown> = { ...(webhook.data as Record<string, unknown>) };
    keys.forEach((key, i) => {
      data[key] = `value-${i}-${key}`;
    });
    return { ...webhook, data } as ReportingWebhook;
  });

function scalarCounts(value: unknown): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const leaf of leaves(value)) counts.set(leaf, (counts.get(leaf) ?? 0) + 1);
  return counts;
}

describe('toSegmentTrack loses no value', () => {
  test('the reserved names are the common properties that no data field fills', () => {
    expect(Object.keys(commonProperties).filter((name) => !(renamedFields as readonly string[]).includes(name)).sort()).toEqual([...reserved].sort());
  });

  test('property: every scalar of data appears in the call as often (Body Content aside), and the call is valid', () => {
    fc.assert(
      fc.property(fc.oneof(anyWebhookArbitrary, collidingWebhookArbitrary), fc.boolean(), (webhook, bodyContent) => {
        const call = toSegmentTrack(webhook, { bodyContent });
        const data = { ...(webhook.data as Record<string, unknown>) };
        const entry = catalogEntries.find((e) => e.objectType === webhook.object_type && e.metric === webhook.metric)!;
        if (!(entry.content === 'always' || (entry.content === 'bodyContent' && bodyContent))) delete data.content;
        const found = scalarCounts(call);
        for (const [value, count] of scalarCounts(data)) expect(found.get(value) ?? 0).toBeGreaterThanOrEqual(count);
        const checked = safeParseSegmentTrack(call);
        expect(checked.issues).toBeUndefined();
      }),
      { numRuns },
    );
  });

  test('property: a colliding field lands one `data_` further, and no two fields share a property', () => {
    fc.assert(
      fc.property(collidingWebhookArbitrary, (webhook) => {
        const properties = toSegmentTrack(webhook).properties as Record<string, unknown>;
        for (const [key, value] of Object.entries(webhook.data as Record<string, unknown>)) {
          if (typeof value === 'string' && value.startsWith('value-')) expect(properties[`data_${key}`]).toBe(value);
        }
      }),
      { numRuns },
    );
  });

  test('data.content_dropped: "yes" is kept as data_content_dropped, and the call passes validation', () => {
    const webhook = fc.sample(webhookArbitrary(catalogEntries.find((e) => e.event === 'Email Opened')!), { numRuns: 1, seed: 7 })[0]!;
    const parsed = safeParseWebhook({ ...webhook, data: { ...webhook.data, content_dropped: 'yes' } });
    expect(parsed.success).toBe(true);
    const call = toSegmentTrack(parsed.value!);
    expect(call.properties.data_content_dropped).toBe('yes');
    expect(call.properties).not.toHaveProperty('content_dropped');
    expect(safeParseSegmentTrack(call).success).toBe(true);
  });
});

describe('an email recipient that is a list', () => {
  test('property: the first address of a comma-separated list is the email trait, and the list stays in recipient', () => {
    fc.assert(
      fc.property(
        webhookArbitrary(catalogEntries.find((e) => e.event === 'Email Delivered')!),
        fc.array(fc.constantFrom('', ' ', 'not an address', '+15551234567'), { maxLength: 2 }),
        fc.array(emailArbitrary, { minLength: 1, maxLength: 3 }),
        (webhook, junk, addresses) => {
          const recipient = [...junk, ...addresses].join(', ');
          const data: Record<string, unknown> = { ...(webhook.data as Record<string, unknown>), recipient, identifiers: { cio_id: 'c1' } };
          delete data.customer_id;
          const parsed = safeParseWebhook({ ...webhook, data });
          expect(parsed.success).toBe(true);
          const call = toSegmentTrack(parsed.value!);
          expect(call.context.traits?.email).toBe(addresses[0]);
          expect(call.anonymousId).toBe(addresses[0]);
          expect(call.properties.recipient).toBe(recipient);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a list with no address gives no email, and names no one without an id', () => {
    const webhook = fc.sample(webhookArbitrary(catalogEntries.find((e) => e.event === 'Email Delivered')!), { numRuns: 1, seed: 3 })[0]!;
    const parsed = safeParseWebhook({ ...webhook, data: { recipient: 'a, b, +1555', identifiers: {} } });
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.map((issue) => issue.code)).toContain('missing_identity');
  });

  test('an SMS recipient list never becomes an email', () => {
    const webhook = fc.sample(webhookArbitrary(catalogEntries.find((e) => e.event === 'SMS Delivered')!), { numRuns: 1, seed: 5 })[0]!;
    const call = toSegmentTrack({ ...webhook, data: { ...webhook.data, recipient: '+1555, a@b.co', identifiers: { id: '1' } } } as ReportingWebhook);
    expect(call.context.traits).toBeUndefined();
  });
});

describe('mapping a value that is not a validated webhook', () => {
  test.each([[{ foo: 1 }], [null], ['text'], [42], [[]], [{ object_type: 'email', metric: 'opened', data: {} }]])(
    'toSegmentTrack(%j) throws a TypeError that says to validate first',
    (value) => {
      expect(() => toSegmentTrack(value as unknown as AnyWebhook)).toThrow(/validate/);
      expect(() => toSegmentTrack(value as unknown as AnyWebhook)).toThrow(TypeError);
    },
  );

  test('property: any JSON value is mapped or refused with a TypeError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), eventIdArbitrary, (value, eventId) => {
        for (const input of [value, { event_id: eventId, timestamp: 1, object_type: 'email', metric: 'opened', data: value }]) {
          try {
            toSegmentTrack(input as unknown as AnyWebhook);
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
            expect(String(error)).toMatch(/validate/);
          }
        }
      }),
      { numRuns },
    );
  });

  test.each([[{ foo: 1 }], [null], [{ timestamp: 5 }]])('toDeliveredTrack(%j) throws a TypeError', (value) => {
    const clocks = { sentAt: '2021-06-16T13:04:06Z', receivedAt: '2021-06-16T13:04:07Z' };
    expect(() => toDeliveredTrack(value as unknown as { timestamp: string }, clocks)).toThrow(TypeError);
  });
});
