import type { FirstOccurrenceStore } from './firstOccurrenceStore';

/** Options of {@link createMemoryFirstOccurrenceStore}. */
export interface MemoryFirstOccurrenceStoreOptions {
  /** The most keys kept; past it the least recently set are forgotten first. Default: 100,000. */
  readonly maxEntries?: number | undefined;
  /** The clock, in milliseconds since 1970 (inject one in tests). Default: `Date.now`. */
  readonly now?: (() => number) | undefined;
}

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/**
 * Creates a {@link FirstOccurrenceStore} that lives in this process's memory, bounded in size.
 *
 * Keys expire after their TTL and, once `maxEntries` is reached, the oldest are evicted first, so memory
 * stays bounded whatever the traffic. An evicted key's event would pass the filter again: size it for
 * the events expected within the TTL, or use a shared store (`docs/receiving.md`). It is lost on restart
 * and not shared between processes.
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
  // A Map iterates in insertion order, so its first keys are the oldest: eviction needs no extra index.
  const entries = new Map<string, Entry>();

  return {
    setIfAbsent(key, value, ttlSeconds) {
      const time = now();
      const existing = entries.get(key);
      if (existing !== undefined && existing.expiresAt > time) return Promise.resolve(existing.value);
      if (existing !== undefined) entries.delete(key);
      // Expired keys at the front go first; then the oldest live ones if still full. (`set` does not
      // evict: it only ever replaces a key that `setIfAbsent` made room for.)
      for (const [oldKey, entry] of entries) {
        if (entry.expiresAt > time && entries.size < maxEntries) break;
        entries.delete(oldKey);
      }
      entries.set(key, { value, expiresAt: time + ttlSeconds * 1000 });
      return Promise.resolve(undefined);
    },
    set(key, value, ttlSeconds) {
      // Re-inserted, not updated in place, so that the key moves to the young end of the eviction order.
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
      return Promise.resolve();
    },
    deleteIfValue(key, value) {
      if (entries.get(key)?.value === value) entries.delete(key);
      return Promise.resolve();
    },
  };
}
