import { v1IntegrationVersion } from '../catalog/integration';
import { migrateFields } from './migrateFields';
import type { MigrationConflict, MigrationResult, NameLookup } from './MigrationResult';

/**
 * Migrates one flattened warehouse row (Segment's warehouse schema, https://segment.com/docs/connections/storage/warehouses/schema/: `email_id`, `email_subject`, `campaign_name`,
 * `context_integration_version`, …) written by Customer.io's Segment source 1.0.0 to the 2.0.0 shape.
 *
 * A row is 1.0.0 when its `context_integration_version` column is exactly `"1.0.0"`, the same test the SQL
 * of `migrationSql` makes; any other row is returned as the same object with `changed: false`. The rules
 * are those of {@link migrateTrackV1ToV2}, applied to the row's columns, because Segment flattens
 * `properties` without a prefix. A NULL column is an absent one: warehouses fill every column an event
 * never had with NULL. Pure: the input is never mutated.
 *
 * @example
 * for (const row of rows) {
 *   const { value, lookups } = migrateWarehouseRowV1ToV2(row);
 * }
 */
export function migrateWarehouseRowV1ToV2<TRow extends { readonly [column: string]: unknown }>(
  row: TRow,
): MigrationResult<TRow | Record<string, unknown>> {
  if (row.context_integration_version !== v1IntegrationVersion) return { value: row, changed: false, lookups: [], conflicts: [] };
  const lookups: NameLookup[] = [];
  const conflicts: MigrationConflict[] = [];
  const value = migrateFields(row, [], 'context_integration_version', lookups, conflicts);
  return { value, changed: true, lookups, conflicts };
}
