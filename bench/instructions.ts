// `npm run bench:instructions`: the benchmark's ratios counted in CPU instructions (valgrind's callgrind)
// instead of time. Instruction counts do not drift with the load of a shared machine: two runs agree to
// the sixth digit. They are not time (a cache miss costs one instruction), so they complement the timed
// ratios of `npm run bench` and do not replace them. Takes a few minutes; `--write` puts the table into
// docs/performance.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { safeParseWebhook, toSegmentTrack } from '../src/index';
import { flattenTrack } from '../test/fixtures/flattenTrack';
import { replaceBetweenMarkers } from '../scripts/replaceBetweenMarkers';
import { webhookCorpus } from './corpus';
import { toV1 } from './toV1';

const write = process.argv.includes('--write');
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench:instructions needs valgrind (Debian: apt-get install valgrind)');
  process.exit(1);
}

const bodies = webhookCorpus(4);
const rows = bodies.map((body) => {
  const parsed = safeParseWebhook(JSON.parse(body));
  if (!parsed.success) throw new Error('the corpus holds an invalid webhook');
  return flattenTrack(toV1(toSegmentTrack(parsed.value)));
});
const dir = mkdtempSync(join(tmpdir(), 'customerio-segment-instructions-'));
const library = join(dir, 'library.mjs');
const data = join(dir, 'data.json');
const child = fileURLToPath(new URL('./instructionsChild.mjs', import.meta.url));

// V8 without background threads and with predictable GC, so that the count repeats exactly.
function instructions(workload: string, iterations: number): number {
  const result = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable', child, library, data, workload, String(iterations)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const collected = /Collected : (\d+)/.exec(result.stderr);
  if (result.status !== 0 || collected === null) throw new Error(`valgrind ${workload} failed: ${result.stderr.slice(-2000)}`);
  return Number(collected[1]);
}

// The slope between a short and a long run: start-up, loading and JIT warm-up cancel out.
const [few, many] = [20, 60];
function perEvent(workload: string, events: number): number {
  return (instructions(workload, many) - instructions(workload, few)) / (many - few) / events;
}

const pairs = [
  { name: 'validate and map a webhook body', baseline: 'parse', subject: 'pipeline', events: bodies.length, target: 1.3 },
  { name: 'webhook bodies to a /v1/batch body string', baseline: 'parseStringify', subject: 'batch', events: bodies.length, target: 1.15 },
  { name: 'migrate a 1.0.0 warehouse row', baseline: 'copy', subject: 'migrate', events: rows.length, target: 2 },
];
const lines: string[] = [];
try {
  writeFileSync(data, JSON.stringify({ bodies, rows, sentAt: '2026-11-22T12:00:00.000Z' }));
  await build({ entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'node', outfile: library, logLevel: 'error' });
  for (const pair of pairs) {
    const base = perEvent(pair.baseline, pair.events);
    const subject = perEvent(pair.subject, pair.events);
    const ratio = subject / base;
    lines.push(`| ${pair.name} | ${Math.round(base)} | ${Math.round(subject)} | **${ratio.toFixed(2)}×** | ${pair.target}× |`);
    console.log(lines.at(-1));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  `Instructions per event (callgrind, slope between ${few} and ${many} passes over the same corpus as above); Node ${process.version}.`,
  '',
  '| what | baseline | library | ratio | time target |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...lines,
].join('\n');
console.log(`\n${table}`);

if (write) {
  const path = new URL('../docs/performance.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  writeFileSync(path, replaceBetweenMarkers(doc, 'docs/performance.md', '<!-- instructions:start -->', '<!-- instructions:end -->', `\n${table}\n`));
}
