// Run under valgrind by bench/instructions.ts: one workload on one corpus, `warm` passes to warm up
// (uncounted), a full garbage collection, `warm` passes more, then `measured` passes inside
// `Reflect.apply`, the only place callgrind counts (--toggle-collect=Builtins_ReflectApply).
// Usage: node --expose-gc instructionsChild.mjs <library.mjs> <data.json> <workload> <corpus> <warm> <measured>
import { readFileSync } from 'node:fs';

const [libraryPath, dataPath, workload, corpus, warm, measured] = process.argv.slice(2);
const { safeParseWebhook, toSegmentTrack, mapWebhook, toSegmentBatches, migrateWarehouseRowV1ToV2, floorTrack } = await import(libraryPath);
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
const bodies = data.corpora[corpus];
const { rows, sentAt } = data;
if (bodies === undefined) throw new Error(`unknown corpus ${corpus}`);
const mapped = bodies.map((body) => toSegmentTrack(safeParseWebhook(JSON.parse(body)).value));

let sink;
const workloads = {
  parse: () => {
    for (const body of bodies) sink = JSON.parse(body);
  },
  floor: () => {
    for (const body of bodies) sink = floorTrack(JSON.parse(body));
  },
  pipeline: () => {
    for (const body of bodies) {
      const parsed = safeParseWebhook(JSON.parse(body));
      sink = parsed.success ? toSegmentTrack(parsed.value) : parsed.issues;
    }
  },
  // The same work in one pass (mapWebhook), as the CLI's map command does it.
  fused: () => {
    for (const body of bodies) {
      const mapped = mapWebhook(JSON.parse(body));
      sink = mapped.success ? mapped.value : mapped.issues;
    }
  },
  parseStringify: () => {
    for (const body of bodies) JSON.parse(body);
    sink = JSON.stringify({ batch: mapped, sentAt });
  },
  floorBatch: () => {
    const calls = [];
    for (const body of bodies) calls.push(floorTrack(JSON.parse(body)));
    sink = JSON.stringify({ batch: calls, sentAt });
  },
  batch: () => {
    const calls = [];
    for (const body of bodies) {
      const parsed = safeParseWebhook(JSON.parse(body));
      if (parsed.success) calls.push(toSegmentTrack(parsed.value));
    }
    sink = toSegmentBatches(calls, { sentAt }).batches.map((batch) => batch.json);
  },
  fusedBatch: () => {
    const calls = [];
    for (const body of bodies) {
      const mapped = mapWebhook(JSON.parse(body));
      if (mapped.success && mapped.value !== null) calls.push(mapped.value);
    }
    sink = toSegmentBatches(calls, { sentAt }).batches.map((batch) => batch.json);
  },
  copy: () => {
    for (const row of rows) sink = { ...row };
  },
  migrate: () => {
    for (const row of rows) sink = migrateWarehouseRowV1ToV2(row);
  },
};
const run = workloads[workload];
if (run === undefined) throw new Error(`unknown workload ${workload}`);
// The warm-up calls the very function that the measured call runs, so that V8 optimises it (with the
// workload inlined) before the count starts. The heap state is part of what is measured: a full
// collection drops the warm-up's garbage, and a young generation of fixed size (flags set by the
// parent) makes scavenges fall at the same points. But a full collection also throws away optimised code
// whose maps died with the garbage ("weak objects"), so the warm-up runs again after it, and only a
// young-generation collection separates it from the count: without that second warm-up, TurboFan's
// compilation of the largest functions counted thousands of instructions per event.
function passes(count) {
  for (let i = 0; i < count; i++) run();
}
for (let i = 0; i < Number(warm); i++) passes(1);
globalThis.gc();
for (let i = 0; i < Number(warm); i++) passes(1);
globalThis.gc({ type: 'minor' });
const measuredCount = Number(measured);
// MARK=1 prints markers around the counted call: run the child with --trace-opt --trace-deopt and
// nothing may be compiled or deoptimised between them.
if (process.env.MARK === '1') console.log('--- measured ---');
Reflect.apply(passes, undefined, [measuredCount]);
if (process.env.MARK === '1') console.log('--- end ---');
if (sink === undefined && measuredCount > 0) throw new Error('nothing ran');
