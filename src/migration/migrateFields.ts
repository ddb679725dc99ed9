import { lookupColumns } from '../catalog/lookupColumns';
import { movedColumns } from '../catalog/movedColumns';
import type { MigrationConflict, NameLookup } from './MigrationResult';
import { setProperty } from '../json/setProperty';

// A watched key the input does not have (a key it has with the value undefined is still "had").
const absent = { absent: true } as const;

// Warehouse rows hold NULL for columns an event never had, so null means absent everywhere here.
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== absent;
}

// The columns the rules read, each with a slot: the moved pairs first, then each lookup's id and name.
// Built by pure calls, so that bundles which never migrate drop it.
const watchedKeys: readonly string[] = /* @__PURE__ */ movedColumns
  .flatMap((p): string[] => [p.old, p.new])
  .concat(/* @__PURE__ */ lookupColumns.flatMap((c) => [c.id, c.name]));

// Key → slot, without a prototype (so a lookup is a plain table probe that never reaches Object.prototype).
const slotOf: Record<string, number> = /* @__PURE__ */ (() => {
  const slots: Record<string, number> = Object.create(null);
  watchedKeys.forEach((key, slot) => {
    // A key listed twice would take over the first one's slot and silently switch its rule off.
    if (key in slots) throw new Error(`migrateFields: ${key} is watched twice`);
    slots[key] = slot;
  });
  return slots;
})();

// What happens to a watched key at its place in the output: copied (undefined), left out, or replaced.
const leaveOut = { leaveOut: true } as const;
type Action = undefined | typeof leaveOut | { readonly key: string; readonly value: unknown };

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
  // The watched columns, picked up in one pass over the keys the input has: reading absent columns by
  // name misses through the prototype chain, and a row has dozens of columns. Slots, not a table per
  // row: this runs for every row of a backfill.
  const values: unknown[] = new Array<unknown>(watchedKeys.length).fill(absent);
  for (const key in source) {
    const slot = slotOf[key];
    if (slot !== undefined) values[slot] = source[key];
  }
  const actions: Action[] = new Array<Action>(watchedKeys.length).fill(undefined);

  for (let p = 0; p < movedColumns.length; p++) {
    const pair = movedColumns[p]!;
    const oldSlot = 2 * p;
    const newSlot = oldSlot + 1;
    const oldValue = values[oldSlot];
    if (!present(oldValue)) {
      if (oldValue !== absent) actions[oldSlot] = leaveOut;
      continue;
    }
    const newValue = values[newSlot];
    if (!present(newValue)) {
      // The new key takes the old key's place, unless the input already has it (as null): then in place.
      if (newValue !== absent) {
        actions[newSlot] = { key: pair.new, value: oldValue };
        actions[oldSlot] = leaveOut;
      } else actions[oldSlot] = { key: pair.new, value: oldValue };
    } else if (newValue === oldValue) actions[oldSlot] = leaveOut;
    else {
      conflicts.push({
        code: pair.code,
        path: [...prefix, pair.old],
        value: oldValue,
        other: newValue,
        message: `${pair.old} ${show(oldValue)} differs from ${pair.new} ${show(newValue)} (${pair.why}); both are kept`,
      });
    }
  }

  for (let c = 0; c < lookupColumns.length; c++) {
    const { kind, id: idKey, name: nameKey } = lookupColumns[c]!;
    const idSlot = 2 * movedColumns.length + 2 * c;
    const name = values[idSlot + 1];
    if (!present(name)) {
      if (name !== absent) actions[idSlot + 1] = leaveOut;
      continue;
    }
    const id = values[idSlot];
    if (!present(id)) {
      conflicts.push({
        code: 'name_without_id',
        path: [...prefix, nameKey],
        value: name,
        other: id === absent ? undefined : id,
        message: `${nameKey} ${show(name)} has no ${idKey}, so it cannot become a lookup; it is kept`,
      });
    } else if (typeof name !== 'string' || !(typeof id === 'string' || typeof id === 'bigint' || (typeof id === 'number' && Number.isFinite(id)))) {
      conflicts.push({
        code: 'unusable_name',
        path: [...prefix, nameKey],
        value: name,
        other: id,
        message: `${nameKey} must be a string and ${idKey} a string or a number to make a lookup; ${nameKey} is kept`,
      });
    } else {
      lookups.push({ kind, id, name });
      actions[idSlot + 1] = leaveOut;
    }
  }

  const target: Record<string, unknown> = {};
  for (const key in source) {
    if (key === versionKey) {
      setProperty(target, key, '2.0.0');
      continue;
    }
    const slot = slotOf[key];
    const action = slot === undefined ? undefined : actions[slot];
    if (action === undefined) setProperty(target, key, source[key]);
    else if ('key' in action) setProperty(target, action.key, action.value);
  }
  return target;
}

// JSON.stringify throws on a bigint (a BIGINT column read by a driver) and a message must never throw.
function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
