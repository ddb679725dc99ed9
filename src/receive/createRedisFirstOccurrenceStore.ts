import type { FirstOccurrenceStore } from './firstOccurrenceStore';

/**
 * The part of a node-redis (`redis` ≥ 4) client that {@link createRedisFirstOccurrenceStore} uses.
 * A client from `createClient()` fits as it is.
 */
export interface NodeRedisClientLike {
  /** node-redis clients have it; ioredis clients do not: it tells the two apart. */
  readonly isOpen: boolean;
  set(key: string, value: string, options: { NX?: boolean; GET?: boolean; EX?: number }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** The part of an ioredis client that {@link createRedisFirstOccurrenceStore} uses. `new Redis()` fits. */
export interface IoRedisClientLike {
  set(key: string, value: string, secondsToken: 'EX', seconds: number, nx: 'NX', get: 'GET'): Promise<unknown>;
  set(key: string, value: string, secondsToken: 'EX', seconds: number): Promise<unknown>;
  eval(script: string, numberOfKeys: number, key: string, argument: string): Promise<unknown>;
}

/** Options of {@link createRedisFirstOccurrenceStore}. */
export interface RedisFirstOccurrenceStoreOptions {
  /** Put before every key, to keep this store's keys apart from others in the database. Default: `'cio-first:'`. */
  readonly prefix?: string | undefined;
  /**
   * Which client's calling convention to use. Default: detected, `'node-redis'` for a client with a
   * boolean `isOpen` (node-redis has one, ioredis does not), `'ioredis'` otherwise.
   */
  readonly api?: 'node-redis' | 'ioredis' | undefined;
}

// Compare and delete in one step on the server, so that a newer holder set by another process in between
// is never deleted.
const deleteIfValueScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Creates a {@link FirstOccurrenceStore} in Redis, through a client you create and connect: node-redis
 * (`redis` ≥ 4) or ioredis. Several processes sharing one Redis then share Send Frequency.
 *
 * `setIfAbsent` is one `SET key value NX GET EX ttl` (Redis ≥ 7.0), `set` is `SET key value EX ttl`, and
 * `deleteIfValue` is a Lua compare-and-delete, all atomic on the server. TTLs are whole seconds, rounded
 * up. The package itself depends on neither client: the client's shape tells which one it is.
 *
 * @throws {TypeError} When `client` has no `set` and `eval` methods, or `prefix` is not a string.
 * @example
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const filter = createFirstOccurrenceFilter({ store: createRedisFirstOccurrenceStore(redis) });
 */
export function createRedisFirstOccurrenceStore(
  client: NodeRedisClientLike | IoRedisClientLike,
  options?: RedisFirstOccurrenceStoreOptions,
): FirstOccurrenceStore {
  if (
    typeof client !== 'object' ||
    client === null ||
    typeof (client as { set?: unknown }).set !== 'function' ||
    typeof (client as { eval?: unknown }).eval !== 'function'
  ) {
    throw new TypeError('createRedisFirstOccurrenceStore: client must be a node-redis or ioredis client (with set and eval)');
  }
  const prefix = options?.prefix ?? 'cio-first:';
  if (typeof prefix !== 'string') throw new TypeError('createRedisFirstOccurrenceStore: prefix must be a string');
  const api = options?.api ?? (typeof (client as { isOpen?: unknown }).isOpen === 'boolean' ? 'node-redis' : 'ioredis');
  if (api !== 'node-redis' && api !== 'ioredis') {
    throw new TypeError(`createRedisFirstOccurrenceStore: api must be 'node-redis' or 'ioredis', received ${String(api)}`);
  }

  if (api === 'node-redis') {
    const redis = client as NodeRedisClientLike;
    return {
      async setIfAbsent(key, value, ttlSeconds) {
        return holder(await explain(redis.set(prefix + key, value, { NX: true, GET: true, EX: seconds(ttlSeconds) })));
      },
      async set(key, value, ttlSeconds) {
        await redis.set(prefix + key, value, { EX: seconds(ttlSeconds) });
      },
      async deleteIfValue(key, value) {
        await redis.eval(deleteIfValueScript, { keys: [prefix + key], arguments: [value] });
      },
    };
  }
  const redis = client as IoRedisClientLike;
  return {
    async setIfAbsent(key, value, ttlSeconds) {
      return holder(await explain(redis.set(prefix + key, value, 'EX', seconds(ttlSeconds), 'NX', 'GET')));
    },
    async set(key, value, ttlSeconds) {
      await redis.set(prefix + key, value, 'EX', seconds(ttlSeconds));
    },
    async deleteIfValue(key, value) {
      await redis.eval(deleteIfValueScript, 1, prefix + key, value);
    },
  };
}

// Redis takes whole seconds of at least 1; rounding up never forgets a key early.
function seconds(ttlSeconds: number): number {
  if (typeof ttlSeconds !== 'number' || !(ttlSeconds > 0) || !Number.isFinite(ttlSeconds)) {
    throw new RangeError(`ttlSeconds must be a positive number, received ${String(ttlSeconds)}`);
  }
  return Math.max(1, Math.ceil(ttlSeconds));
}

// `nil` (the key was absent and is now set) is `null`; a client set to return buffers gives bytes.
function holder(reply: unknown): string | undefined {
  if (reply === null || reply === undefined) return undefined;
  if (typeof reply === 'string') return reply;
  if (reply instanceof Uint8Array) return decoder.decode(reply);
  return String(reply);
}

// Redis before 7.0 refuses NX together with GET as a syntax error: say what is needed instead.
async function explain(reply: Promise<unknown>): Promise<unknown> {
  try {
    return await reply;
  } catch (error) {
    if (error instanceof Error && /syntax error/i.test(error.message)) {
      throw new Error('createRedisFirstOccurrenceStore needs Redis 7.0 or later (SET with both NX and GET)', { cause: error });
    }
    throw error;
  }
}
