// Maps example reporting webhooks of several channels to Segment track calls and prints them.
// Run with `npm run example`. In your code, import from 'customerio-segment' instead of '../src/index'.
import { readFileSync } from 'node:fs';
import { formatIssues, safeParseWebhook, toSegmentTrack } from '../src/index';

const lines = readFileSync(new URL('./webhooks.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean);

for (const [index, line] of lines.entries()) {
  const parsed = safeParseWebhook(JSON.parse(line));
  if (!parsed.success) {
    // A body that will never validate: a receiver answers 400 and logs the issues.
    console.log(`webhook ${index + 1} rejected:\n${formatIssues(parsed.issues)}`);
    continue;
  }
  const call = toSegmentTrack(parsed.value, { bodyContent: true });
  console.log(`webhook ${index + 1}: ${parsed.value.object_type}/${parsed.value.metric} → ${call.event}`);
  console.log(JSON.stringify(call, null, 2));
}
