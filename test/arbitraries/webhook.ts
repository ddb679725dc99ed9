import fc from 'fast-check';
import { attributionFields, fieldTypes } from '../../src/catalog/catalog';
import { type CatalogEntry, catalogEntries } from '../../src/catalog/catalogEntries';
import type { ReportingWebhook } from '../../src/index';

/** Names the generator never uses for unknown extra fields (catalog fields and names the mapping writes). */
const reserved = new Set<string>([...Object.keys(fieldTypes), 'userId', 'cio_id', 'link', 'identifiers']);

/** A Customer.io-like id: ULID characters. */
export const eventIdArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);

/** Unix seconds from 1970 up to (not including) the milliseconds threshold. */
export const unixSecondsArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1_300_000_000, max: 2_500_000_000 }),
  fc.integer({ min: 0, max: 1e11 - 1 }),
);

export const emailArbitrary: fc.Arbitrary<string> = fc.emailAddress({ size: 'small' }).filter((e) => !/[/:]/.test(e));
export const phoneArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^\+?[1-9][0-9]{7,14}$/);
export const slackChannelArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^#[a-z][a-z0-9-]{0,20}$/);
export const urlArbitrary: fc.Arbitrary<string> = fc.webUrl({ size: 'small' });

/** Text of any kind, multibyte included. */
export const textArbitrary: fc.Arbitrary<string> = fc.string({ unit: 'grapheme', maxLength: 40 });

function recipientArbitrary(objectType: string): fc.Arbitrary<string> {
  switch (objectType) {
    case 'email':
      return emailArbitrary;
    case 'sms':
    case 'whatsapp':
      return phoneArbitrary;
    case 'slack':
      return slackChannelArbitrary;
    case 'webhook':
      return urlArbitrary;
    default:
      return fc.oneof(emailArbitrary, textArbitrary);
  }
}

const pushRecipientArbitrary = fc.record(
  {
    device_id: fc.stringMatching(/^[0-9a-f]{16,64}$/),
    device_platform: fc.constantFrom('ios', 'android'),
    failure_message: textArbitrary,
  },
  { requiredKeys: ['device_id'], noNullPrototype: true },
);

/** A value of a catalog field's JSON type (`recipient` shaped by channel). */
export function fieldValueArbitrary(field: string, objectType: string): fc.Arbitrary<unknown> {
  if (field === 'recipient') return recipientArbitrary(objectType);
  if (field === 'href') return urlArbitrary;
  if (field === 'email_address') return fc.option(emailArbitrary, { nil: null });
  const type = fieldTypes[field as keyof typeof fieldTypes];
  switch (type) {
    case 'string':
      return textArbitrary;
    case 'integer':
      return fc.integer({ min: 0, max: 2 ** 31 });
    case 'boolean':
      return fc.boolean();
    case 'string|null':
      return fc.option(textArbitrary, { nil: null });
    case 'integer|null':
      return fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: null });
    case 'integer|string':
      return fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.stringMatching(/^[a-z]?[0-9]{1,6}$/));
    case 'object':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.array(textArbitrary, { maxLength: 3 }), {
        maxKeys: 3,
        noNullPrototype: true,
      });
    case 'recipients':
      return fc.array(pushRecipientArbitrary, { minLength: 1, maxLength: 3 });
    case 'identifiers':
      return identifiersArbitrary;
    default:
      throw new Error(`no arbitrary for field ${field}`);
  }
}

/** Identifiers that always name someone: an id, an email or a cio_id (at least one). */
export const identifiersArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      id: fc.option(fc.string({ minLength: 1, maxLength: 24 }), { nil: null }),
      email: fc.option(emailArbitrary, { nil: null }),
      cio_id: fc.stringMatching(/^[0-9a-f]{6,20}$/),
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .filter((i) => (typeof i.id === 'string' && i.id !== '') || typeof i.email === 'string' || i.cio_id !== undefined);

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
