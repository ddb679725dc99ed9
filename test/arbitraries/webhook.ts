import fc from 'fast-check';
import { attributionFields, fieldTypes } from '../../src/catalog/catalog';
import { type CatalogEntry, catalogEntries } from '../../src/catalog/catalogEntries';
import type { ReportingWebhook } from '../../src/index';
import { eventIdArbitrary, unixSecondsArbitrary, emailArbitrary, phoneArbitrary, slackChannelArbitrary, urlArbitrary, textArbitrary, fieldValueArbitrary, identifiersArbitrary } from '../fixtures/webhookValues';

export { eventIdArbitrary, unixSecondsArbitrary, emailArbitrary, phoneArbitrary, slackChannelArbitrary, urlArbitrary, textArbitrary, fieldValueArbitrary, identifiersArbitrary };

/** Names the generator never uses for unknown extra fields (catalog fields and names the mapping writes). */
const reserved = new Set<string>([...Object.keys(fieldTypes), 'userId', 'cio_id', 'link', 'identifiers']);


/** Extra `data` fields the catalog does not know: they must be carried through untouched. */
export const extraFieldsArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 16 }).filter((k) => !reserved.has(k)),
  // Through JSON text, as a webhook body arrives (so -0 is 0, as JSON.stringify writes it).
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown),
  { maxKeys: 3, noNullPrototype: true },
);

/** The `data` object of one catalog entry: some attribution fields, some own fields, identifiers, extras. */
export function dataArbitrary(entry: CatalogEntry): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of [...attributionFields, ...entry.fields]) shape[field] = fieldValueArbitrary(field, entry.objectType);
  return fc
    .tuple(fc.record(shape, { requiredKeys: ['identifiers'], noNullPrototype: true }), extraFieldsArbitrary)
    .map(([known, extra]) => ({ ...extra, ...known }));
}

/** A valid webhook of one catalog entry. */
export function webhookArbitrary(entry: CatalogEntry): fc.Arbitrary<ReportingWebhook> {
  return fc
    .record({
      event_id: eventIdArbitrary,
      object_type: fc.constant(entry.objectType),
      metric: fc.constant(entry.metric),
      timestamp: unixSecondsArbitrary,
      data: dataArbitrary(entry),
    })
    .map((w) => w as unknown as ReportingWebhook);
}

/** A valid webhook of any catalog entry, every entry equally likely. */
export const anyWebhookArbitrary: fc.Arbitrary<ReportingWebhook> = fc.oneof(...catalogEntries.map(webhookArbitrary));
