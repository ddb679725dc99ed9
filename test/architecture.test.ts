import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

// The table of docs/architecture.md: room → the rooms it may import ('*' for every room).
function readRooms(): Map<string, ReadonlySet<string>> {
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const table = doc.split('<!-- rooms:start -->')[1]?.split('<!-- rooms:end -->')[0];
  if (table === undefined) throw new Error('docs/architecture.md has no rooms table between its markers');
  const rooms = new Map<string, ReadonlySet<string>>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const room = /^`([a-zA-Z]+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (room === undefined) continue;
    const allowed = cells[3] ?? '';
    rooms.set(room, new Set(allowed === 'every room' ? ['*'] : [...allowed.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]!)));
  }
  return rooms;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

// Every module specifier of a file: static imports and re-exports, and dynamic imports.
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function roomOf(path: string): string | undefined {
  const parts = relative(src, path).split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

const rooms = readRooms();
const nodeRooms = new Set(['node', 'cli']);
const files = sourceFiles(src);

describe('docs/architecture.md is the map of src/', () => {
  test('the table lists rooms, and each allowed room is itself a room', () => {
    expect(rooms.size).toBeGreaterThan(5);
    for (const allowed of rooms.values()) for (const room of allowed) if (room !== '*') expect(rooms.has(room), room).toBe(true);
  });

  test('every folder of src/ is a room of the table, and every room of the table exists', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.sort()).toEqual([...rooms.keys()].sort());
  });

  test('every import of src/ is allowed by the table', () => {
    const refused: string[] = [];
    for (const file of files) {
      const from = roomOf(file);
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const where = `${relative(root, file)} imports ${spec}`;
        if (spec.startsWith('node:')) {
          if (from === undefined ? !file.endsWith('/node.ts') : !nodeRooms.has(from)) refused.push(`${where}: Node APIs only in node/ and cli/`);
          continue;
        }
        if (!spec.startsWith('.')) {
          // No runtime dependencies: a bare specifier is allowed only as a type-only import.
          refused.push(`${where}: the package has no runtime dependencies`);
          continue;
        }
        const to = roomOf(resolve(dirname(file), spec));
        if (to === undefined) {
          refused.push(`${where}: rooms never import the entries`);
          continue;
        }
        if (from === undefined) {
          if (to === 'cli') refused.push(`${where}: the entries never import cli/`);
          continue;
        }
        if (to === from) continue;
        const allowed = rooms.get(from);
        if (allowed === undefined) refused.push(`${where}: ${from}/ is not in the table`);
        else if (!allowed.has('*') && !allowed.has(to)) refused.push(`${where}: ${from}/ may not import ${to}/`);
      }
    }
    expect(refused).toEqual([]);
  });

  test('the check sees imports (a file of each room is read)', () => {
    const seen = new Set(files.map(roomOf).filter((room) => room !== undefined));
    for (const room of ['catalog', 'validation', 'mapping', 'migration']) expect(seen.has(room)).toBe(true);
    expect(specifiers("import { a } from '../catalog/catalog';\nexport type { B } from './b';\nconst c = import('node:fs');")).toEqual([
      '../catalog/catalog',
      './b',
      'node:fs',
    ]);
  });
});
