import { v1IntegrationVersion } from '../catalog/integration';
import { migrateFields } from './migrateFields';
import type { MigrationConflict, MigrationResult, NameLookup } from './MigrationResult';

const versionColumn = 'context_integration_version';
// Snowflake stores Segment's unquoted column names upper-cased, and a row read from it has those keys.
const versionColumnUpper = 'CONTEXT_INTEGRATION_VERSION';

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
 * A row read from Snowflake has upper-case columns (`CONTEXT_INTEGRATION_VERSION`, `EMAIL_ID`): such a
 * row (one with `CONTEXT_INTEGRATION_VERSION` and no lower-case twin) is migrated by the same rules and
 * written back upper-case, new columns (`DELIVERY_ID`, `SUBJECT`) included, as Snowflake names them.
 *
 * @example
 * for (const row of rows) {
 *   const { value, lookups } = migrateWarehouseRowV1ToV2(row);
 * }
 */
export function migrateWarehouseRowV1ToV2<TRow extends { readonly [column: string]: unknown }>(
  row: TRow,
): MigrationResult<TRow | Record<string, unknown>> {
  if (row.context_integration_version !== v1IntegrationVersion) {
    if (row[versionColumnUpper] === v1IntegrationVersion && !Object.hasOwn(row, versionColumn)) return migrateUpperCaseRow(row);
    return { value: row, changed: false, lookups: [], conflicts: [] };
  }
  const lookups: NameLookup[] = [];
  const conflicts: MigrationConflict[] = [];
  const value = migrateFields(row, [], versionColumn, lookups, conflicts);
  return { value, changed: true, lookups, conflicts };
}

// The rules work on lower-case names: lower the keys, migrate, and give every column back its own
// spelling (a new column is upper-cased, the spelling the warehouse would give it).
function migrateUpperCaseRow(row: { readonly [column: string]: unknown }): MigrationResult<Record<string, unknown>> {
  const lower: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const original = new Map<string, string>();
  for (const key of Object.keys(row)) {
    const name = key.toLowerCase();
    // Two columns that differ only by case cannot both be read by lower-case rules: leave the row alone.
    if (original.has(name)) return { value: row, changed: false, lookups: [], conflicts: [] };
    original.set(name, key);
    Object.defineProperty(lower, name, { value: row[key], enumerable: true, writable: true, configurable: true });
  }
  const lookups: NameLookup[] = [];
  const conflicts: MigrationConflict[] = [];
  const migrated = migrateFields(lower, [], versionColumn, lookups, conflicts);
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(migrated)) {
    Object.defineProperty(value, original.get(key) ?? key.toUpperCase(), { value: migrated[key], enumerable: true, writable: true, configurable: true });
  }
  const upper = conflicts.map((c) => ({ ...c, path: c.path.map((p) => original.get(p) ?? p.toUpperCase()) }));
  return { value, changed: true, lookups, conflicts: upper };
}
