// Writes src/migration/watchedColumnPosition.ts: the position of a watched column (src/migration/
// watchedColumns.ts) as a switch on the key's length, then on the key. Run `npm run generate`;
// test/migration/watchedColumnPosition.test.ts fails when the file is out of date with the catalog.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { watchedColumns } from '../src/migration/watchedColumns';

/** The text of src/migration/watchedColumnPosition.ts. */
export function watchedColumnPositionSource(): string {
  const byLength = new Map<number, string[]>();
  watchedColumns.forEach((column, position) => {
    // A column listed twice would take over the first one's position and silently switch its rule off.
    if (watchedColumns.indexOf(column) !== position) throw new Error(`${column} is watched twice`);
    byLength.set(column.length, [...(byLength.get(column.length) ?? []), column]);
  });
  const cases = [...byLength.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([length, columns]) => [
      `    case ${length}:`,
      `      return ${columns.map((column) => `key === '${column}' ? ${watchedColumns.indexOf(column)} : `).join('')}undefined;`,
    ]);
  return [
    '// Generated from the catalog by scripts/generate-watched-column-position.ts: do not edit by hand.',
    '',
    '/**',
    ' * The position of a key in `watchedColumns`, or `undefined` when the migration does not watch it.',
    ' *',
    ' * Internal. It runs for every key of every row, twice, so it is a switch rather than a lookup in a',
    ' * table: most keys of a row are not watched, and their length rules them out before any string is',
    ' * compared; the comparisons left are by address, as V8 interns property keys (a quarter of a row\'s',
    ' * migration, against a prototype-less table, counted by bench/instructions.ts). A switch never',
    ' * reaches Object.prototype either.',
    ' */',
    'export function watchedColumnPosition(key: string): number | undefined {',
    '  switch (key.length) {',
    ...cases,
    '    default:',
    '      return undefined;',
    '  }',
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../src/migration/watchedColumnPosition.ts', import.meta.url), watchedColumnPositionSource());
}
