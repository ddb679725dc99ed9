// The benchmark corpus: webhook bodies as strings, covering every catalog entry in a fixed mix.
//
// Customer.io sends the same set of fields for every event of a kind, so the generated bodies use fixed
// field sets (one per attribution variant: campaign, broadcast, newsletter) with seeded random values,
// rather than the test arbitraries' random subsets of fields, which no real sender produces.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type CatalogEntry, catalogEntries } from '../src/catalog/catalogEntries';
import { emailArbitrary, fieldValueArbitrary } from '../test/fixtures/webhookValues';
import { seedFixtureNames } from '../test/fixtures/seedFixtures';

const variants = [
  ['campaign_id', 'action_id', 'delivery_id', 'journey_id', 'parent_action_id', 'trigger_event_id'],
  ['broadcast_id', 'action_id', 'delivery_id', 'trigger_id'],
  ['newsletter_id', 'delivery_id', 'content_id'],
] as const;

const textArbitrary = fc.string({ minLength: 4, maxLength: 60 });

function bodyArbitrary(entry: CatalogEntry, variant: readonly string[]): fc.Arbitrary<string> {
  const subscription = entry.metric === 'subscribed' || (entry.objectType === 'customer' && entry.metric === 'unsubscribed');
  const fields = subscription ? ['customer_id', ...entry.fields] : [...variant, 'customer_id', ...entry.fields];
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) {
    shape[field] = ['subject', 'failure_message', 'content'].includes(field) ? textArbitrary : fieldValueArbitrary(field, entry.objectType);
  }
  shape.identifiers = fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,16}$/), email: emailArbitrary, cio_id: fc.stringMatching(/^[0-9a-f]{12}$/) });
  return fc
    .record({
      event_id: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      object_type: fc.constant(entry.objectType),
      metric: fc.constant(entry.metric),
      timestamp: fc.integer({ min: 1_500_000_000, max: 1_800_000_000 }),
      data: fc.record(shape, { noNullPrototype: true }),
    })
    .map((webhook) => JSON.stringify(webhook));
}

/** Builds the corpus: the seed fixtures and examples, then `perVariant` seeded bodies per entry and variant. */
export function webhookCorpus(perVariant = 4): string[] {
  const bodies: string[] = [];
  for (const name of seedFixtureNames) {
    const fixture = JSON.parse(readFileSync(new URL(`../test/fixtures/seed-004/${name}.webhook.json`, import.meta.url), 'utf8'));
    bodies.push(JSON.stringify(fixture.webhook));
  }
  for (const line of readFileSync(new URL('../examples/webhooks.ndjson', import.meta.url), 'utf8').split('\n')) {
    if (line.trim() !== '' && !line.includes('1613063089000')) bodies.push(line);
  }
  catalogEntries.forEach((entry, index) => {
    variants.forEach((variant, v) => {
      bodies.push(...fc.sample(bodyArbitrary(entry, variant), { numRuns: perVariant, seed: 20261122 + index * 7 + v }));
    });
  });
  return bodies;
}

/**
 * The same bodies in time order, as a receiver gets them: consecutive events 1 to 10 seconds apart
 * (seeded), from 2026-11-22, so that neighbours share a day and often a minute.
 */
export function timeOrderedCorpus(bodies: readonly string[]): string[] {
  const gaps = fc.sample(fc.integer({ min: 1, max: 10 }), { numRuns: bodies.length, seed: 20261130 });
  let timestamp = 1_795_392_000;
  return bodies.map((body, i) => {
    const webhook = JSON.parse(body) as { timestamp: number };
    timestamp += gaps[i] as number;
    webhook.timestamp = timestamp;
    return JSON.stringify(webhook);
  });
}
