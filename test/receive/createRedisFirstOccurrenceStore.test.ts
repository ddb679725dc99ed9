import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFirstOccurrenceFilter } from '../../src/receive/createFirstOccurrenceFilter';
import { createRedisFirstOccurrenceStore } from '../../src/receive/createRedisFirstOccurrenceStore';
import type { AnyWebhook } from '../../src/catalog/reportingWebhook';
import { describeFirstOccurrenceStore } from './describeFirstOccurrenceStore';
import { type RedisServer, redisServerAvailable, startRedisServer } from './redisServer';

const available = redisServerAvailable();
if (!available) console.warn('redis-server is not installed: the Redis store tests are skipped (never under CI)');

let server: RedisServer;
let nodeRedis: ReturnType<typeof createClient>;
let ioredis: Redis;
let namespace = 0;
// Each store of the shared suite gets its own prefix: a fresh, empty store in the same database.
const fresh = () => `test${++namespace}:`;

describe.runIf(available)('createRedisFirstOccurrenceStore against a real redis-server', () => {
  beforeAll(async () => {
    server = await startRedisServer();
    nodeRedis = createClient({ url: server.url });
    await nodeRedis.connect();
    ioredis = new Redis(server.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await ioredis.connect();
  });
  afterAll(async () => {
    await nodeRedis?.quit();
    ioredis?.disconnect();
    await server?.stop();
  });

  describeFirstOccurrenceStore('Redis with node-redis', () => createRedisFirstOccurrenceStore(nodeRedis, { prefix: fresh() }));
  describeFirstOccurrenceStore('Redis with ioredis', () => createRedisFirstOccurrenceStore(ioredis, { prefix: fresh() }));

  test('the two clients see the same keys: node-redis and ioredis processes share one Send Frequency', async () => {
    const prefix = fresh();
    const a = createRedisFirstOccurrenceStore(nodeRedis, { prefix });
    const b = createRedisFirstOccurrenceStore(ioredis, { prefix });
    expect(await a.setIfAbsent('k', 'pending:E1', 60)).toBeUndefined();
    expect(await b.setIfAbsent('k', 'pending:E2', 60)).toBe('pending:E1');
    await b.deleteIfValue('k', 'pending:E1');
    expect(await a.setIfAbsent('k', 'pending:E3', 60)).toBeUndefined();
  });

  test('keys carry the prefix (default cio-first:) and a TTL in whole seconds, rounded up', async () => {
    const store = createRedisFirstOccurrenceStore(nodeRedis);
    await store.setIfAbsent('prefix-check', 'v', 90.2);
    expect(await ioredis.get('cio-first:prefix-check')).toBe('v');
    const ttl = await ioredis.ttl('cio-first:prefix-check');
    expect(ttl).toBeGreaterThan(85);
    expect(ttl).toBeLessThanOrEqual(91);
    await createRedisFirstOccurrenceStore(ioredis, { prefix: 'other:' }).set('prefix-check', 'w', 30);
    expect(await nodeRedis.get('other:prefix-check')).toBe('w');
    expect(await nodeRedis.ttl('other:prefix-check')).toBeLessThanOrEqual(30);
  });

  test('the api option overrides detection', async () => {
    const prefix = fresh();
    // ioredis called as ioredis, explicitly; node-redis wrapped so that isOpen is hidden, then named.
    const wrapped = { set: nodeRedis.set.bind(nodeRedis), eval: nodeRedis.eval.bind(nodeRedis) };
    const store = createRedisFirstOccurrenceStore(wrapped as never, { prefix, api: 'node-redis' });
    expect(await store.setIfAbsent('k', 'a', 60)).toBeUndefined();
    expect(await createRedisFirstOccurrenceStore(ioredis, { prefix, api: 'ioredis' }).setIfAbsent('k', 'b', 60)).toBe('a');
  });

  test('drives the first-occurrence filter across two "processes"', async () => {
    const prefix = fresh();
    const open = (eventId: string) =>
      ({ event_id: eventId, object_type: 'email', metric: 'opened', timestamp: 1, data: { delivery_id: 'D1' } }) as AnyWebhook;
    const one = createFirstOccurrenceFilter({ store: createRedisFirstOccurrenceStore(nodeRedis, { prefix }) });
    const two = createFirstOccurrenceFilter({ store: createRedisFirstOccurrenceStore(ioredis, { prefix }) });
    const first = await one.check(open('E1'));
    expect(first).toMatchObject({ pass: true, retry: false });
    expect(await two.check(open('E2'))).toMatchObject({ pass: false, reason: 'repeat', firstEventId: 'E1' });
    expect(await two.check(open('E1'))).toMatchObject({ pass: true, retry: true });
    if (first.pass) await first.confirm();
    expect(await two.check(open('E1'))).toMatchObject({ pass: false, reason: 'already_sent' });
  });
});

describe('createRedisFirstOccurrenceStore without a server', () => {
  test.each([[null], [{}], [{ set: () => 0 }], ['redis://localhost']])('client %o is a TypeError', (client) => {
    expect(() => createRedisFirstOccurrenceStore(client as never)).toThrow(TypeError);
  });

  test('a prefix or api of the wrong kind is a TypeError', () => {
    const client = { set: async () => null, eval: async () => 0 };
    expect(() => createRedisFirstOccurrenceStore(client, { prefix: 5 as never })).toThrow(/prefix/);
    expect(() => createRedisFirstOccurrenceStore(client, { api: 'memcached' as never })).toThrow(/api/);
  });

  test('a TTL that is not a positive number is a RangeError, before any command', async () => {
    let commands = 0;
    const client = { set: async () => (commands++, null), eval: async () => 0 };
    const store = createRedisFirstOccurrenceStore(client);
    await expect(store.setIfAbsent('k', 'v', 0)).rejects.toThrow(RangeError);
    await expect(store.set('k', 'v', Number.NaN)).rejects.toThrow(RangeError);
    expect(commands).toBe(0);
  });
});
