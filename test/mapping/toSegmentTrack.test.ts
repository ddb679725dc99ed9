import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { type ReportingWebhook, type ToSegmentTrackOptions, toSegmentTrack } from '../../src/index';
import { anyWebhookArbitrary, eventIdArbitrary, webhookArbitrary } from '../arbitraries/webhook';
import { deepFreeze, leaves } from '../helpers/deepFreeze';

const numRuns = 1000;

const optionsArbitrary: fc.Arbitrary<ToSegmentTrackOptions> = fc.record(
  { bodyContent: fc.boolean(), sendBackToCustomerIo: fc.boolean(), writeKey: fc.string({ minLength: 1 }) },
  { requiredKeys: [] },
);

// An email address, checked independently of the library's own predicate: one @, text on both
// sides, no white space, and none of the shapes the other channels' recipients have.
function looksLikeEmail(value: string): boolean {
  const at = value.indexOf('@');
  return (
    at > 0 &&
    at === value.lastIndexOf('@') &&
    at < value.length - 1 &&
    !/\s/.test(value) &&
    !value.includes('://') &&
    !/^\+?\d+$/.test(value)
  );
}

describe('toSegmentTrack', () => {
  test('is deterministic and pure: a deep-frozen input, the same call twice, the input unchanged', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, optionsArbitrary, (webhook, options) => {
        const before = structuredClone(webhook);
        deepFreeze(webhook);
        const first = toSegmentTrack(webhook, options);
        expect(toSegmentTrack(webhook, options)).toEqual(first);
        expect(webhook).toEqual(before);
      }),
      { numRuns },
    );
  });

  test.each(catalogEntries.map((e) => [`${e.objectType}/${e.metric}`, e] as const))(
    '%s maps to its catalog event name',
    (_, entry) => {
      fc.assert(
        fc.property(webhookArbitrary(entry), (webhook) => {
          expect(toSegmentTrack(webhook).event).toBe(entry.event);
        }),
        { numRuns: 20 },
      );
    },
  );

  test('every call has a userId or a non-empty anonymousId, and an anonymousId only without a userId', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        const call = toSegmentTrack(webhook);
        expect(typeof call.userId).toBe('string');
        if (call.userId === '') expect(call.anonymousId).toMatch(/.+/);
        else expect(call).not.toHaveProperty('anonymousId');
      }),
      { numRuns },
    );
  });

  test('context.traits.email only ever holds an email address from the person', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        const email = toSegmentTrack(webhook).context.traits?.email;
        if (email === undefined) return;
        expect(looksLikeEmail(email)).toBe(true);
        const data = webhook.data as Record<string, unknown>;
        const candidates = [
          (data.identifiers as Record<string, unknown> | undefined)?.email,
          data.email_address,
          webhook.object_type === 'email' ? data.recipient : undefined,
        ];
        expect(candidates).toContain(email);
      }),
      { numRuns },
    );
  });

  test('an SMS number, Slack channel or webhook URL in recipient never becomes the email', () => {
    const cases = [
      ['sms', 'sent', '+15555555555'],
      ['whatsapp', 'delivered', '15555555555'],
      ['slack', 'sent', '#general'],
      ['webhook', 'sent', 'https://user@example.com/hook'],
      ['in_app', 'sent', 'person-42'],
    ] as const;
    for (const [objectType, metric, recipient] of cases) {
      const call = toSegmentTrack({
        event_id: 'e1',
        object_type: objectType,
        metric,
        timestamp: 1,
        data: { recipient, identifiers: { id: null, cio_id: 'c1' } },
      } as ReportingWebhook);
      expect(call.context.traits).toBeUndefined();
      expect(call.anonymousId).toBe('c1');
      expect(call.properties.recipient).toBe(recipient);
    }
  });

  test('messageId is derived from event_id: stable, at most 100 characters, different for another event_id', () => {
    fc.assert(
      fc.property(
        anyWebhookArbitrary,
        fc.oneof(eventIdArbitrary, fc.string({ minLength: 1, maxLength: 300 })),
        fc.string({ minLength: 1, maxLength: 300 }),
        (webhook, id1, id2) => {
          fc.pre(id1 !== id2);
          const a = toSegmentTrack({ ...webhook, event_id: id1 });
          const b = toSegmentTrack({ ...webhook, event_id: id2 });
          expect(toSegmentTrack({ ...webhook, event_id: id1 }).messageId).toBe(a.messageId);
          expect(a.messageId.length).toBeLessThanOrEqual(100);
          expect(b.messageId.length).toBeLessThanOrEqual(100);
          expect(a.messageId).not.toBe(b.messageId);
        },
      ),
      { numRuns },
    );
  });

  test('timestamp is the event time as ISO 8601 (checked against Date)', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        const { timestamp } = toSegmentTrack(webhook);
        expect(timestamp).toBe(new Date(webhook.timestamp * 1000).toISOString().replace('.000Z', 'Z'));
      }),
      { numRuns },
    );
  });

  test('the call survives JSON.stringify and JSON.parse intact', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, optionsArbitrary, (webhook, options) => {
        const call = toSegmentTrack(webhook, options);
        // node's deep-strict equality: vitest's toStrictEqual reads a data key named `constructor` as the class.
        expect(isDeepStrictEqual(JSON.parse(JSON.stringify(call)), call)).toBe(true);
      }),
      { numRuns },
    );
  });

  test('no input value is lost (with Body Content, message bodies included)', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        const call = toSegmentTrack(webhook, { bodyContent: true });
        const found = leaves(call);
        const data = { ...(webhook.data as Record<string, unknown>) };
        const entry = catalogEntries.find((e) => e.objectType === webhook.object_type && e.metric === webhook.metric)!;
        // Body Content only ever puts a body on "Sent" events; preference changes keep theirs (docs/mapping.md).
        if (entry.content === undefined) delete data.content;
        for (const value of leaves(data)) expect(found).toContain(value);
        expect(call.messageId).toBe(`api-${webhook.event_id}`);
      }),
      { numRuns },
    );
  });

  test('content: the message body of "Sent" events only with Body Content, a preference change\'s always, null otherwise', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, fc.string(), (webhook, body) => {
        const withBody = { ...webhook, data: { ...webhook.data, content: body } } as ReportingWebhook;
        const preferences = webhook.metric === 'cio_subscription_preferences_changed';
        expect(toSegmentTrack(withBody).properties.content).toBe(preferences ? body : null);
        const carries = webhook.metric === 'sent' || preferences;
        expect(toSegmentTrack(withBody, { bodyContent: true }).properties.content).toBe(carries ? body : null);
      }),
      { numRuns },
    );
  });

  test('options: enabledEvents, eventNames, sendBackToCustomerIo, writeKey, messageId', () => {
    const webhook = {
      event_id: '01E4C4CT6YDC7Y5M7FE1GWWPQJ',
      object_type: 'email',
      metric: 'opened',
      timestamp: 1623848646,
      data: { identifiers: { id: 'p1', email: 'p1@example.com' }, href: 'https://x.example/a', link_id: 3 },
    } as const satisfies ReportingWebhook;
    expect(toSegmentTrack(webhook, { enabledEvents: ['Email Sent'] })).toBeNull();
    expect(toSegmentTrack(webhook, { enabledEvents: ['Email Opened'] })?.event).toBe('Email Opened');
    expect(toSegmentTrack(webhook, { eventNames: { 'Email Opened': 'Opened Email' } }).event).toBe('Opened Email');
    expect(toSegmentTrack(webhook, { eventNames: { 'Email Sent': 'x' } }).event).toBe('Email Opened');
    expect(toSegmentTrack(webhook).integrations).toEqual({ 'Customer.io': false });
    expect(toSegmentTrack(webhook, { sendBackToCustomerIo: true }).integrations).toEqual({ 'Customer.io': true });
    expect(toSegmentTrack(webhook, { writeKey: 'wk' }).writeKey).toBe('wk');
    expect(toSegmentTrack(webhook)).not.toHaveProperty('writeKey');
    expect(toSegmentTrack(webhook, { messageId: (w) => `mine-${w.event_id}` }).messageId).toBe(
      'mine-01E4C4CT6YDC7Y5M7FE1GWWPQJ',
    );
    expect(toSegmentTrack(webhook).messageId).toBe('api-01E4C4CT6YDC7Y5M7FE1GWWPQJ');
    expect(toSegmentTrack(webhook).properties.link).toEqual({ url: 'https://x.example/a', id: 3 });
  });

  test('identity: id, else customer_id; without one, the email, else cio_id', () => {
    const base = { event_id: 'e', object_type: 'email', metric: 'sent', timestamp: 0 } as const;
    const map = (data: Record<string, unknown>) => toSegmentTrack({ ...base, data } as ReportingWebhook);
    expect(map({ identifiers: { id: 'a', email: 'a@x.io' }, customer_id: 'b' })).toMatchObject({ userId: 'a' });
    expect(map({ identifiers: { id: null, email: 'a@x.io' }, customer_id: 'b' })).toMatchObject({ userId: 'b' });
    const anonymous = map({ identifiers: { id: null, email: 'a@x.io', cio_id: 'c' } });
    expect(anonymous.userId).toBe('');
    expect(anonymous.anonymousId).toBe('a@x.io');
    expect(anonymous.properties.cio_id).toBe('c');
    expect(map({ identifiers: { id: '', cio_id: 'c' } }).anonymousId).toBe('c');
    expect(map({ recipient: 'r@x.io', identifiers: { id: null } }).anonymousId).toBe('r@x.io');
    const odd = map({ identifiers: { id: 'a', email: 'not an email', extra: 1 } });
    expect(odd.context.traits).toBeUndefined();
    expect(odd.properties.identifiers).toEqual({ email: 'not an email', extra: 1 });
  });

  test('a __proto__ field is carried as data, never as a prototype', () => {
    const webhook = JSON.parse(
      '{"event_id":"e","object_type":"sms","metric":"sent","timestamp":1,"data":{"identifiers":{"id":"p"},"__proto__":{"polluted":true},"userId":"x","link":"y"}}',
    ) as ReportingWebhook;
    const call = toSegmentTrack(webhook);
    expect(Object.getPrototypeOf(call.properties)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(call.properties, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(call.properties.data_userId).toBe('x');
    expect(call.properties.data_link).toBe('y');
  });
});
