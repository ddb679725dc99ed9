// Rewrites the generated part of docs/mapping.md from the catalog.
// Run `npm run generate`; test/docs/mapping.test.ts fails when the doc and the catalog disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { attributionFields, fieldTypes } from '../src/catalog/catalog';
import { catalogEntries } from '../src/catalog/catalogEntries';
import type { RenamedField } from '../src/catalog/renamedFields';
import { replaceBetweenMarkers } from './replaceBetweenMarkers';

const start = '<!-- generated from the catalog: start -->';
const end = '<!-- generated from the catalog: end -->';

/**
 * Where each renamed webhook field ends up in the call, in words; typed by the catalog's list of
 * renamed fields, so a field added there fails to compile here until it is described. Other fields keep
 * their name in `properties` (`email_address` also feeds the email trait).
 */
export const fieldDestinations: Readonly<Record<RenamedField | 'email_address', string>> = {
  identifiers: '`id` → `userId`; `email` → `context.traits.email` (and `anonymousId` without an id); `cio_id` → `properties.cio_id`; anything else → `properties.identifiers`',
  customer_id: '`properties.userId` (and `userId` when `identifiers.id` is missing)',
  href: '`properties.link.url`',
  link_id: '`properties.link.id`',
  content: '`properties.content` (see "Body Content")',
  email_address: '`properties.email_address` (and `context.traits.email` when `identifiers.email` is missing)',
};

/** The generated tables of docs/mapping.md. */
export function mappingTables(): string {
  const rows = catalogEntries.map(
    (e) => `| \`${e.objectType}\` | \`${e.metric}\` | ${e.event} | ${e.fields.map((f) => `\`${f}\``).join(', ') || '—'} |`,
  );
  const fields = Object.entries(fieldTypes).map(
    ([name, type]) =>
      `| \`${name}\` | ${type.replace('|', ' or ')} | ${(attributionFields as readonly string[]).includes(name) ? 'all' : 'listed'} | ${Object.hasOwn(fieldDestinations, name) ? fieldDestinations[name as keyof typeof fieldDestinations] : `\`properties.${name}\``} |`,
  );
  return [
    `### Events (${catalogEntries.length})`,
    '',
    '| `object_type` | `metric` | Segment event | own `data` fields (besides the attribution block) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '### Fields',
    '',
    '| `data` field | JSON type | carried by | in the track call |',
    '| --- | --- | --- | --- |',
    ...fields,
  ].join('\n');
}

/** Replaces the generated part of a mapping doc's text. */
export function withMappingTables(doc: string): string {
  return replaceBetweenMarkers(doc, 'docs/mapping.md', start, end, `\n${mappingTables()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = new URL('../docs/mapping.md', import.meta.url);
  writeFileSync(path, withMappingTables(readFileSync(path, 'utf8')));
}
