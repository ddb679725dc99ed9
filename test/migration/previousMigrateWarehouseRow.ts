// migrateWarehouseRowV1ToV2 and migrateFields as they were before the row migration was made cheaper:
// the oracle of test/migration/migrateWarehouseRowOracle.test.ts. Kept as they were, names aside.
import { integrationVersion, v1IntegrationVersion } from '../../src/catalog/integration';
import { lookupColumns } from '../../src/catalog/lookupColumns';
import { movedColumns } from '../../src/catalog/movedColumns';
import { setProperty } from '../../src/json/setProperty';
import type { MigrationConflict, MigrationResult, NameLookup } from '../../src/migration/MigrationResult';

// A watched key the input does not have (a key it has with the value undefined is still "had").
const absent = { absent: true } as const;

// Warehouse rows hold NULL for columns an event never had, so null means absent everywhere here.
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== absent;
}

// The watched columns in a fixed order: each moved pair (old, new), then each lookup (id, name). The
// pickup reads them into an array in this order; the rules read the array through these positions.
const movedOld = (pair: number): number => 2 * pair;
const movedNew = (pair: number): number => 2 * pair + 1;
const lookupId = (lookup: number): number => 2 * movedColumns.length + 2 * lookup;
const lookupName = (lookup: number): number => 2 * movedColumns.length + 2 * lookup + 1;

// Built by pure calls, so that bundles which never migrate drop them.
const watchedKeys: readonly string[] = /* @__PURE__ */ movedColumns
  .flatMap((p): string[] => [p.old, p.new])
  .concat(/* @__PURE__ */ lookupColumns.flatMap((c) => [c.id, c.name]));

// Key → position, without a prototype (so a lookup is a plain table probe that never reaches Object.prototype).
const positionOf: Record<string, number> = /* @__PURE__ */ (() => {
  const positions: Record<string, number> = Object.create(null);
  watchedKeys.forEach((key, position) => {
    // A key listed twice would take over the first one's position and silently switch its rule off.
    if (key in positions) throw new Error(`migrateFields: ${key} is watched twice`);
    positions[key] = position;
  });
  return positions;
})();

// What becomes of a watched key at its place in the output: copied (undefined), left out, or replaced.
const leaveOut = { leaveOut: true } as const;
type Fate = undefined | typeof leaveOut | { readonly key: string; readonly value: unknown };

/** One row's watched values and what the rules decided for each, by position. */
interface Plan {
  readonly values: unknown[];
  readonly fates: Fate[];
  readonly prefix: readonly string[];
  readonly lookups: NameLookup[];
  readonly conflicts: MigrationConflict[];
}

// One pass over the keys the input has: reading absent columns by name misses through the prototype
// chain, and a row has dozens of columns. An array, not an object per row: this runs for every row of
// a backfill.
function pickUpWatched(source: { readonly [key: string]: unknown }): unknown[] {
  const values: unknown[] = new Array<unknown>(watchedKeys.length).fill(absent);
  for (const key in source) {
    const position = positionOf[key];
    if (position !== undefined) values[position] = source[key];
  }
  return values;
}

// Rule 1: a 1.0.0 field that another field now carries is dropped when the two agree, takes the 2.0.0
// name when that is absent, and is kept with a conflict when the two disagree.
function applyMovedColumn(plan: Plan, pair: number): void {
  const { old: oldKey, new: newKey, code, why } = movedColumns[pair]!;
  const oldValue = plan.values[movedOld(pair)];
  if (!present(oldValue)) {
    if (oldValue !== absent) plan.fates[movedOld(pair)] = leaveOut;
    return;
  }
  const newValue = plan.values[movedNew(pair)];
  if (!present(newValue)) {
    // The new key takes the old key's place, unless the input already has it (as null): then in place.
    if (newValue !== absent) {
      plan.fates[movedNew(pair)] = { key: newKey, value: oldValue };
      plan.fates[movedOld(pair)] = leaveOut;
    } else plan.fates[movedOld(pair)] = { key: newKey, value: oldValue };
  } else if (newValue === oldValue) plan.fates[movedOld(pair)] = leaveOut;
  else {
    plan.conflicts.push({
      code,
      path: [...plan.prefix, oldKey],
      value: oldValue,
      other: newValue,
      message: `${oldKey} ${show(oldValue)} differs from ${newKey} ${show(newValue)} (${why}); both are kept`,
    });
  }
}

