// `npm run size`: bundles, minifies and gzips what a user imports from the built package, and fails
// when a budget is exceeded. Sizes are deterministic, so CI can enforce them.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';


/** What a user imports, and the most its minified and gzipped bundle may weigh (bytes). */
export const budgets: { name: string; imports: string; budget: number; entry?: string }[] = [
  // Raised from 3 and 5 KiB when the mapping began to check its options' event names once (with a
  // "did you mean" for typos), to keep colliding field names apart, to read email recipient lists and to
  // refuse unvalidated input with a TypeError: each a promise that nothing is lost or altered silently.
  { name: 'toSegmentTrack', imports: '{ toSegmentTrack }', budget: 4 * 1024 },
  { name: 'safeParseWebhook + toSegmentTrack', imports: '{ safeParseWebhook, toSegmentTrack }', budget: 6 * 1024 },
  // A whole receiver (verification, validation, mapping, Send Frequency, the handler, the sender): what a Worker bundles.
  // One pass over a body: what a pipeline that validates and maps bundles.
  { name: 'mapWebhook', imports: '{ mapWebhook }', budget: 6 * 1024 },
  // 13 KiB since batching counts bytes only near a limit and takes small batches whole (faster, larger).
  { name: 'createWebhookHandler', imports: '{ createWebhookHandler }', budget: 13 * 1024 },
  // The sender, the Redis store and the signing helpers (with their failure messages) took it past 12 KiB,
  // the webhook handler past 17 KiB, and mapWebhook (one pass) past 20 KiB.
  { name: 'every export of the main entry', imports: '* as all', budget: 22 * 1024 },
  { name: 'customerio-segment/sql (not budgeted)', imports: '* as all', budget: Number.POSITIVE_INFINITY, entry: 'sql' },
];

async function bundledSize(imports: string, entryName: string): Promise<{ minified: number; gzipped: number }> {
  const entry = fileURLToPath(new URL(`../dist/${entryName}.js`, import.meta.url));
  const used = imports.startsWith('*') ? 'all' : imports.slice(1, -1).trim().split(/\s*,\s*/).join(', ');
  const result = await build({
    stdin: { contents: `import ${imports} from ${JSON.stringify(entry)};\nconsole.log(${used});`, resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

let failed = false;
console.log('| import | minified | min+gzip | budget |');
console.log('| --- | ---: | ---: | ---: |');
for (const { name, imports, budget, entry = 'index' } of budgets) {
  const { minified, gzipped } = await bundledSize(imports, entry);
  const over = gzipped > budget;
  failed ||= over;
  console.log(`| ${name} | ${minified} B | ${gzipped} B | ${Number.isFinite(budget) ? `${budget} B` : '—'}${over ? ' **over**' : ''} |`);
}
if (failed) {
  console.error('size: over budget');
  process.exit(1);
}
