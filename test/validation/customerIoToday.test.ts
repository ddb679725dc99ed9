import fc from 'fast-check';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { type PushRecipient, type ReportingWebhook, safeParseSegmentTrack, safeParseWebhook, toSegmentTrack } from '../../src/index';
import { webhookArbitrary } from '../arbitraries/webhook';

const entry = (event: string) => catalogEntries.find((e) => e.event === event)!;
const sample = (event: string): ReportingWebhook => fc.sample(webhookArbitrary(entry(event)), { numRuns: 1, seed: 11 })[0]!;

// The events of Customer.io's reporting-webhook API that a webhook can subscribe to and that the first
// catalog lacked (https://docs.customer.io/integrations/api/webhooks/; docs/fidelity.md).
const added = [
  ['slack', 'converted', 'Slack Converted'],
  ['sms', 'dropped', 'SMS Suppressed'],
  ['slack', 'subscribed', 'Slack Subscribed'],
  ['slack', 'unsubscribed', 'Slack Unsubscribed'],
  ['slack', 'cio_subscription_preferences_changed', 'Slack Subscription Preferences Changed'],
  ['webhook', 'subscribed', 'Webhook Subscribed'],
  ['webhook', 'unsubscribed', 'Webhook Unsubscribed'],
  ['webhook', 'cio_subscription_preferences_changed', 'Webhook Subscription Preferences Changed'],
] as const;

describe('Customer.io as it is today', () => {
  test.each(added)('%s/%s is a catalog event named "%s", accepted by default and mapped to a valid call', (objectType, metric, event) => {
    const found = catalogEntries.find((e) => e.objectType === objectType && e.metric === metric);
    expect(found?.event).toBe(event);
    fc.assert(
      fc.property(webhookArbitrary(found!), (webhook) => {
        const parsed = safeParseWebhook(JSON.parse(JSON.stringify(webhook)));
        expect(parsed.success).toBe(true);
        const call = toSegmentTrack(parsed.value!);
        expect(call.event).toBe(event);
        expect(safeParseSegmentTrack(call).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  test('headers: a map of header name to an array of values; anything else is an issue at the header', () => {
    const sent = sample('Email Sent');
    const ok = safeParseWebhook({ ...sent, data: { ...sent.data, headers: { 'X-Mailer': ['cio'], 'X-Empty': [] } } });
    expect(ok.success).toBe(true);
    const bad = safeParseWebhook({ ...sent, data: { ...sent.data, headers: { 'X-Mailer': 'cio', 'X-Ok': ['a'], 'X-Num': [1] } } });
    expect(bad.issues?.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_type', ['data', 'headers', 'X-Mailer']],
      ['invalid_type', ['data', 'headers', 'X-Num']],
    ]);
    expect(safeParseWebhook({ ...sent, data: { ...sent.data, headers: ['X-Mailer'] } }).issues?.[0]?.path).toEqual(['data', 'headers']);
  });

  test('device_platform: ios and android in the types, any other platform still accepted at parse time', () => {
    expectTypeOf<'ios'>().toMatchTypeOf<NonNullable<PushRecipient['device_platform']>>();
    const push = sample('Push Delivered');
    const parsed = safeParseWebhook({ ...push, data: { ...push.data, recipients: [{ device_id: 'd1', device_platform: 'harmonyos' }] } });
    expect(parsed.success).toBe(true);
    expect(safeParseWebhook({ ...push, data: { ...push.data, recipients: [{ device_id: 'd1', device_platform: 7 }] } }).success).toBe(false);
  });

  test('safeParse results destructure, as zod users write them', () => {
    const { success, value, issues } = safeParseWebhook(sample('Email Opened'));
    expect(success).toBe(true);
    expect(value?.object_type).toBe('email');
    expect(issues).toBeUndefined();
    const failed = safeParseWebhook({});
    expect(failed.value).toBeUndefined();
    expect(failed.issues?.length).toBeGreaterThan(0);
  });
});

describe('the JSON Schema agrees with the validator on email recipient lists', () => {
  test('property: a list names the person for both, or for neither', async () => {
    const { default: Ajv } = await import('ajv');
    const { webhookJsonSchema } = await import('../../src/index');
    const validate = new Ajv().compile(webhookJsonSchema());
    const part = fc.oneof(fc.emailAddress(), fc.constantFrom('', ' ', 'x', 'a b@c.d', 'a@b', '@b.c', 'a@b.co:1', ' a@b.co '), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(webhookArbitrary(entry('Email Delivered')), fc.array(part, { minLength: 1, maxLength: 4 }), (webhook, parts) => {
        const input = JSON.parse(JSON.stringify({ ...webhook, data: { recipient: parts.join(','), identifiers: {} } }));
        expect(validate(input)).toBe(safeParseWebhook(input).success);
      }),
      { numRuns: 2000 },
    );
  });
});
