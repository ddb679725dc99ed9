import { isPlainObject } from '../json/isPlainObject';
import { migrateFields } from './migrateFields';
import { setProperty } from '../json/setProperty';
import type { MigrationConflict, MigrationResult, NameLookup } from './MigrationResult';
import type { TrackContext, UnknownSegmentTrack } from '../catalog/segmentTrack';

// What the 2.0.0 source itself sends in every call (the types pin the values to those of the mapping):
// it has no library of its own, and does not send its events back to Customer.io unless asked to.
const sourceLibrary: TrackContext['library'] = { name: 'unknown', version: 'unknown' };
const sendBack: UnknownSegmentTrack['integrations']['Customer.io'] = false;

/**
 * Migrates a `track` payload written by Customer.io's Segment source 1.0.0 to the 2.0.0 shape.
 *
 * A payload is 1.0.0 when `context.integration` is `{ name: "customer.io", version: "1.0.0" }`; anything
 * else (2.0.0, another source, no version) comes back as the same object with `changed: false`, which
 * is what makes the migration idempotent. The rules (seed 004, "Differences between versions 1.0 and 2.0"), on
 * `properties`:
 * - `context.integration.version` becomes `"2.0.0"`;
 * - `email_id` is dropped when it equals `delivery_id`, becomes `delivery_id` when that is absent, and
 *   is kept (with a conflict) when they differ;
 * - `email_subject` becomes `subject` by the same three rules;
 * - `action_name`, `campaign_name`, `newsletter_name`, `transactional_message_name` are dropped and
 *   returned in `lookups` with their id; a name without its id is kept (with a conflict).
 *
 * `null` counts as absent, and a null 1.0.0-only field is removed. Every other field passes through in
 * its place; a renamed field takes the place of the old one. Pure: the input is never mutated.
 *
 * 2.0.0 requires `context.library` and `integrations["Customer.io"]`, which 1.0.0 calls may lack: a
 * missing one gets the value the 2.0.0 source sends in every call (`{ name: "unknown", version:
 * "unknown" }`, and `false`: the source does not send its events back to Customer.io unless asked), so
 * that the result is a valid 2.0.0 call. A `messageId` is never invented: Segment gives every call one.
 *
 * @example
 * const { value, lookups, conflicts } = migrateTrackV1ToV2(JSON.parse(line));
 */
export function migrateTrackV1ToV2<TPayload extends { readonly [key: string]: unknown }>(
  payload: TPayload,
): MigrationResult<TPayload | Record<string, unknown>> {
  const context = payload.context;
  const integration = isPlainObject(context) ? context.integration : undefined;
  // The name too: a pipeline may carry other sources whose own integration is at a version 1.0.0.
  if (!isPlainObject(context) || !isPlainObject(integration) || integration.name !== 'customer.io' || integration.version !== '1.0.0') {
    return { value: payload, changed: false, lookups: [], conflicts: [] };
  }
  const lookups: NameLookup[] = [];
  const conflicts: MigrationConflict[] = [];
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) {
    let field = payload[key];
    if (key === 'context') {
      const migrated: Record<string, unknown> = { ...context, integration: { ...integration, version: '2.0.0' } };
      if (migrated.library === undefined) migrated.library = { ...sourceLibrary };
      field = migrated;
    } else if (key === 'integrations' && isPlainObject(field) && field['Customer.io'] === undefined) {
      field = { ...field, 'Customer.io': sendBack };
    } else if (key === 'properties' && isPlainObject(field)) {
      field = migrateFields(field, ['properties'], undefined, lookups, conflicts);
    }
    setProperty(value, key, field);
  }
  if (payload.integrations === undefined) value.integrations = { 'Customer.io': sendBack };
  return { value, changed: true, lookups, conflicts };
}
