import fc from 'fast-check';
import { toSegmentTrack } from '../../src/index';
import { flattenTrack } from '../fixtures/flattenTrack';
import { anyWebhookArbitrary, textArbitrary } from './webhook';

export { flattenTrack };

/** The 1.0.0-only properties/columns (seed 004, "Differences between versions 1.0 and 2.0"). */
export const v1OnlyKeys = [
  'email_id',
  'email_subject',
  'action_name',
  'campaign_name',
  'newsletter_name',
  'transactional_message_name',
] as const;

/** id key → name key of the four lookups seed 004 says 2.0.0 dropped. */
export const namePairs = [
  ['action_id', 'action_name'],
  ['campaign_id', 'campaign_name'],
  ['newsletter_id', 'newsletter_name'],
  ['transactional_message_id', 'transactional_message_name'],
] as const;

type Json = Record<string, unknown>;

const hasV1Key = (object: Json): boolean => v1OnlyKeys.some((k) => Object.hasOwn(object, k));

/** A 2.0.0 call as `toSegmentTrack` makes it, without a stray unknown field named like a 1.0.0 one. */
export const v2TrackArbitrary: fc.Arbitrary<Json> = fc
  .tuple(anyWebhookArbitrary, fc.boolean(), fc.boolean())
  .map(([webhook, bodyContent, back]) => toSegmentTrack(webhook, { bodyContent, sendBackToCustomerIo: back }) as unknown as Json)
  .filter((call) => !hasV1Key(call.properties as Json));

/** The choices that turn one 2.0.0 object into a 1.0.0 one. */
export interface V1Choices {
  /** 1.0.0 wrote `email_id` (= delivery_id); with this, the object keeps only `email_id`. */
  readonly onlyEmailId: boolean;
  /** A name per lookup kind, used when the object has that id. */
  readonly names: readonly [string, string, string, string];
  /** Add NULL 1.0.0 columns where the object has no value, as a warehouse row would. */
  readonly nullColumns: boolean;
}

export const v1ChoicesArbitrary: fc.Arbitrary<V1Choices> = fc.record({
  onlyEmailId: fc.boolean(),
  names: fc.tuple(textArbitrary, textArbitrary, textArbitrary, textArbitrary),
  nullColumns: fc.boolean(),
});

const present = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Writes a flat 2.0.0 object (properties, or a row) the way 1.0.0 did: `email_id` = `delivery_id`,
 * `subject` renamed `email_subject`, a name next to every id. Returns it with the lookups 1.0.0 carried.
 */
export function toV1Fields(v2: Json, choices: V1Choices): { v1: Json; lookups: { id: unknown; name: string; key: string }[] } {
  const v1: Json = {};
  for (const key of Object.keys(v2)) {
    const value = v2[key];
    if (key === 'delivery_id' && present(value)) {
      if (!choices.onlyEmailId) v1.delivery_id = value;
      v1.email_id = value;
    } else if (key === 'subject' && present(value)) v1.email_subject = value;
    // An unknown field may be named `__proto__` (JSON.parse makes it an own property): keep it one.
    else Object.defineProperty(v1, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const lookups: { id: unknown; name: string; key: string }[] = [];
  namePairs.forEach(([idKey, nameKey], i) => {
    const name = choices.names[i] as string;
    if (present(v2[idKey])) {
      v1[nameKey] = name;
      lookups.push({ id: v2[idKey], name, key: nameKey });
    } else if (choices.nullColumns) v1[nameKey] = null;
  });
  if (choices.nullColumns) {
    if (!('email_id' in v1)) v1.email_id = null;
    if (!('email_subject' in v1)) v1.email_subject = null;
  }
  return { v1, lookups };
}

/** A 1.0.0 payload, the 2.0.0 call it must migrate to, and the lookups it carries. */
export interface V1TrackCase {
  readonly v1: Json;
  readonly v2: Json;
  readonly lookups: readonly { id: unknown; name: string; key: string }[];
}

/** A 1.0.0 payload built from a 2.0.0 call (seed 004 backwards), with the call it must become. */
export const v1TrackArbitrary: fc.Arbitrary<V1TrackCase> = fc.tuple(v2TrackArbitrary, v1ChoicesArbitrary).map(([v2, choices]) => {
  const { v1: properties, lookups } = toV1Fields(v2.properties as Json, { ...choices, nullColumns: false });
  const context = v2.context as Json;
  const v1 = { ...v2, context: { ...context, integration: { name: 'customer.io', version: '1.0.0' } }, properties };
  return { v1, v2, lookups };
});

/** A flattened 2.0.0 row (segment.md §5) without a stray column named like a 1.0.0 one. */
export const v2RowArbitrary: fc.Arbitrary<Json> = v2TrackArbitrary.map(flattenTrack).filter((row) => !hasV1Key(row));

/** A 1.0.0 warehouse row built from a flattened 2.0.0 one, the row it must become, and its lookups. */
export const v1RowArbitrary: fc.Arbitrary<V1TrackCase> = fc.tuple(v2RowArbitrary, v1ChoicesArbitrary).map(([v2, choices]) => {
  const { v1, lookups } = toV1Fields(v2, choices);
  v1.context_integration_version = '1.0.0';
  return { v1, v2, lookups };
});

/** A 1.0.0 row whose data contradicts itself: each contradiction present or not. */
export const conflictingV1RowArbitrary: fc.Arbitrary<Json> = fc
  .tuple(
    v1RowArbitrary,
    fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom(...namePairs), textArbitrary), { nil: undefined }),
  )
  .map(([{ v1 }, emailId, emailSubject, orphan]) => {
    const row = { ...v1 };
    if (emailId !== undefined) {
      row.email_id = emailId;
      if (!present(row.delivery_id)) row.delivery_id = `${emailId}-other`;
    }
    if (emailSubject !== undefined) {
      row.email_subject = emailSubject;
      if (!present(row.subject)) row.subject = `${emailSubject}-other`;
    }
    if (orphan !== undefined) {
      const [[idKey, nameKey], name] = orphan;
      delete row[idKey];
      row[nameKey] = name;
    }
    return row;
  });
