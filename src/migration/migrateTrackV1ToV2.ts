import { integrationVersion, sourceLibraryName, sourceLibraryVersion, v1IntegrationVersion } from '../catalog/integration';
import { isPlainObject } from '../json/isPlainObject';
import { setProperty } from '../json/setProperty';
import { trackVersionOf } from '../validation/trackVersionOf';
import { migrateFields } from './migrateFields';
import type { MigrationConflict, MigrationResult, NameLookup } from './MigrationResult';
import type { UnknownSegmentTrack } from '../catalog/segmentTrack';

// What the 2.0.0 source itself sends by default: no library of its own (the catalog's constants), and
// its events not sent back to Customer.io (the mapping's default).
const sendBack: UnknownSegmentTrack['integrations']['Customer.io'] = false;

/**
 * Migrates a `track` payload written by Customer.io's Segment source 1.0.0 to the 2.0.0 shape.
 *
 * A payload is 1.0.0 when `context.integration` is `{ name: "customer.io", version: "1.0.0" }`; anything
 * else (2.0.0, another source, no version) comes back as the same object with `changed: false`, which
 * is what makes the migration idempotent. The rules ("Differences between versions 1.0 and 2.0" on
 * https://customer.io/docs/journeys/segment-source/; `docs/migration.md`), on
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
  // The name too: a pipeline may carry other sources whose own integration is at a version 1.0.0.
  if (trackVersionOf(payload) !== v1IntegrationVersion) return { value: payload, changed: false, lookups: [], conflicts: [] };
  const context = payload.context as Record<string, unknown>;
  const integration = context.integration as Record<string, unknown>;
  const lookups: NameLookup[] = [];
  const conflicts: MigrationConflict[] = [];
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) {
    let field = payload[key];
    if (key === 'context') {
      const migrated: Record<string, unknown> = { ...context, integration: { ...integration, version: integrationVersion } };
      if (migrated.library === undefined) migrated.library = { name: sourceLibraryName, version: sourceLibraryVersion };
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
