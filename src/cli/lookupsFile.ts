import { readFileSync } from 'node:fs';
import { isPlainObject } from '../json/isPlainObject';
import { lookupKinds } from '../migration/foldNameLookups';
import { foldNameLookups, type NameTables } from '../migration/foldNameLookups';
import { IoError, systemMessage } from './IoError';
import { fileIdentity } from './outputFile';

/**
 * The tables of an existing `--lookups` file, to fold this run's names into (a loop over split files
 * keeps every file's names), or empty tables when the file does not exist yet. A file that is not a
 * lookups file is refused rather than replaced.
 */
export function readLookupsFile(path: string): NameTables {
  const stats = fileIdentity(path);
  if (stats === undefined || !stats.isFile() || stats.size === 0) return foldNameLookups([]);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IoError(`--lookups ${path}: cannot read the existing lookups to add to them (${systemMessage(error)}); move the file away or name another one`);
  }
  const problem = lookupsProblem(json);
  if (problem !== undefined) throw new IoError(`--lookups ${path}: the existing file is not a lookups file (${problem}); move it away or name another one`);
  return foldNameLookups([], json as NameTables);
}

function lookupsProblem(json: unknown): string | undefined {
  if (!isPlainObject(json)) return 'not a JSON object';
  for (const kind of lookupKinds) {
    const table = Object.hasOwn(json, kind) ? json[kind] : undefined;
    if (table === undefined) continue;
    if (!isPlainObject(table)) return `${kind} is not an object`;
    for (const id of Object.keys(table)) if (typeof table[id] !== 'string') return `${kind}.${id} is not a string`;
  }
  const renamed = Object.hasOwn(json, 'renamed') ? json.renamed : undefined;
  if (renamed === undefined) return undefined;
  if (!Array.isArray(renamed)) return 'renamed is not an array';
  for (const entry of renamed) {
    if (!isPlainObject(entry) || !lookupKinds.includes(entry.kind as never) || typeof entry.id !== 'string' || !Array.isArray(entry.names) || !entry.names.every((n) => typeof n === 'string')) {
      return 'an entry of renamed is not {kind, id, names}';
    }
  }
  return undefined;
}
