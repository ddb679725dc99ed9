// `npm run bench:instructions`: the benchmark's ratios counted in CPU instructions (valgrind's callgrind)
// instead of time. Instruction counts do not drift with the load of a shared machine: two runs agree to
// the sixth digit. They are not time (a cache miss costs one instruction), so they complement the timed
// ratios of `npm run bench` and do not replace them. Takes a few minutes; `--write` puts the table into
// docs/performance.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { flattenTrack } from '../test/fixtures/flattenTrack';
import { replaceBetweenMarkers } from '../scripts/replaceBetweenMarkers';
import { timeOrderedCorpus, webhookCorpus } from './corpus';
import { assertFloorMatches, libraryTrack } from './floor';
import { toV1 } from './toV1';

const write = process.argv.includes('--write');
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench:instructions needs valgrind (Debian: apt-get install valgrind)');
  process.exit(1);
}

const bodies = webhookCorpus(4);
const ordered = timeOrderedCorpus(bodies);
// The floor is honest only if it builds what the library builds.
assertFloorMatches(bodies);
assertFloorMatches(ordered);
const rows = bodies.map((body) => flattenTrack(toV1(libraryTrack(body))));
const dir = mkdtempSync(join(tmpdir(), 'customerio-segment-instructions-'));
const bundle = join(dir, 'library.mjs');
const data = join(dir, 'data.json');
const child = fileURLToPath(new URL('./instructionsChild.mjs', import.meta.url));

// Passes to warm up (JIT tiers, caches, young generation), twice (see instructionsChild.mjs), then passes
// counted; `--warm=N` and `--measured=N` change them (to check that more warm-up changes nothing).
const numberFlag = (name: string, fallback: number): number => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const [warm, measured] = [numberFlag('warm', 20), numberFlag('measured', 10)];

// Only the measured passes are counted: callgrind collects inside `Reflect.apply`, which the child
// calls once, around them. V8 runs without background threads, with predictable GC and a young
// generation of fixed size, after a full collection: so the count repeats to a few instructions.
async function instructions(workload: string, corpus: string): Promise<number> {
  const result = await spawnAsync(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      '--collect-atstart=no',
      '--toggle-collect=Builtins_ReflectApply',
      process.execPath,
      '--single-threaded',
      '--predictable',
      '--expose-gc',
      '--min-semi-space-size=16',
      '--max-semi-space-size=16',
      child,
      bundle,
      data,
      workload,
      corpus,
      String(warm),
      String(measured),
    ],
  );
  const collected = /Collected : (\d+)/.exec(result.stderr);
  if (result.status !== 0 || collected === null) throw new Error(`valgrind ${workload} failed: ${result.stderr.slice(-2000)}`);
  // A node binary without symbols gives no Builtins_ReflectApply to toggle on, and counts nothing.
  if (Number(collected[1]) === 0) throw new Error('callgrind counted nothing: does this node binary have symbols (Builtins_ReflectApply)?');
  return Number(collected[1]);
}

// Two children at a time: the counts do not depend on what else runs, and the machine has two cores.
function spawnAsync(command: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-64 * 1024);
    });
    child.on('error', reject).on('close', (status) => resolve({ status, stderr }));
  });
}
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}
const perEvent = async (workload: string | undefined, corpus: string, events: number): Promise<number | undefined> =>
  workload === undefined ? undefined : (await limited(() => instructions(workload, corpus))) / measured / events;

interface Row {
  name: string;
  corpus: string;
  baseline: string;
  floor?: string;
  subject: string;
  events: number;
  target: number;
}
const table: Row[] = [
  // As the webhook handler and the CLI do it: mapWebhook, one pass.
  { name: 'validate and map a webhook body, mapWebhook (random days)', corpus: 'random', baseline: 'parse', floor: 'floor', subject: 'fused', events: bodies.length, target: 1.3 },
  { name: 'validate and map a webhook body, mapWebhook (time order)', corpus: 'ordered', baseline: 'parse', floor: 'floor', subject: 'fused', events: bodies.length, target: 1.3 },
  { name: 'the same with safeParseWebhook and toSegmentTrack apart (random days)', corpus: 'random', baseline: 'parse', floor: 'floor', subject: 'pipeline', events: bodies.length, target: 1.3 },
  { name: 'the same with safeParseWebhook and toSegmentTrack apart (time order)', corpus: 'ordered', baseline: 'parse', floor: 'floor', subject: 'pipeline', events: bodies.length, target: 1.3 },
  { name: 'webhook bodies to a /v1/batch body string, mapWebhook (random days)', corpus: 'random', baseline: 'parseStringify', floor: 'floorBatch', subject: 'fusedBatch', events: bodies.length, target: 1.3 },
  { name: 'webhook bodies to a /v1/batch body string, mapWebhook (time order)', corpus: 'ordered', baseline: 'parseStringify', floor: 'floorBatch', subject: 'fusedBatch', events: bodies.length, target: 1.3 },
  { name: 'to a /v1/batch body string with the two apart (random days)', corpus: 'random', baseline: 'parseStringify', floor: 'floorBatch', subject: 'batch', events: bodies.length, target: 1.3 },
  { name: 'migrate a 1.0.0 warehouse row', corpus: 'random', baseline: 'copy', subject: 'migrate', events: rows.length, target: 2 },
];
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const lines: string[] = [];
try {
  writeFileSync(data, JSON.stringify({ corpora: { random: bodies, ordered }, rows, sentAt: '2026-11-22T12:00:00.000Z' }));
  await build({
    stdin: {
      contents: `export * from ${JSON.stringify(fileURLToPath(new URL('../src/index.ts', import.meta.url)))};\nexport { floorTrack } from ${JSON.stringify(fileURLToPath(new URL('./floor.ts', import.meta.url)))};`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    logLevel: 'error',
  });
  const selected = table.filter((row) => only === undefined || row.name.includes(only));
  const counts = await Promise.all(
    selected.map((row) => Promise.all([perEvent(row.baseline, row.corpus, row.events), perEvent(row.floor, row.corpus, row.events), perEvent(row.subject, row.corpus, row.events)])),
  );
  for (const [i, row] of selected.entries()) {
    const [base, floor, subject] = counts[i] as [number, number | undefined, number];
    const ratio = subject / base;
    const floorCells = floor === undefined ? '— | — |' : `${Math.round(floor)} (${(floor / base).toFixed(3)}×) | **${(subject / floor).toFixed(3)}×** |`;
    lines.push(`| ${row.name} | ${Math.round(base)} | ${floorCells} ${Math.round(subject)} | **${ratio.toFixed(3)}×** | ${row.target}× ${ratio <= row.target ? '✓' : '✗'} |`);
    console.log(lines.at(-1));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const text = [
  `Instructions per event (callgrind, ${measured} passes over the same corpora as above after ${warm} passes of warm-up, a full GC and ${warm} passes more); Node ${process.version}.`,
  '',
  '| what | baseline | floor (÷ baseline) | library ÷ floor | library | library ÷ baseline | target |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...lines,
].join('\n');
console.log(`\n${text}`);

if (write && only === undefined) {
  const path = new URL('../docs/performance.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  writeFileSync(path, replaceBetweenMarkers(doc, 'docs/performance.md', '<!-- instructions:start -->', '<!-- instructions:end -->', `\n${text}\n`));
}
