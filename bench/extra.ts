import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateWarehouseRowV1ToV2, safeParseWebhook, toSegmentTrack } from '../src/index';
import { flattenTrack } from '../test/fixtures/flattenTrack';
import { buildCli } from '../scripts/buildCli';
import type { Comparison } from './comparison';
import { median } from './median';
import { toV1 } from './toV1';

/** The comparison of the migration pipeline (bench/floorComparisons.ts has the mapping and batching ones). */
export async function extraComparisons({ bodies }: { bodies: string[]; short: boolean }): Promise<Comparison[]> {
  const mapped = bodies.map((body) => {
    const parsed = safeParseWebhook(JSON.parse(body));
    if (!parsed.success) throw new Error('the corpus holds an invalid webhook');
    return toSegmentTrack(parsed.value);
  });
  // Rows as a pipeline gets them, from JSON.parse of an export (or a driver): built key by key here, a
  // fifth of them would be in V8's dictionary mode, where the baseline's copy is several times slower
  // and the ratio looks better than it is.
  const rows = mapped.map((call) => JSON.parse(JSON.stringify(flattenTrack(toV1(call)))) as Record<string, unknown>);
  return [
    {
      name: 'migrate a 1.0.0 warehouse row',
      // As a pipeline does: each row is migrated, written and let go.
      baseline: {
        label: 'a plain object copy of the row',
        run: () => {
          let last: unknown;
          for (const row of rows) last = { ...row };
          return last;
        },
      },
      subject: {
        label: 'migrateWarehouseRowV1ToV2',
        run: () => {
          let last: unknown;
          for (const row of rows) last = migrateWarehouseRowV1ToV2(row);
          return last;
        },
      },
      events: rows.length,
      target: 2,
    },
  ];
}

function timed(args: string[]): { seconds: number; peakRssMb: number } {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', fileURLToPath(new URL('./rss.mjs', import.meta.url)), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  const stderr = child.stderr;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { seconds, peakRssMb: rssKb / 1024 };
}

/**
 * The CLI's `migrate` against a bare Node loop over the same NDJSON file (JSON.parse + JSON.stringify
 * per line): lines per second and peak RSS of both, on a small and a large file.
 */
export async function cliComparison({ short, lines }: { short: boolean; lines: string[] }): Promise<{ rows: string[]; rss: string }> {
  const cli = await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'customerio-segment-bench-'));
  const sizes = short ? [2, 8] : [20, 200];
  const rows: string[] = [];
  const peaks: number[] = [];
  try {
    for (const megabytes of sizes) {
      const file = join(dir, `v1-${megabytes}mb.ndjson`);
      const chunk = `${lines.join('\n')}\n`;
      const copies = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(chunk));
      writeFileSync(file, chunk.repeat(copies));
      const count = lines.length * copies;
      const bytes = statSync(file).size;
      // Alternating runs; the median ratio of the pairs, the median speeds, the highest peak RSS.
      const pairs = Array.from({ length: short ? 1 : 3 }, (_, round) => {
        const runBare = () => timed([fileURLToPath(new URL('./bareLoop.mjs', import.meta.url)), file, join(dir, 'bare.out')]);
        const runOurs = () => timed([cli, 'migrate', '--input', file, '--output', join(dir, 'cli.out')]);
        if (round % 2 === 0) {
          const bare = runBare();
          return { bare, ours: runOurs() };
        }
        const ours = runOurs();
        return { bare: runBare(), ours };
      });
      const ratio = median(pairs.map((p) => p.bare.seconds / p.ours.seconds));
      const bareSpeed = median(pairs.map((p) => count / p.bare.seconds));
      const ourSpeed = median(pairs.map((p) => count / p.ours.seconds));
      const bareRss = Math.max(...pairs.map((p) => p.bare.peakRssMb));
      const ourRss = Math.max(...pairs.map((p) => p.ours.peakRssMb));
      peaks.push(ourRss);
      rows.push(
        `| ${(bytes / 1048576).toFixed(0)} MB, ${count} lines | ${bareSpeed.toFixed(0)} lines/s, ${bareRss.toFixed(0)} MB | ${ourSpeed.toFixed(0)} lines/s, ${ourRss.toFixed(0)} MB | **${(ratio * 100).toFixed(0)} %** | ≥ 75 % ${ratio >= 0.75 ? '✓' : '✗'} |`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [small, large] = peaks as [number, number];
  const growth = large / small - 1;
  const rss = `Peak RSS of \`migrate\`, ${sizes[0]} MB vs ${sizes[1]} MB of input: ${small.toFixed(0)} MB vs ${large.toFixed(0)} MB, **${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %** (target: flat within 20 % ${Math.abs(growth) <= 0.2 ? '✓' : '✗'}).`;
  console.log(rss);
  return { rows, rss };
}
