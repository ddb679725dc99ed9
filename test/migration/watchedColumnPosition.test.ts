import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { watchedColumnPositionSource } from '../../scripts/generate-watched-column-position';
import { lookupColumns } from '../../src/catalog/lookupColumns';
import { movedColumns } from '../../src/catalog/movedColumns';
import { watchedColumnPosition } from '../../src/migration/watchedColumnPosition';
import { watchedColumns } from '../../src/migration/watchedColumns';

test('src/migration/watchedColumnPosition.ts is what the generator makes from the catalog (npm run generate)', () => {
  expect(readFileSync(new URL('../../src/migration/watchedColumnPosition.ts', import.meta.url), 'utf8')).toBe(watchedColumnPositionSource());
});

test('every column of the catalog is watched once, at its place', () => {
  const expected = [...movedColumns.flatMap((pair) => [pair.old, pair.new]), ...lookupColumns.flatMap((lookup) => [lookup.id, lookup.name])];
  expect(watchedColumns).toEqual(expected);
  expect(new Set(watchedColumns).size).toBe(watchedColumns.length);
  watchedColumns.forEach((column, position) => expect(watchedColumnPosition(column)).toBe(position));
});

test('property: any other key has no position, near misses and prototype keys included', () => {
  const nearMiss = fc
    .tuple(fc.constantFrom(...watchedColumns), fc.nat(40), fc.string({ maxLength: 2 }))
    .map(([column, at, text]) => `${column.slice(0, at % (column.length + 1))}${text}${column.slice((at % (column.length + 1)) + 1)}`);
  const key = fc.oneof(nearMiss, fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'EMAIL_ID', 'email_id '));
  fc.assert(
    fc.property(key, (candidate) => {
      expect(watchedColumnPosition(candidate)).toBe(watchedColumns.includes(candidate) ? watchedColumns.indexOf(candidate) : undefined);
    }),
    { numRuns: 3000 },
  );
});
