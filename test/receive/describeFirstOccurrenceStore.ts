import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FirstOccurrenceStore } from '../../src/receive/firstOccurrenceStore';

/**
 * The behaviour every FirstOccurrenceStore must have, run against each implementation. `makeStore`
 * returns a store with no keys (a fresh store, or a fresh key prefix of a shared database).
 */
export function describeFirstOccurrenceStore(name: string, makeStore: () => FirstOccurrenceStore | Promise<FirstOccurrenceStore>): void {
  describe(`FirstOccurrenceStore contract: ${name}`, () => {
    test('setIfAbsent sets an absent key and reports the holder of a present one', async () => {
      const store = await makeStore();
      expect(await store.setIfAbsent('k', 'a', 60)).toBeUndefined();
      expect(await store.setIfAbsent('k', 'b', 60)).toBe('a');
      expect(await store.setIfAbsent('other', 'b', 60)).toBeUndefined();
      expect(await store.setIfAbsent('other', 'c', 60)).toBe('b');
    });

    test('set overwrites whether or not the key is there', async () => {
      const store = await makeStore();
      await store.set('fresh', 'sent:E1', 60);
      expect(await store.setIfAbsent('fresh', 'x', 60)).toBe('sent:E1');
      await store.setIfAbsent('k', 'pending:E1', 60);
      await store.set('k', 'sent:E1', 60);
      expect(await store.setIfAbsent('k', 'x', 60)).toBe('sent:E1');
    });

    test('deleteIfValue deletes only the given holder', async () => {
      const store = await makeStore();
      await store.setIfAbsent('k', 'a', 60);
      await store.deleteIfValue('k', 'b');
      expect(await store.setIfAbsent('k', 'x', 60)).toBe('a');
      await store.deleteIfValue('k', 'a');
      expect(await store.setIfAbsent('k', 'x', 60)).toBeUndefined();
      await store.deleteIfValue('absent', 'a');
      expect(await store.setIfAbsent('absent', 'y', 60)).toBeUndefined();
    });

    test('keys and values are kept exactly: unicode, colons, spaces, prototype names, long keys', async () => {
      const store = await makeStore();
      const keys = ['d:email:opened:dGVzdA==', 'e:01E4C4CT6YDC7Y5M7FE1GWWPQJ', '__proto__', 'constructor', 'a b', 'ключ🔑', 'k'.repeat(2000)];
      for (const [i, key] of keys.entries()) expect(await store.setIfAbsent(key, `v${i}:ü🔑`, 60)).toBeUndefined();
      for (const [i, key] of keys.entries()) expect(await store.setIfAbsent(key, 'x', 60)).toBe(`v${i}:ü🔑`);
    });

    test('concurrent setIfAbsent on one key: exactly one wins, and every other sees the winner', async () => {
      const store = await makeStore();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent('race', `p${i}`, 60)));
      const winners = results.flatMap((r, i) => (r === undefined ? [`p${i}`] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) if (r !== undefined) expect(r).toBe(winners[0]);
    });

    test('a key is forgotten after its TTL (a fraction of a second rounds up, never down)', async () => {
      const store = await makeStore();
      expect(await store.setIfAbsent('short', 'a', 0.2)).toBeUndefined();
      expect(await store.setIfAbsent('short', 'b', 0.2)).toBe('a');
      await store.set('long', 'a', 60);
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await store.setIfAbsent('short', 'c', 60)).toBeUndefined();
      expect(await store.setIfAbsent('long', 'c', 60)).toBe('a');
    });

    test('property: any sequence of operations answers as a plain map would (oracle)', async () => {
      const key = fc.constantFrom('k1', 'k2', 'k3');
      const value = fc.constantFrom('pending:A', 'pending:B', 'sent:A');
      const op = fc.oneof(
        fc.tuple(fc.constant('setIfAbsent' as const), key, value),
        fc.tuple(fc.constant('set' as const), key, value),
        fc.tuple(fc.constant('deleteIfValue' as const), key, value),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
          const store = await makeStore();
          const model = new Map<string, string>();
          for (const [kind, k, v] of ops) {
            if (kind === 'setIfAbsent') {
              const held = model.get(k);
              if (held === undefined) model.set(k, v);
              expect(await store.setIfAbsent(k, v, 600)).toBe(held);
            } else if (kind === 'set') {
              model.set(k, v);
              await store.set(k, v, 600);
            } else {
              if (model.get(k) === v) model.delete(k);
              await store.deleteIfValue(k, v);
            }
          }
        }),
        { numRuns: 40 },
      );
    });
  });
}
