// Run under valgrind by bench/instructions.ts: one workload, `iterations` times over the corpus.
// Usage: node instructionsChild.mjs <library.mjs> <data.json> <workload> <iterations>
import { readFileSync } from 'node:fs';

const [libraryPath, dataPath, workload, iterations] = process.argv.slice(2);
const { safeParseWebhook, toSegmentTrack, toSegmentBatches, migrateWarehouseRowV1ToV2 } = await import(libraryPath);
const { bodies, rows, sentAt } = JSON.parse(readFileSync(dataPath, 'utf8'));
const mapped = bodies.map((body) => toSegmentTrack(safeParseWebhook(JSON.parse(body)).value));

let sink;
const workloads = {
  parse: () => {
    for (const body of bodies) sink = JSON.parse(body);
  },
  pipeline: () => {
    for (const body of bodies) {
      const parsed = safeParseWebhook(JSON.parse(body));
      sink = parsed.success ? toSegmentTrack(parsed.value) : parsed.issues;
    }
  },
  parseStringify: () => {
    for (const body of bodies) JSON.parse(body);
    sink = JSON.stringify({ batch: mapped, sentAt });
  },
  batch: () => {
    const calls = [];
    for (const body of bodies) {
      const parsed = safeParseWebhook(JSON.parse(body));
      if (parsed.success) calls.push(toSegmentTrack(parsed.value));
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
for (let i = 0; i < Number(iterations); i++) run();
if (sink === undefined && Number(iterations) > 0) throw new Error('nothing ran');
