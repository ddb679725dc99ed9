import { describe, expect, test } from 'vitest';
import { createMemoryFirstOccurrenceStore } from '../../src/receive/createMemoryFirstOccurrenceStore';

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
});
