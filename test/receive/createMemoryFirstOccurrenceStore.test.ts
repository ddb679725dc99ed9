import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createMemoryFirstOccurrenceStore } from '../../src/receive/createMemoryFirstOccurrenceStore';
import type { FirstOccurrenceStore } from '../../src/receive/firstOccurrenceStore';
import { describeFirstOccurrenceStore } from './describeFirstOccurrenceStore';

describeFirstOccurrenceStore('memory', () => createMemoryFirstOccurrenceStore());

/**
 * The straightforward store, slow once full (each eviction restarts a Map iteration): the oracle for the
 * linked-list one. Same rules: expired keys at the old end go first, then the oldest while full; `set`
 * moves a key to the young end and never evicts.
 */
function referenceStore(maxEntries: number, now: () => number): FirstOccurrenceStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async setIfAbsent(key, value, ttlSeconds) {
      const time = now();
      const existing = entries.get(key);
      if (existing !== undefined && existing.expiresAt > time) return existing.value;
      if (existing !== undefined) entries.delete(key);
      for (const [oldKey, entry] of entries) {
        if (entry.expiresAt > time && entries.size < maxEntries) break;
        entries.delete(oldKey);
      }
      entries.set(key, { value, expiresAt: time + ttlSeconds * 1000 });
      return undefined;
    },
    async set(key, value, ttlSeconds) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async deleteIfValue(key, value) {
      if (entries.get(key)?.value === value) entries.delete(key);
    },
  };
}

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('createMemoryFirstOccurrenceStore', () => {
  test('setIfAbsent sets an absent key and reports the holder of a present one', async () => {
    const store = createMemoryFirstOccurrenceStore();
    expect(await store.setIfAbsent('k', 'a', 60)).toBeUndefined();
    expect(await store.setIfAbsent('k', 'b', 60)).toBe('a');
    expect(await store.setIfAbsent('other', 'b', 60)).toBeUndefined();
  });

  test('a key expires after its TTL, not before', async () => {
    const time = clock();
    const store = createMemoryFirstOccurrenceStore({ now: time.now });
    await store.setIfAbsent('k', 'a', 10);
    time.advance(9_999);
    expect(await store.setIfAbsent('k', 'b', 10)).toBe('a');
    time.advance(1);
    expect(await store.setIfAbsent('k', 'b', 10)).toBeUndefined();
    expect(await store.setIfAbsent('k', 'c', 10)).toBe('b');
  });

  test('set overwrites and restarts the TTL', async () => {
    const time = clock();
    const store = createMemoryFirstOccurrenceStore({ now: time.now });
    await store.setIfAbsent('k', 'a', 10);
    time.advance(9_000);
    await store.set('k', 'sent', 10);
    time.advance(9_000);
    expect(await store.setIfAbsent('k', 'b', 10)).toBe('sent');
  });

  test('deleteIfValue deletes only the given holder', async () => {
    const store = createMemoryFirstOccurrenceStore();
    await store.setIfAbsent('k', 'a', 60);
    await store.deleteIfValue('k', 'b');
    expect(await store.setIfAbsent('k', 'x', 60)).toBe('a');
    await store.deleteIfValue('k', 'a');
    expect(await store.setIfAbsent('k', 'x', 60)).toBeUndefined();
  });

  test('holds at most maxEntries keys, forgetting the oldest first', async () => {
    const store = createMemoryFirstOccurrenceStore({ maxEntries: 3 });
    for (const key of ['k1', 'k2', 'k3', 'k4']) expect(await store.setIfAbsent(key, key, 60)).toBeUndefined();
    // k1 was evicted to make room for k4; k2…k4 are still held.
    expect(await store.setIfAbsent('k2', 'x', 60)).toBe('k2');
    expect(await store.setIfAbsent('k3', 'x', 60)).toBe('k3');
    expect(await store.setIfAbsent('k4', 'x', 60)).toBe('k4');
    expect(await store.setIfAbsent('k1', 'x', 60)).toBeUndefined();
  });

  test('stays bounded under many keys', async () => {
    const store = createMemoryFirstOccurrenceStore({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) await store.setIfAbsent(`k${i}`, 'v', 60);
    let held = 0;
    for (let i = 0; i < 10_000; i++) if ((await store.setIfAbsent(`k${i}`, 'w', 60)) === 'v') held++;
    expect(held).toBeLessThanOrEqual(100);
  });

  test.each([[0], [-1], [1.5]])('maxEntries %d is a RangeError', (maxEntries) => {
    expect(() => createMemoryFirstOccurrenceStore({ maxEntries })).toThrow(RangeError);
  });

  test('set moves a key to the young end: the least recently set is evicted first', async () => {
    const store = createMemoryFirstOccurrenceStore({ maxEntries: 3 });
    for (const key of ['k1', 'k2', 'k3']) await store.setIfAbsent(key, key, 60);
    await store.set('k1', 'sent', 60);
    await store.setIfAbsent('k4', 'k4', 60);
    // k2 was the least recently set, so it went; k1 survives with its new value.
    expect(await store.setIfAbsent('k1', 'x', 60)).toBe('sent');
    expect(await store.setIfAbsent('k3', 'x', 60)).toBe('k3');
    expect(await store.setIfAbsent('k2', 'x', 60)).toBeUndefined();
  });

  test('property: answers exactly as the straightforward Map store (oracle), eviction and expiry included', async () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const value = fc.constantFrom('pending:1', 'pending:2', 'sent:1');
    const op = fc.oneof(
      fc.tuple(fc.constant('setIfAbsent' as const), key, value, fc.integer({ min: 1, max: 20 })),
      fc.tuple(fc.constant('set' as const), key, value, fc.integer({ min: 1, max: 20 })),
      fc.tuple(fc.constant('deleteIfValue' as const), key, value, fc.constant(0)),
      fc.tuple(fc.constant('tick' as const), key, value, fc.integer({ min: 0, max: 15_000 })),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), async (maxEntries, ops) => {
        let time = 1_000_000;
        const now = () => time;
        const subject = createMemoryFirstOccurrenceStore({ maxEntries, now });
        const oracle = referenceStore(maxEntries, now);
        for (const [kind, k, v, n] of ops) {
          if (kind === 'tick') time += n;
          else if (kind === 'setIfAbsent') expect(await subject.setIfAbsent(k, v, n)).toBe(await oracle.setIfAbsent(k, v, n));
          else if (kind === 'set') await Promise.all([subject.set(k, v, n), oracle.set(k, v, n)]);
          else await Promise.all([subject.deleteIfValue(k, v), oracle.deleteIfValue(k, v)]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
