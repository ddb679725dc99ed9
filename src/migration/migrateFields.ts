import { integrationVersion } from '../catalog/integration';
import { lookupColumns } from '../catalog/lookupColumns';
import { movedColumns } from '../catalog/movedColumns';
import { setProperty } from '../json/setProperty';
import type { MigrationConflict, NameLookup } from './MigrationResult';
import { watchedColumnPosition } from './watchedColumnPosition';
import { watchedColumns } from './watchedColumns';

// A watched key the input does not have (a key it has with the value undefined is still "had").
const absent = { absent: true } as const;

// Warehouse rows hold NULL for columns an event never had, so null means absent everywhere here.
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== absent;
}

// Positions in watchedColumns: the pickup reads the watched values into an array in that order, and the
// rules read the array through these positions.
const movedOld = (pair: number): number => 2 * pair;
const movedNew = (pair: number): number => 2 * pair + 1;
const lookupId = (lookup: number): number => 2 * movedColumns.length + 2 * lookup;
const lookupName = (lookup: number): number => 2 * movedColumns.length + 2 * lookup + 1;

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

// Copied per row: Array.prototype.fill runs in the runtime (C++), slice of a packed array does not, and
// filling two arrays that way cost about a tenth of a row's migration.
const allAbsent: readonly unknown[] = /* @__PURE__ */ watchedColumns.map(() => absent);
const allCopied: readonly Fate[] = /* @__PURE__ */ watchedColumns.map((): Fate => undefined);

// One pass over the keys the input has: reading absent columns by name misses through the prototype
// chain, and a row has dozens of columns. An array, not an object per row: this runs for every row of
// a backfill.
function pickUpWatched(source: { readonly [key: string]: unknown }): unknown[] {
  const values = allAbsent.slice();
  for (const key in source) {
    const position = watchedColumnPosition(key);
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
    const position = watchedColumnPosition(key);
    const fate = position === undefined ? undefined : fates[position];
    if (fate === undefined) setProperty(target, key, source[key]);
    else if ('key' in fate) setProperty(target, fate.key, fate.value);
  }
  return target;
}

/**
 * Applies the 1.0.0 → 2.0.0 field rules to one flat object (`properties`, or a whole warehouse row),
 * returning a new object; `prefix` is the path of that object, for conflicts.
 *
 * The rules are chosen so that SQL can say the same thing with COALESCE and CASE (see `migrationSql`):
 * a value moves only into an absent slot, and a value that disagrees with its 2.0.0 twin stays.
 */
export function migrateFields(
  source: { readonly [key: string]: unknown },
  prefix: readonly string[],
  versionKey: string | undefined,
  lookups: NameLookup[],
  conflicts: MigrationConflict[],
): Record<string, unknown> {
  const plan: Plan = { values: pickUpWatched(source), fates: allCopied.slice(), prefix, lookups, conflicts };
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
