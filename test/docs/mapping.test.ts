import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { withMappingTables } from '../../scripts/generate-mapping-doc';
import { catalogEntries } from '../../src/catalog/catalogEntries';

const doc = readFileSync(new URL('../../docs/mapping.md', import.meta.url), 'utf8');

test('docs/mapping.md holds the tables the catalog generates (run `npm run generate` after a change)', () => {
  expect(doc).toBe(withMappingTables(doc));
});

test('docs/mapping.md has one row per catalog entry, with its event name', () => {
  for (const e of catalogEntries) expect(doc).toContain(`| \`${e.objectType}\` | \`${e.metric}\` | ${e.event} |`);
});
