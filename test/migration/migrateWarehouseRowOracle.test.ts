import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupColumns } from '../../src/catalog/lookupColumns';
import { movedColumns } from '../../src/catalog/movedColumns';
import { migrateFields } from '../../src/migration/migrateFields';
import { migrateWarehouseRowV1ToV2 } from '../../src/migration/migrateWarehouseRowV1ToV2';
import type { MigrationConflict, MigrationResult, NameLookup } from '../../src/migration/MigrationResult';
import { conflictingV1RowArbitrary, v1RowArbitrary, v2RowArbitrary } from '../arbitraries/v1';
import { deepFreeze } from '../helpers/deepFreeze';
import { previousMigrateFields, previousMigrateWarehouseRowV1ToV2 } from './previousMigrateWarehouseRow';

type Json = Record<string, unknown>;

// Every column the rules read, the version column, and keys that are hostile in an object: prototype
// members, and integer-like keys that an object orders before the others.
const watched = [...movedColumns.flatMap((p) => [p.old, p.new]), ...lookupColumns.flatMap((c) => [c.id, c.name])];
const baseKeys = [...watched, 'context_integration_version', 'id', 'event', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '0', '7'];

// A column as one warehouse spells it: lower case, Snowflake's upper case, or a mixture.
const keyArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...baseKeys), fc.constantFrom('lower', 'upper', 'mixed')) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.constant('lower')) },
).map(([key, spelling]) => {
  if (spelling === 'upper') return key.toUpperCase();
  if (spelling === 'mixed') return [...key].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join('');
  return key;
});

// What a driver or JSON.parse may put in a column, including what the rules must reject.
const valueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, '1.0.0', '2.0.0', '', 'd1', 'S', 7, 7n, NaN, Infinity, -0, true),
  fc.string({ maxLength: 100 }),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.constant({ nested: 1 }),
  fc.constant(['a', 1]),
);

// Own properties, `__proto__` included, on a plain object, one without a prototype, or one that
// inherits an enumerable watched column (which a `for…in` over the row would see).
function buildRow(entries: readonly (readonly [string, unknown])[], prototype: 'plain' | 'none' | 'inherits'): Json {
  const row: Json = prototype === 'plain' ? {} : prototype === 'none' ? Object.create(null) : Object.create({ email_id: 'inherited', campaign_name: 'Inherited' });
  for (const [key, value] of entries) Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  return row;
}

const entriesArbitrary = fc.array(fc.tuple(keyArbitrary, valueArbitrary), { maxLength: 24 });
const hostileRowArbitrary: fc.Arbitrary<Json> = fc
  .tuple(
    entriesArbitrary,
    // Most rows say 1.0.0 in one spelling of the version column, at any place among the others.
    fc.constantFrom('context_integration_version', 'CONTEXT_INTEGRATION_VERSION', 'Context_Integration_Version', undefined),
    fc.nat(),
    fc.constantFrom('plain', 'none', 'inherits') as fc.Arbitrary<'plain' | 'none' | 'inherits'>,
  )
  .map(([entries, versionKey, at, prototype]) => {
    const all: (readonly [string, unknown])[] = [...entries];
    if (versionKey !== undefined) all.splice(at % (all.length + 1), 0, [versionKey, '1.0.0']);
    return buildRow(all, prototype);
  });

// An upper-case (Snowflake) twin of a lower-case row, in the same column order.
const upperCased = (row: Json): Json => buildRow(Object.keys(row).map((key) => [key.toUpperCase(), row[key]] as const), 'plain');

const rowArbitrary: fc.Arbitrary<Json> = fc.oneof(
  v1RowArbitrary.map((c) => c.v1),
  conflictingV1RowArbitrary,
  v2RowArbitrary,
  v1RowArbitrary.map((c) => upperCased(c.v1)),
  conflictingV1RowArbitrary.map(upperCased),
  hostileRowArbitrary,
);

// JSON.stringify throws on a bigint: write it as text, marked so that it cannot pass for a string.
const text = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `bigint:${v}` : v));

