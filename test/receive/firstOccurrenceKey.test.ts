import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstOccurrenceKey } from '../../src/receive/firstOccurrenceKey';
import type { AnyWebhook } from '../../src/catalog/reportingWebhook';
import { anyWebhookArbitrary } from '../arbitraries/webhook';

const webhook = (overrides: Partial<AnyWebhook>, data: Record<string, unknown>): AnyWebhook =>
  ({ event_id: 'E1', object_type: 'email', metric: 'opened', timestamp: 1_700_000_000, data, ...overrides }) as AnyWebhook;

describe('firstOccurrenceKey', () => {
  test('a message event is keyed by object_type, metric and delivery_id', () => {
    expect(firstOccurrenceKey(webhook({}, { delivery_id: 'D1' }))).toBe('d:email:opened:D1');
  });

  test('two opens of one delivery share a key; its click and another delivery do not', () => {
    const open1 = firstOccurrenceKey(webhook({ event_id: 'E1' }, { delivery_id: 'D1' }));
    const open2 = firstOccurrenceKey(webhook({ event_id: 'E2' }, { delivery_id: 'D1' }));
    const click = firstOccurrenceKey(webhook({ event_id: 'E3', metric: 'clicked' }, { delivery_id: 'D1' }));
    const other = firstOccurrenceKey(webhook({ event_id: 'E4' }, { delivery_id: 'D2' }));
    expect(open2).toBe(open1);
    expect(new Set([open1, click, other]).size).toBe(3);
  });

  test('only opens and clicks are keyed by delivery: every other metric is keyed by its event_id', () => {
    for (const metric of ['delivered', 'replied', 'cio_subscription_preferences_changed', 'deferred', 'attempted', 'converted']) {
      expect(firstOccurrenceKey(webhook({ metric } as Partial<AnyWebhook>, { delivery_id: 'D1' })), metric).toBe('e:E1');
    }
    expect(firstOccurrenceKey(webhook({ object_type: 'sms', metric: 'clicked' } as Partial<AnyWebhook>, { delivery_id: 'D1' }))).toBe(
      'd:sms:clicked:D1',
    );
  });

  test('an event without a delivery_id is keyed by its event_id', () => {
    expect(firstOccurrenceKey(webhook({ object_type: 'customer', metric: 'subscribed' }, {}))).toBe('e:E1');
    expect(firstOccurrenceKey(webhook({}, { delivery_id: '' }))).toBe('e:E1');
    expect(firstOccurrenceKey(webhook({}, { delivery_id: 42 }))).toBe('e:E1');
  });

  test('an event_id cannot collide with a delivery key', () => {
    const byDelivery = firstOccurrenceKey(webhook({ object_type: 'e' }, { delivery_id: 'x' }));
    const byEvent = firstOccurrenceKey(webhook({ event_id: 'e:opened:x', object_type: 'customer' }, {}));
    expect(byDelivery).not.toBe(byEvent);
  });

  test('property: opens and clicks of the same delivery share a key, whatever their event_id; nothing else does', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, fc.string({ minLength: 1 }), (w, otherEventId) => {
        const again = { ...w, event_id: otherEventId } as AnyWebhook;
        const hasDelivery = typeof w.data.delivery_id === 'string' && w.data.delivery_id !== '';
        const unique = w.metric === 'opened' || w.metric === 'clicked';
        expect(firstOccurrenceKey(again) === firstOccurrenceKey(w)).toBe((unique && hasDelivery) || otherEventId === w.event_id);
      }),
      { numRuns: 1000 },
    );
  });
});
