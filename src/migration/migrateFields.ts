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
  // key of the input → what to do with it: skip it, or write `value` under `key` at its place.
  const skip = new Set<string>();
  const replace = new Map<string, { key: string; value: unknown }>();

  const pair = (oldKey: string, newKey: string, code: MigrationConflict['code'], what: string): void => {
    const oldValue = source[oldKey];
    if (!present(oldValue)) {
      if (Object.hasOwn(source, oldKey)) skip.add(oldKey);
      return;
    }
    const newValue = source[newKey];
    if (!present(newValue)) {
      // The new key takes the old key's place, unless the input already has it (as null): then in place.
      if (Object.hasOwn(source, newKey)) {
        replace.set(newKey, { key: newKey, value: oldValue });
        skip.add(oldKey);
      } else replace.set(oldKey, { key: newKey, value: oldValue });
    } else if (newValue === oldValue) skip.add(oldKey);
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
    const name = source[nameKey];
    if (!present(name)) {
      if (Object.hasOwn(source, nameKey)) skip.add(nameKey);
      continue;
    }
    const id = source[idKey];
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
      skip.add(nameKey);
    }
  }
  if (versionKey !== undefined) replace.set(versionKey, { key: versionKey, value: '2.0.0' });

  const target: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (skip.has(key)) continue;
    const swap = replace.get(key);
    if (swap === undefined) setProperty(target, key, source[key]);
    else setProperty(target, swap.key, swap.value);
  }
  return target;
}

// JSON.stringify throws on a bigint (a BIGINT column read by a driver) and a message must never throw.
function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