// Rule 2: a 1.0.0 name leaves the data as an id → name lookup; a name without a usable id stays, with
// a conflict.
function applyLookupColumn(plan: Plan, lookup: number): void {
  const { kind, id: idKey, name: nameKey } = lookupColumns[lookup]!;
  const name = plan.values[lookupName(lookup)];
  if (!present(name)) {
    if (name !== absent) plan.fates[lookupName(lookup)] = leaveOut;
    return;
  }
  const id = plan.values[lookupId(lookup)];
  if (!present(id)) {
    plan.conflicts.push({
      code: 'name_without_id',
      path: [...plan.prefix, nameKey],
      value: name,
      other: id === absent ? undefined : id,
      message: `${nameKey} ${show(name)} has no ${idKey}, so it cannot become a lookup; it is kept`,
    });
  } else if (typeof name !== 'string' || !(typeof id === 'string' || typeof id === 'bigint' || (typeof id === 'number' && Number.isFinite(id)))) {
    plan.conflicts.push({
      code: 'unusable_name',
      path: [...plan.prefix, nameKey],
      value: name,
      other: id,
      message: `${nameKey} must be a string and ${idKey} a string or a number to make a lookup; ${nameKey} is kept`,
    });
  } else {
    plan.lookups.push({ kind, id, name });
    plan.fates[lookupName(lookup)] = leaveOut;
  }
}

// Rule 3, with the write-out: the version becomes 2.0.0, and every key keeps its place in the output
// (a renamed key takes the place of the old one), so the documented column order survives.
function writeOut(source: { readonly [key: string]: unknown }, fates: readonly Fate[], versionKey: string | undefined): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const key in source) {
    if (key === versionKey) {
      setProperty(target, key, integrationVersion);
      continue;
    }
    const position = positionOf[key];
    const fate = position === undefined ? undefined : fates[position];
    if (fate === undefined) setProperty(target, key, source[key]);
    else if ('key' in fate) setProperty(target, fate.key, fate.value);
  }
  return target;
}

/** The previous migrateFields, unchanged in what it returns. */
export function previousMigrateFields(
  source: { readonly [key: string]: unknown },
  prefix: readonly string[],
  versionKey: string | undefined,
  lookups: NameLookup[],
  conflicts: MigrationConflict[],
): Record<string, unknown> {
  const plan: Plan = { values: pickUpWatched(source), fates: new Array<Fate>(watchedKeys.length).fill(undefined), prefix, lookups, conflicts };
  for (let pair = 0; pair < movedColumns.length; pair++) applyMovedColumn(plan, pair);
  for (let lookup = 0; lookup < lookupColumns.length; lookup++) applyLookupColumn(plan, lookup);
  return writeOut(source, plan.fates, versionKey);
}

// JSON.stringify throws on a bigint (a BIGINT column read by a driver) and a message must never throw.
function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const versionColumn = 'context_integration_version';
// Snowflake stores Segment's unquoted column names upper-cased, and a row read from it has those keys.
const versionColumnUpper = 'CONTEXT_INTEGRATION_VERSION';

/** The previous migrateWarehouseRowV1ToV2, unchanged in what it returns. */
export function previousMigrateWarehouseRowV1ToV2<TRow extends { readonly [column: string]: unknown }>(
  row: TRow,
): MigrationResult<TRow | Record<string, unknown>> {
  if (row.context_integration_version !== v1IntegrationVersion) {
    if (row[versionColumnUpper] === v1IntegrationVersion && !Object.hasOwn(row, versionColumn)) return migrateUpperCaseRow(row);
    return { value: row, changed: false, lookups: [], conflicts: [] };
  }
  const lookups: NameLookup[] = [];
  const conflicts: MigrationConflict[] = [];
  const value = previousMigrateFields(row, [], versionColumn, lookups, conflicts);
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
  const migrated = previousMigrateFields(lower, [], versionColumn, lookups, conflicts);
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(migrated)) {
    Object.defineProperty(value, original.get(key) ?? key.toUpperCase(), { value: migrated[key], enumerable: true, writable: true, configurable: true });
  }
  const upper = conflicts.map((c) => ({ ...c, path: c.path.map((p) => original.get(p) ?? p.toUpperCase()) }));
  return { value, changed: true, lookups, conflicts: upper };
}
