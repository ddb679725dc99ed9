// `npm run bench:cli`: only the CLI part of `npm run bench` (migrate against the bare loop, peak RSS).
import { safeParseWebhook, toSegmentTrack } from '../src/index';
import { webhookCorpus } from './corpus';
import { cliComparison } from './extra';
import { toV1 } from './toV1';

const short = process.argv.includes('--short');
const bodies = webhookCorpus(short ? 1 : 4);
const v1Lines = bodies.map((body) => {
  const parsed = safeParseWebhook(JSON.parse(body));
  if (!parsed.success) throw new Error('the corpus holds an invalid webhook');
  return JSON.stringify(toV1(toSegmentTrack(parsed.value)));
});
await cliComparison({ short, lines: v1Lines });
