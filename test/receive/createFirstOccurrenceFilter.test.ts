import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import { createFirstOccurrenceFilter } from '../../src/receive/createFirstOccurrenceFilter';
import { createMemoryFirstOccurrenceStore } from '../../src/receive/createMemoryFirstOccurrenceStore';
import type { FirstOccurrenceStore } from '../../src/receive/firstOccurrenceStore';
import type { AnyWebhook } from '../../src/catalog/reportingWebhook';
import { eventIdArbitrary, webhookArbitrary } from '../arbitraries/webhook';

const open = (eventId: string, deliveryId = 'D1'): AnyWebhook =>
  ({
    event_id: eventId,
    object_type: 'email',
    metric: 'opened',
    timestamp: 1_700_000_000,
    data: { delivery_id: deliveryId, identifiers: { id: '42' } },
  }) as AnyWebhook;

/** A store shared by two filters stands for two processes behind one Redis. */
function sharedStore(): FirstOccurrenceStore {
  return createMemoryFirstOccurrenceStore();
}

describe('createFirstOccurrenceFilter', () => {
  test('passes the first occurrence and stops a repeat of the same delivery and metric', async () => {
    const filter = createFirstOccurrenceFilter();
    const first = await filter.check(open('E1'));
    expect(first).toMatchObject({ pass: true, retry: false, key: 'd:email:opened:D1' });
    if (first.pass) await first.confirm();
    expect(await filter.check(open('E2'))).toEqual({
      pass: false,
      reason: 'repeat',
      key: 'd:email:opened:D1',
      firstEventId: 'E1',
    });
    expect(await filter.check(open('E3', 'D2'))).toMatchObject({ pass: true, retry: false });
  });

  test('a repeat is stopped even while the first occurrence is still being sent', async () => {
    const filter = createFirstOccurrenceFilter();
    expect(await filter.check(open('E1'))).toMatchObject({ pass: true });
    expect(await filter.check(open('E2'))).toMatchObject({ pass: false, reason: 'repeat', firstEventId: 'E1' });
  });

  test('a Customer.io retry of a confirmed event is already_sent, not a repeat, and not sent again', async () => {
    const filter = createFirstOccurrenceFilter();
    const first = await filter.check(open('E1'));
    if (first.pass) await first.confirm();
    expect(await filter.check(open('E1'))).toEqual({
      pass: false,
      reason: 'already_sent',
      key: 'd:email:opened:D1',
      firstEventId: 'E1',
    });
  });

  test('after release (sending failed), the retry passes as new, and a repeat in between takes its place', async () => {
    const filter = createFirstOccurrenceFilter();
    const first = await filter.check(open('E1'));
    if (first.pass) await first.release();
    expect(await filter.check(open('E1'))).toMatchObject({ pass: true, retry: false });

    const other = createFirstOccurrenceFilter();
    const attempt = await other.check(open('E1'));
    if (attempt.pass) await attempt.release();
    // The key is free, so the next open (a different event) is now the first occurrence.
    expect(await other.check(open('E2'))).toMatchObject({ pass: true, retry: false });
    expect(await other.check(open('E1'))).toMatchObject({ pass: false, reason: 'repeat', firstEventId: 'E2' });
  });

  test('a retry of an unconfirmed, unreleased attempt (a crash) passes again, marked retry', async () => {
    const store = sharedStore();
    const crashed = createFirstOccurrenceFilter({ store });
    expect(await crashed.check(open('E1'))).toMatchObject({ pass: true, retry: false });
    const restarted = createFirstOccurrenceFilter({ store });
    expect(await restarted.check(open('E1'))).toMatchObject({ pass: true, retry: true });
  });

  test('release after another process confirmed leaves the confirmation alone', async () => {
    const store = sharedStore();
    const a = await createFirstOccurrenceFilter({ store }).check(open('E1'));
    const b = await createFirstOccurrenceFilter({ store }).check(open('E1'));
    if (!a.pass || !b.pass) throw new Error('both attempts should pass');
    await b.confirm();
    await a.release();
    expect(await createFirstOccurrenceFilter({ store }).check(open('E1'))).toMatchObject({
      pass: false,
      reason: 'already_sent',
    });
  });

  test('events without a delivery_id only ever stop their own retries', async () => {
    const filter = createFirstOccurrenceFilter();
    const subscribed = (eventId: string): AnyWebhook =>
      ({ event_id: eventId, object_type: 'customer', metric: 'subscribed', timestamp: 1, data: { customer_id: '42' } }) as AnyWebhook;
    const first = await filter.check(subscribed('E1'));
    if (first.pass) await first.confirm();
    expect(await filter.check(subscribed('E2'))).toMatchObject({ pass: true });
    expect(await filter.check(subscribed('E1'))).toMatchObject({ pass: false, reason: 'already_sent' });
  });

  test('uses the given TTL and key function, and forgets after the TTL', async () => {
    let time = 0;
    const store = createMemoryFirstOccurrenceStore({ now: () => time });
    const filter = createFirstOccurrenceFilter({ store, ttlSeconds: 60, keyFor: (w) => `custom:${w.metric}` });
    const first = await filter.check(open('E1', 'D1'));
    expect(first).toMatchObject({ pass: true, key: 'custom:opened' });
    expect(await filter.check(open('E2', 'D2'))).toMatchObject({ pass: false, reason: 'repeat' });
    time += 60_000;
    expect(await filter.check(open('E2', 'D2'))).toMatchObject({ pass: true, retry: false });
  });

  test('talks to any store through its three methods (as a Redis adapter would)', async () => {
    const calls: string[] = [];
    const inner = createMemoryFirstOccurrenceStore();
    const store: FirstOccurrenceStore = {
      setIfAbsent: (k, v, ttl) => (calls.push(`setIfAbsent ${k} ${v} ${ttl}`), inner.setIfAbsent(k, v, ttl)),
      set: (k, v, ttl) => (calls.push(`set ${k} ${v} ${ttl}`), inner.set(k, v, ttl)),
      deleteIfValue: (k, v) => (calls.push(`deleteIfValue ${k} ${v}`), inner.deleteIfValue(k, v)),
    };
    const filter = createFirstOccurrenceFilter({ store, ttlSeconds: 3600 });
    const first = await filter.check(open('E1'));
    if (first.pass) await first.confirm();
    const second = await filter.check(open('E9', 'D9'));
    if (second.pass) await second.release();
    expect(calls).toEqual([
      'setIfAbsent d:email:opened:D1 pending:E1 3600',
      'set d:email:opened:D1 sent:E1 3600',
      'setIfAbsent d:email:opened:D9 pending:E9 3600',
      'deleteIfValue d:email:opened:D9 pending:E9',
    ]);
  });

  test.each([[0], [-5], [Number.NaN], [Number.POSITIVE_INFINITY]])('ttlSeconds %d is a RangeError', (ttlSeconds) => {
    expect(() => createFirstOccurrenceFilter({ ttlSeconds })).toThrow(RangeError);
  });
});

