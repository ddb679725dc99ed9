// `npm run bench:store`: the in-memory first-occurrence store's cost per `setIfAbsent`, chunk by chunk,
// while 1M new keys go in past a full store (every call evicts). Flat means O(1) eviction. For scale, the
// same calls on the former store (a Map whose eviction restarted an iteration over deleted slots) are
// measured for a few thousand calls past full. Reported, never asserted. `--short` for a quick pass.
import { createMemoryFirstOccurrenceStore } from '../src/receive/createMemoryFirstOccurrenceStore';
import type { FirstOccurrenceStore } from '../src/receive/firstOccurrenceStore';

const short = process.argv.includes('--short');
const maxEntries = 100_000;
const pastFull = short ? 100_000 : 1_000_000;
const chunk = short ? 25_000 : 100_000;

/** The store as it was before: kept here only as the benchmark's "before". */
function formerStore(max: number): FirstOccurrenceStore {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    setIfAbsent(key, value, ttlSeconds) {
      const time = Date.now();
      const existing = entries.get(key);
      if (existing !== undefined && existing.expiresAt > time) return Promise.resolve(existing.value);
      if (existing !== undefined) entries.delete(key);
      for (const [oldKey, entry] of entries) {
        if (entry.expiresAt > time && entries.size < max) break;
        entries.delete(oldKey);
      }
      entries.set(key, { value, expiresAt: time + ttlSeconds * 1000 });
      return Promise.resolve(undefined);
    },
    set: () => Promise.resolve(),
    deleteIfValue: () => Promise.resolve(),
  };
}

async function fill(store: FirstOccurrenceStore, from: number, count: number): Promise<number> {
  const start = performance.now();
  for (let i = from; i < from + count; i++) await store.setIfAbsent(`d:email:opened:${i}`, `pending:${i}`, 3600);
  return ((performance.now() - start) * 1e6) / count;
}

const store = createMemoryFirstOccurrenceStore({ maxEntries });
const filling = await fill(store, 0, maxEntries);
const perChunk: number[] = [];
for (let done = 0; done < pastFull; done += chunk) perChunk.push(await fill(store, maxEntries + done, chunk));

const former = formerStore(maxEntries);
await fill(former, 0, maxEntries);
const formerCalls = short ? 5_000 : 50_000;
const formerPastFull = await fill(former, maxEntries, formerCalls);

const first = perChunk[0] ?? Number.NaN;
const last = perChunk[perChunk.length - 1] ?? Number.NaN;
console.log(`In-memory first-occurrence store, maxEntries ${maxEntries.toLocaleString('en')}; Node ${process.version}`);
console.log('');
console.log('| calls | ns per setIfAbsent |');
console.log('| --- | ---: |');
console.log(`| first ${maxEntries.toLocaleString('en')} (filling) | ${filling.toFixed(0)} |`);
perChunk.forEach((ns, i) => {
  const from = maxEntries + i * chunk;
  console.log(`| ${from.toLocaleString('en')}–${(from + chunk).toLocaleString('en')} (full: each evicts) | ${ns.toFixed(0)} |`);
});
console.log('');
console.log(`Last chunk / first chunk past full: ${(last / first).toFixed(2)}× (flat is 1×).`);
console.log(
  `The former store, ${formerCalls.toLocaleString('en')} calls past full: ${formerPastFull.toFixed(0)} ns per call, ` +
    `${(formerPastFull / last).toFixed(0)}× the new store's last chunk.`,
);
