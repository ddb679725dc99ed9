/**
 * A place where {@link createFirstOccurrenceFilter} remembers which events it has already seen.
 *
 * The default, {@link createMemoryFirstOccurrenceStore}, serves one process;
 * {@link createRedisFirstOccurrenceStore} serves many. Anything shared that can "set unless present,
 * with an expiry" can do the same (see `docs/receiving.md`).
 */
export interface FirstOccurrenceStore {
  /**
   * Stores `value` under `key` for `ttlSeconds` unless the key is already there.
   *
   * @returns `undefined` when the key was absent and is now set; otherwise the value already stored.
   */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlSeconds`, whether or not the key is there. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Removes `key` if it still holds `value` (so that a newer holder is left alone). */
  deleteIfValue(key: string, value: string): Promise<void>;
}
