import { lookupColumns } from './lookupColumns';
import type { MigrationConflict, NameLookup } from './MigrationResult';
import { setProperty } from '../internal/setProperty';

// Warehouse rows hold NULL for columns an event never had, so null means absent everywhere here.
function present(value: unknown): boolean {
  return value !== undefined && value !== null;
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
  // The fields the rules read, picked up in one pass over the keys the input has: reading absent
  // columns by name misses through the prototype chain, and a row has dozens of columns.
  const seen: Record<string, unknown> = Object.create(null);
  for (const key in source) if (key in watched) seen[key] = source[key];

  // key of the input → what to do with it: skip it, or write `value` under `key` at its place.
  const skip: string[] = [];
  const replaceFrom: string[] = [];
  const replaceTo: { key: string; value: unknown }[] = [];
  const replace = (from: string, key: string, value: unknown): void => {
    replaceFrom.push(from);
    replaceTo.push({ key, value });
  };

  const pair = (oldKey: string, newKey: string, code: MigrationConflict['code'], what: string): void => {
    const oldValue = seen[oldKey];
    if (!present(oldValue)) {
      if (oldKey in seen) skip.push(oldKey);
      return;
    }
    const newValue = seen[newKey];
    if (!present(newValue)) {
      // The new key takes the old key's place, unless the input already has it (as null): then in place.
      if (newKey in seen) {
        replace(newKey, newKey, oldValue);
        skip.push(oldKey);
      } else replace(oldKey, newKey, oldValue);
    } else if (newValue === oldValue) skip.push(oldKey);
    else {
      conflicts.push({
        code,
        path: [...prefix, oldKey],
        value: oldValue,
        other: newValue,
        message: `${oldKey} ${show(oldValue)} differs from ${newKey} ${show(newValue)} (${what}); both are kept`,
      });
    }
  };
  pair('email_id', 'delivery_id', 'email_id_differs_from_delivery_id', 'seed 004 says email_id duplicated delivery_id');
  pair('email_subject', 'subject', 'email_subject_differs_from_subject', 'seed 004 says email_subject became subject');

  for (const { kind, id: idKey, name: nameKey } of lookupColumns) {
    const name = seen[nameKey];
    if (!present(name)) {
      if (nameKey in seen) skip.push(nameKey);
      continue;
    }
    const id = seen[idKey];
    if (!present(id)) {
      conflicts.push({
        code: 'name_without_id',
        path: [...prefix, nameKey],
        value: name,
        other: id,
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
      skip.push(nameKey);
    }
  }
  if (versionKey !== undefined) replace(versionKey, versionKey, '2.0.0');

  const target: Record<string, unknown> = {};
  for (const key in source) {
    if (key in watched || key === versionKey) {
      if (skip.includes(key)) continue;
      const at = replaceFrom.indexOf(key);
      if (at !== -1) {
        const swap = replaceTo[at]!;
        setProperty(target, swap.key, swap.value);
        continue;
      }
    }
    setProperty(target, key, source[key]);
  }
  return target;
}

// The keys the rules look at, without a prototype (so `key in watched` is a plain table lookup).
const watched: Record<string, true> = /* @__PURE__ */ (() => {
  const keys: Record<string, true> = Object.create(null);
  for (const key of ['email_id', 'delivery_id', 'email_subject', 'subject']) keys[key] = true;
  for (const { id, name } of lookupColumns) keys[id] = keys[name] = true;
  return keys;
})();

// JSON.stringify throws on a bigint (a BIGINT column read by a driver) and a message must never throw.
function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
