import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { type ReportingWebhook, subscriptionPreferencesOf, toSegmentTrack } from '../../src/index';
import { webhookArbitrary } from '../arbitraries/webhook';

const preferenceEntries = catalogEntries.filter((e) => e.metric === 'cio_subscription_preferences_changed');
const preferenceWebhookArbitrary = fc.oneof(...preferenceEntries.map(webhookArbitrary));
const topicsArbitrary = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.boolean(), { maxKeys: 6, noNullPrototype: true });

function withContent(webhook: ReportingWebhook, content: unknown): ReportingWebhook {
  return { ...webhook, data: { ...webhook.data, content } } as ReportingWebhook;
}

describe('subscriptionPreferencesOf', () => {
  test('every channel of the catalog has a preference change (the helper knows them all)', () => {
    expect(preferenceEntries.map((e) => e.objectType).sort()).toEqual(['customer', 'email', 'in_app', 'push', 'slack', 'sms', 'webhook', 'whatsapp']);
  });

  test('property: reads the topics back from the webhook, the call (any Body Content), and the content string', () => {
    fc.assert(
      fc.property(preferenceWebhookArbitrary, topicsArbitrary, fc.boolean(), (webhook, topics, bodyContent) => {
        const content = JSON.stringify({ topics });
        const source = withContent(webhook, content);
        for (const input of [source, toSegmentTrack(source, { bodyContent }), content]) {
          const read = subscriptionPreferencesOf(input);
          expect(read?.success).toBe(true);
          expect(read?.value?.topics).toEqual(topics);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the documented example', () => {
    const read = subscriptionPreferencesOf('{"topics":{"topic_7":false,"topic_8":true}}');
    expect(read).toEqual({ success: true, value: { topics: { topic_7: false, topic_8: true } } });
  });

  test('keeps other keys beside topics, and a topic named __proto__ as an own key', () => {
    const read = subscriptionPreferencesOf('{"topics":{"__proto__":true},"source":"preference_center"}');
    expect(read?.success).toBe(true);
    expect(Object.hasOwn(read!.value!.topics, '__proto__')).toBe(true);
    expect(read!.value!.source).toBe('preference_center');
  });

  test('no preference change, or no content: undefined', () => {
    expect(subscriptionPreferencesOf({ metric: 'opened', data: { content: '{"topics":{}}' } })).toBeUndefined();
    expect(subscriptionPreferencesOf({ event: 'Email Sent', properties: { content: '{"topics":{}}' } })).toBeUndefined();
    expect(subscriptionPreferencesOf({ metric: 'cio_subscription_preferences_changed', data: {} })).toBeUndefined();
    expect(subscriptionPreferencesOf({ event: 'Customer Subscription Preferences Changed', properties: { content: null } })).toBeUndefined();
    for (const value of [undefined, null, 42, [], {}]) expect(subscriptionPreferencesOf(value)).toBeUndefined();
  });

  test.each([
    ['not JSON', '{topics', 'invalid_value', ['data', 'content']],
    ['not an object', '[1,2]', 'invalid_type', ['data', 'content']],
    ['without topics', '{"x":1}', 'missing_field', ['data', 'content', 'topics']],
    ['topics not an object', '{"topics":[true]}', 'invalid_type', ['data', 'content', 'topics']],
    ['a topic not a boolean', '{"topics":{"topic_1":"yes"}}', 'invalid_type', ['data', 'content', 'topics', 'topic_1']],
    ['content not a string', 7, 'invalid_type', ['data', 'content']],
  ])('malformed content (%s) is an issue at its place', (_name, content, code, path) => {
    const read = subscriptionPreferencesOf({ metric: 'cio_subscription_preferences_changed', data: { content } });
    expect(read?.success).toBe(false);
    expect(read?.issues).toEqual([expect.objectContaining({ code, path })]);
  });

  test('property: total on any content, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.anything()), (content) => {
        const read = subscriptionPreferencesOf({ metric: 'cio_subscription_preferences_changed', data: { content } });
        if (read !== undefined && !read.success) expect(read.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