describe('Send Frequency as Customer.io defines it: only opens and clicks are unique', () => {
  const of = (objectType: string, metric: string, eventId: string, deliveryId = 'D1'): AnyWebhook =>
    ({ event_id: eventId, object_type: objectType, metric, timestamp: 1, data: { delivery_id: deliveryId } }) as AnyWebhook;

  test.each([
    ['email', 'clicked'],
    ['push', 'opened'],
    ['sms', 'clicked'],
    ['in_app', 'opened'],
  ])('a repeated %s %s of one delivery is dropped', async (objectType, metric) => {
    const filter = createFirstOccurrenceFilter();
    const first = await filter.check(of(objectType, metric, 'E1'));
    if (first.pass) await first.confirm();
    expect(await filter.check(of(objectType, metric, 'E2'))).toMatchObject({ pass: false, reason: 'repeat', firstEventId: 'E1' });
  });

  test.each([
    ['sms', 'replied'],
    ['whatsapp', 'replied'],
    ['customer', 'cio_subscription_preferences_changed'],
    ['email', 'deferred'],
    ['email', 'attempted'],
    ['email', 'converted'],
  ])('a repeated %s %s passes, while a retry of a sent one is still already_sent', async (objectType, metric) => {
    const filter = createFirstOccurrenceFilter();
    const first = await filter.check(of(objectType, metric, 'E1'));
    expect(first).toMatchObject({ pass: true, retry: false, key: 'e:E1' });
    if (first.pass) await first.confirm();
    expect(await filter.check(of(objectType, metric, 'E2'))).toMatchObject({ pass: true, retry: false });
    expect(await filter.check(of(objectType, metric, 'E1'))).toMatchObject({ pass: false, reason: 'already_sent', firstEventId: 'E1' });
  });

  test('property over the whole catalog: a second event of one delivery is dropped only for opened and clicked', async () => {
    // Every catalog entry, each with a few random webhooks: no pair is left to chance.
    const caseArbitrary = fc.oneof(
      ...catalogEntries.map((entry) => fc.tuple(webhookArbitrary(entry), eventIdArbitrary, eventIdArbitrary, fc.boolean())),
    );
    const examples = catalogEntries.map((entry) => fc.sample(fc.tuple(webhookArbitrary(entry), eventIdArbitrary, eventIdArbitrary, fc.boolean()), 1));
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ([webhook, firstId, secondId, confirmFirst]) => {
        fc.pre(firstId !== secondId);
        const data = { ...webhook.data, delivery_id: 'D1' };
        const first = { ...webhook, event_id: firstId, data } as AnyWebhook;
        const second = { ...webhook, event_id: secondId, data } as AnyWebhook;
        const filter = createFirstOccurrenceFilter();
        const a = await filter.check(first);
        expect(a).toMatchObject({ pass: true, retry: false });
        if (a.pass && confirmFirst) await a.confirm();

        const unique = webhook.metric === 'opened' || webhook.metric === 'clicked';
        const b = await filter.check(second);
        if (unique) expect(b).toMatchObject({ pass: false, reason: 'repeat', firstEventId: firstId });
        else expect(b).toMatchObject({ pass: true, retry: false });

        // Customer.io's retry of the first event is recognised as a retry, whatever the metric.
        const retry = await filter.check(first);
        if (confirmFirst) expect(retry).toMatchObject({ pass: false, reason: 'already_sent', firstEventId: firstId });
        else expect(retry).toMatchObject({ pass: true, retry: true });
      }),
      { numRuns: 100, examples },
    );
  });
});