// The same value, the same keys in the same order, the same prototype: for the object and every
// lookup and conflict.
function expectSameResult(actual: MigrationResult<Json>, expected: MigrationResult<Json>, input: Json): void {
  expect(actual.value === input).toBe(expected.value === input);
  expect(Object.getPrototypeOf(actual.value)).toBe(Object.getPrototypeOf(expected.value));
  expect(Reflect.ownKeys(actual.value)).toStrictEqual(Reflect.ownKeys(expected.value));
  expect(text(actual)).toBe(text(expected));
  // Entries, not the row itself: toStrictEqual compares the `constructor` of two objects, and a row may
  // have a column of that name (NaN, which is not equal to itself).
  expect(Object.entries(actual.value)).toStrictEqual(Object.entries(expected.value));
  expect({ ...actual, value: undefined }).toStrictEqual({ ...expected, value: undefined });
  expect(actual.lookups.map((l) => Object.keys(l))).toStrictEqual(expected.lookups.map((l) => Object.keys(l)));
  expect(actual.conflicts.map((c) => Object.keys(c))).toStrictEqual(expected.conflicts.map((c) => Object.keys(c)));
}

describe('migrateWarehouseRowV1ToV2 against the previous implementation', () => {
  it('gives the same value, key order, lookups and conflicts for any row, lower- or upper-case, hostile or not', () => {
    fc.assert(
      fc.property(rowArbitrary, (row) => {
        const expected = previousMigrateWarehouseRowV1ToV2(row);
        const actual = migrateWarehouseRowV1ToV2(deepFreeze(row));
        expectSameResult(actual, expected, row);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same for rows that only mark the edge cases: __proto__, NULL and undefined columns, prototype names', () => {
    const rows: Json[] = [
      buildRow([['__proto__', 'x'], ['email_id', 'd1'], ['context_integration_version', '1.0.0']], 'plain'),
      buildRow([['email_id', null], ['email_subject', undefined], ['campaign_name', null], ['context_integration_version', '1.0.0']], 'plain'),
      buildRow([['delivery_id', null], ['email_id', 'd1'], ['subject', undefined], ['email_subject', 'S'], ['context_integration_version', '1.0.0']], 'plain'),
      buildRow([['constructor', 1], ['campaign_id', 'constructor'], ['campaign_name', '__proto__'], ['context_integration_version', '1.0.0']], 'none'),
      buildRow([['CONTEXT_INTEGRATION_VERSION', '1.0.0'], ['__PROTO__', 1], ['__proto__', 2], ['EMAIL_ID', 'd']], 'plain'),
      buildRow([['CONTEXT_INTEGRATION_VERSION', '1.0.0'], ['context_integration_version', null], ['EMAIL_ID', 'd']], 'plain'),
      buildRow([['email_id', 'd1'], ['context_integration_version', '1.0.0']], 'inherits'),
    ];
    for (const row of rows) expectSameResult(migrateWarehouseRowV1ToV2(row), previousMigrateWarehouseRowV1ToV2(row), row);
  });

  // Each column of the catalog, alone and with its twin, in each spelling and with each kind of value:
  // the rules must see every one of them, whatever the implementation looks keys up with.
  it('gives the same for every column the catalog names, alone or with its twin', () => {
    const twins: [string, string][] = [...movedColumns.map((p): [string, string] => [p.old, p.new]), ...lookupColumns.map((c): [string, string] => [c.name, c.id])];
    const values: unknown[] = ['a', 'b', 7, null, undefined];
    let compared = 0;
    for (const [first, second] of twins) {
      for (const spell of [(key: string) => key, (key: string) => key.toUpperCase()]) {
        for (const a of values) {
          for (const b of [...values, absentValue]) {
            const entries: [string, unknown][] = [[spell('context_integration_version'), '1.0.0'], [spell(first), a]];
            if (b !== absentValue) entries.push([spell(second), b]);
            for (const order of [entries, [...entries].reverse()]) {
              const row = buildRow(order, 'plain');
              expectSameResult(migrateWarehouseRowV1ToV2(row), previousMigrateWarehouseRowV1ToV2(row), row);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBe(twins.length * 2 * values.length * (values.length + 1) * 2);
  });
});

const absentValue = Symbol('absent');

describe('migrateFields against the previous implementation', () => {
  // migrateTrackV1ToV2 calls it on `properties` with a prefix and no version key.
  it('gives the same object, key order, lookups and conflicts, with and without a prefix and version key', () => {
    fc.assert(
      fc.property(
        rowArbitrary,
        fc.constantFrom<[readonly string[], string | undefined]>([[], 'context_integration_version'], [['properties'], undefined]),
        (source, [prefix, versionKey]) => {
          const run = (migrate: typeof migrateFields): MigrationResult<Json> => {
            const lookups: NameLookup[] = [];
            const conflicts: MigrationConflict[] = [];
            return { value: migrate(source, prefix, versionKey, lookups, conflicts), changed: true, lookups, conflicts };
          };
          const expected = run(previousMigrateFields);
          expectSameResult(run(migrateFields), expected, source);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
