import { lookupColumns } from '../catalog/lookupColumns';
import { setProperty } from '../json/setProperty';
import type { LookupKind, NameLookup } from './MigrationResult';

/** The kinds of {@link NameTables}, in the order of the tables. */
export const lookupKinds: readonly LookupKind[] = /* @__PURE__ */ lookupColumns.map((c) => c.kind);

/** An id that appeared with more than one name, such as a campaign renamed while 1.0.0 was sending. */
export interface RenamedId {
  readonly kind: LookupKind;
  readonly id: string;
  /** Every name seen for the id, in the order they were first seen. */
  readonly names: string[];
}

/**
 * Id → name tables folded from many lookups, one table per kind, JSON-serializable.
 *
 * Ids are keyed by their text (`16` and `"16"` are one id), as they are once loaded in a warehouse column.
 */
export interface NameTables {
  readonly action: Record<string, string>;
  readonly campaign: Record<string, string>;
  readonly newsletter: Record<string, string>;
  readonly transactional_message: Record<string, string>;
  /** Ids seen with several names: they are here and not in their table, so no name is picked silently. */
  readonly renamed: RenamedId[];
}

/**
 * Folds the `lookups` of many migration results into one set of id → name tables.
 *
 * An id seen with two different names is moved out of its table into `renamed` with all its names,
 * because choosing one (the first? the last?) would hide a renamed campaign. Pass the tables of a
 * previous call as `into` to fold a stream piece by piece in constant memory per distinct id. `into`
 * may also be tables read back from JSON: any id is an ordinary key there too (`constructor`,
 * `__proto__`), and a missing table or `renamed` list is added.
 *
 * @example
 * let tables = foldNameLookups([]);
 * for (const row of rows) tables = foldNameLookups(migrateWarehouseRowV1ToV2(row).lookups, tables);
 */
export function foldNameLookups(lookups: Iterable<NameLookup>, into?: NameTables): NameTables {
  const tables: NameTables = into ?? {
    // No prototype: an id such as "__proto__" or "constructor" must be an ordinary key.
    action: Object.create(null) as Record<string, string>,
    campaign: Object.create(null) as Record<string, string>,
    newsletter: Object.create(null) as Record<string, string>,
    transactional_message: Object.create(null) as Record<string, string>,
    renamed: [],
  };
  if (into !== undefined) completeTables(into);
  for (const { kind, id, name } of lookups) {
    const key = String(id);
    const table = tables[kind];
    // Own keys only: tables parsed from JSON have a prototype, whose `constructor` is not a name.
    const known = Object.hasOwn(table, key) ? table[key] : undefined;
    if (known === name) continue;
    if (known !== undefined) {
      delete table[key];
      const entry: RenamedId = { kind, id: key, names: [known, name] };
      tables.renamed.push(entry);
      renamedIndex(tables).set(`${kind}\u0000${key}`, entry);
      continue;
    }
    const renamed = renamedIndex(tables).get(`${kind}\u0000${key}`);
    if (renamed === undefined) setProperty(table, key, name);
    else if (!renamed.names.includes(name)) renamed.names.push(name);
  }
  return tables;
}

// An index of `renamed` kept beside the tables, so that they stay plain JSON; rebuilt for tables that
// were made elsewhere (parsed from a file) and passed as `into`.
const indexes = /* @__PURE__ */ new WeakMap<NameTables, Map<string, RenamedId>>();
function renamedIndex(tables: NameTables): Map<string, RenamedId> {
  let index = indexes.get(tables);
  if (index === undefined || index.size !== tables.renamed.length) {
    index = new Map(tables.renamed.map((r) => [`${r.kind}\u0000${r.id}`, r]));
    indexes.set(tables, index);
  }
  return index;
}

// Tables from elsewhere (a lookups file written by an older run, or by hand) may lack a kind.
function completeTables(tables: NameTables): void {
  const writable = tables as { -readonly [K in keyof NameTables]: NameTables[K] };
  for (const kind of lookupKinds) {
    if (typeof writable[kind] !== 'object' || writable[kind] === null) writable[kind] = Object.create(null) as Record<string, string>;
  }
  if (!Array.isArray(writable.renamed)) writable.renamed = [];
}
