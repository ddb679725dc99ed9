// `npm run bench`: the cost of this library per event, as ratios against baselines measured in the
// same run (never asserted in tests). `--short` runs a quick pass (CI keeps the benchmark working);
// `--write` puts the table into docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { measure } from 'mitata';
import { safeParseWebhook, toSegmentTrack } from '../src/index';
import { replaceBetweenMarkers } from '../scripts/replaceBetweenMarkers';
import { webhookCorpus } from './corpus';
import type { Comparison } from './comparison';
import { cliComparison, extraComparisons } from './extra';
import { toV1 } from './toV1';
import { median } from './median';

const short = process.argv.includes('--short');
const write = process.argv.includes('--write');

let sink: unknown;

async function nsPerEvent(run: () => unknown, events: number): Promise<number> {
  const stats = await measure(
    () => {
      const result = run();
      if (result !== undefined) sink = result;
    },
    short ? { min_cpu_time: 50e6, max_samples: 20 } : { min_cpu_time: 300e6, min_samples: 20 },
  );
  // The median sample: robust against the other core's noise on a 2-core machine.
  return stats.p50 / events;
}

// Baseline and subject are measured in adjacent pairs, and the ratio is the median of the pairs' ratios:
// the speed of a shared 2-core machine drifts by tens of percent within a minute, and a pair measured
// back to back drifts far less than two measurements made apart.
const rounds = short ? 1 : 9;

const bodies = webhookCorpus(short ? 1 : 4);

const comparisons: Comparison[] = [
  {
    name: 'validate and map a webhook body',
    // As a receiver does: each result is used and let go before the next body.
    baseline: {
      label: 'JSON.parse',
      run: () => {
        for (const body of bodies) sink = JSON.parse(body);
      },
    },
    subject: {
      label: 'JSON.parse + safeParseWebhook + toSegmentTrack',
      run: () => {
        for (const body of bodies) {
          const parsed = safeParseWebhook(JSON.parse(body));
          sink = parsed.success ? toSegmentTrack(parsed.value) : parsed.issues;
        }
      },
    },
    events: bodies.length,
    target: 1.3,
  },
  ...(await extraComparisons({ bodies, short })),
];

const rows: string[] = [];
for (const comparison of comparisons) {
  const bases: number[] = [];
  const subjects: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Which goes first alternates, so that neither always runs on a warmer (or colder) machine.
    const first = round % 2 === 0 ? comparison.baseline : comparison.subject;
    const firstNs = await nsPerEvent(first.run, comparison.events);
    const secondNs = await nsPerEvent((first === comparison.baseline ? comparison.subject : comparison.baseline).run, comparison.events);
    const [base, subject] = first === comparison.baseline ? [firstNs, secondNs] : [secondNs, firstNs];
    bases.push(base);
    subjects.push(subject);
    ratios.push(subject / base);
  }
  const base = median(bases);
  const subject = median(subjects);
  const ratio = median(ratios);
  rows.push(
    `| ${comparison.name} | ${comparison.baseline.label}: ${base.toFixed(0)} ns | ${comparison.subject.label}: ${subject.toFixed(0)} ns | **${ratio.toFixed(2)}×** (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) | ≤ ${comparison.target}× ${ratio <= comparison.target ? '✓' : '✗'} |`,
  );
  console.log(rows.at(-1));
}
void sink;

// The CLI's migrate on NDJSON files of 1.0.0 payloads, made from the corpus.
const v1Lines = bodies.map((body) => {
  const parsed = safeParseWebhook(JSON.parse(body));
  if (!parsed.success) throw new Error('the corpus holds an invalid webhook');
  return JSON.stringify(toV1(toSegmentTrack(parsed.value)));
});
const cli = await cliComparison({ short, lines: v1Lines });

const table = [
  `Corpus: ${bodies.length} webhook bodies, ${Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length)} bytes on average; Node ${process.version}, ${short ? 'short run' : 'full run'}.`,
  '',
  '| what | baseline (per event) | library (per event) | ratio (range of the pairs) | target |',
  '| --- | --- | --- | ---: | --- |',
  ...rows,
  '',
  '`customerio-segment migrate` against a bare Node loop (`JSON.parse` + `JSON.stringify` per line) on the same file of 1.0.0 payloads:',
  '',
  '| input | bare loop | CLI `migrate` | CLI / bare (lines/s) | target |',
  '| --- | --- | --- | ---: | --- |',
  ...cli.rows,
  '',
  cli.rss,
].join('\n');
console.log(`\n${table}`);

if (write) {
  const path = new URL('../docs/performance.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  writeFileSync(path, replaceBetweenMarkers(doc, 'docs/performance.md', '<!-- bench:start -->', '<!-- bench:end -->', `\n${table}\n`));
}
