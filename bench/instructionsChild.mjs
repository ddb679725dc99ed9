// Run under valgrind by bench/instructions.ts: one workload on one corpus, `warm` passes to warm up
// (untimed), then a full garbage collection, then `measured` passes inside `Reflect.apply`, the only
// place callgrind counts (--toggle-collect=Builtins_ReflectApply).
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
for (let i = 0; i < Number(warm); i++) run();
// The heap state is part of what is measured: the warm-up's garbage is collected first, so that every
// run starts the measured passes from the same heap, and the young generation has a fixed size (flags
// set by the parent), so that scavenges fall at the same points.
globalThis.gc();
const passes = Number(measured);
function measuredPasses() {
  for (let i = 0; i < passes; i++) run();
}
Reflect.apply(measuredPasses, undefined, []);
if (sink === undefined && passes > 0) throw new Error('nothing ran');
