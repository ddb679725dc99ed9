import type { FirstOccurrenceStore } from './firstOccurrenceStore';

/** Options of {@link createMemoryFirstOccurrenceStore}. */
export interface MemoryFirstOccurrenceStoreOptions {
  /** The most keys kept; past it the least recently set are forgotten first. Default: 100,000. */
  readonly maxEntries?: number | undefined;
  /** The clock, in milliseconds since 1970 (inject one in tests). Default: `Date.now`. */
  readonly now?: (() => number) | undefined;
}

// One key in the eviction order: a doubly linked list from the least recently set (after `head`) to
// the most recently set (before `head`), so that taking the oldest and moving a key are O(1).
interface Entry {
  readonly key: string;
  value: string;
  expiresAt: number;
  older: Entry;
  newer: Entry;
}

/**
 * Creates a {@link FirstOccurrenceStore} that lives in this process's memory, bounded in size.
 *
 * Keys expire after their TTL and, once `maxEntries` is reached, the least recently set are evicted
 * first, so memory stays bounded whatever the traffic; every operation costs the same, full or not
 * (`npm run bench:store`). An evicted key's event would pass the filter again: size it for the events
 * expected within the TTL, or use a shared store such as {@link createRedisFirstOccurrenceStore}. It is
 * lost on restart and not shared between processes.
 *
 * @example
 * const filter = createFirstOccurrenceFilter({ store: createMemoryFirstOccurrenceStore({ maxEntries: 50_000 }) });
 */
export function createMemoryFirstOccurrenceStore(options?: MemoryFirstOccurrenceStoreOptions): FirstOccurrenceStore {
  const maxEntries = options?.maxEntries ?? 100_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, received ${String(maxEntries)}`);
  }
  const now = options?.now ?? Date.now;
  // Not a Map's own insertion order: restarting an iteration over a Map whose front was deleted walks the
  // deleted slots again (until V8 rehashes), which made each eviction cost ~250 µs at 100,000 keys.
  const entries = new Map<string, Entry>();
  const head = { key: '', value: '', expiresAt: 0 } as Entry;
  head.older = head;
  head.newer = head;

  const unlink = (entry: Entry): void => {
    entry.older.newer = entry.newer;
    entry.newer.older = entry.older;
  };
  const append = (entry: Entry): void => {
    entry.older = head.older;
    entry.newer = head;
    head.older.newer = entry;
    head.older = entry;
  };
  const remove = (entry: Entry): void => {
    unlink(entry);
    entries.delete(entry.key);
  };
  const put = (key: string, value: string, expiresAt: number): void => {
    const existing = entries.get(key);
    if (existing !== undefined) {
      existing.value = value;
      existing.expiresAt = expiresAt;
      unlink(existing);
      append(existing);
      return;
    }
    const entry = { key, value, expiresAt } as Entry;
    append(entry);
    entries.set(key, entry);
  };

  return {
    setIfAbsent(key, value, ttlSeconds) {
      const time = now();
      const existing = entries.get(key);
      if (existing !== undefined && existing.expiresAt > time) return Promise.resolve(existing.value);
      if (existing !== undefined) remove(existing);
      // Expired keys at the old end go first; then the oldest live ones if still full. (`set` does not
      // evict: it only ever replaces a key that `setIfAbsent` made room for.)
      for (let oldest = head.newer; oldest !== head; oldest = head.newer) {
        if (oldest.expiresAt > time && entries.size < maxEntries) break;
        remove(oldest);
      }
      put(key, value, time + ttlSeconds * 1000);
      return Promise.resolve(undefined);
    },
    set(key, value, ttlSeconds) {
      // Moved to the young end of the eviction order.
      put(key, value, now() + ttlSeconds * 1000);
      return Promise.resolve();
    },
    deleteIfValue(key, value) {
      const entry = entries.get(key);
      if (entry?.value === value) remove(entry);
      return Promise.resolve();
    },
  };
}
