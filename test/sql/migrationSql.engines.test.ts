import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldNameLookups } from '../../src/migration/foldNameLookups';
import { migrateWarehouseRowV1ToV2 } from '../../src/migration/migrateWarehouseRowV1ToV2';
import { migrationSql, type SqlDialect } from '../../src/sql/migrationSql';
import type { NameLookup } from '../../src/migration/MigrationResult';
import { type DatasetTable, generateDataset, loadStatements, normalizeRow } from './dataset';

const rowCount = 10_000;
const dataset = generateDataset(rowCount);
const specs = dataset.map((t) => ({ name: t.name, columns: Object.keys(t.columns) }));

// What the row function says, table by table: the rows by id, and the lookup pairs.
const expectedRows = new Map<string, Map<string, Record<string, string>>>();
const expectedLookups = new Set<string>();
const allLookups: NameLookup[] = [];
for (const table of dataset) {
  const rows = new Map<string, Record<string, string>>();
  for (const row of table.rows) {
    const result = migrateWarehouseRowV1ToV2(row);
    rows.set(String(row.id), normalizeRow(result.value));
    for (const l of result.lookups) {
      expectedLookups.add(`${l.kind}|${String(l.id)}|${l.name}`);
      allLookups.push(l);
    }
  }
  expectedRows.set(table.name, rows);
}

interface Engine {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

async function duckdb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    run: async (sql) => void (await connection.run(sql)),
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
  };
}

async function postgres(): Promise<Engine> {
  const db = new PGlite();
  return {
    run: async (sql) => void (await db.exec(sql)),
    rows: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
  };
}

function byId(rows: Record<string, unknown>[]): Map<string, Record<string, string>> {
  return new Map(rows.map((row) => [String(row.id), normalizeRow(row)]));
}

async function lookupPairs(engine: Engine): Promise<{ pairs: Set<string>; count: number }> {
  const pairs = new Set<string>();
  let count = 0;
  for (const kind of ['action', 'campaign', 'newsletter', 'transactional_message']) {
    for (const row of await engine.rows(`SELECT "id", "name" FROM customerio."v1_${kind}_names"`)) {
      pairs.add(`${kind}|${String(row.id)}|${String(row.name)}`);
      count++;
    }
  }
  return { pairs, count };
}

function expectTablesToMatch(actual: Map<string, Map<string, Record<string, string>>>): void {
  for (const table of dataset) {
    const expected = expectedRows.get(table.name) as Map<string, Record<string, string>>;
    const got = actual.get(table.name) as Map<string, Record<string, string>>;
    expect(got.size).toBe(table.rows.length);
    // One row at a time, so that a failure names the row instead of dumping ten thousand.
    for (const [id, row] of expected) expect(got.get(id), `${table.name} ${id}`).toStrictEqual(row);
  }
}

async function runAll(engine: Engine, dialect: SqlDialect, mode: 'view' | 'in-place'): Promise<void> {
  for (const statement of migrationSql({ dialect, tables: specs, mode })) await engine.run(statement);
}

describe.each([
  ['duckdb', duckdb],
  ['postgres', postgres],
] as const)('migrationSql on %s', (dialect, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    for (const statement of loadStatements('customerio', dataset)) await engine.run(statement);
  });

  it(`has loaded a mix of ${rowCount} 1.0.0 and 2.0.0 rows with every kind of contradiction`, async () => {
    const [counts] = await engine.rows(
      `SELECT COUNT(*) AS "all", SUM(CASE WHEN context_integration_version = '1.0.0' THEN 1 ELSE 0 END) AS "v1",
        SUM(CASE WHEN context_integration_version = '1.0.0' AND email_id <> delivery_id THEN 1 ELSE 0 END) AS "ids",
        SUM(CASE WHEN context_integration_version = '1.0.0' AND email_subject <> subject THEN 1 ELSE 0 END) AS "subjects",
        SUM(CASE WHEN context_integration_version = '1.0.0' AND campaign_id IS NULL AND campaign_name IS NOT NULL THEN 1 ELSE 0 END) AS "orphans"
      FROM customerio.email_opened`,
    );
    const [all] = await engine.rows(
      `SELECT (SELECT COUNT(*) FROM customerio.email_opened) + (SELECT COUNT(*) FROM customerio.sms_sent) + (SELECT COUNT(*) FROM customerio.tracks) AS "n"`,
    );
    expect(Number(all?.n)).toBe(rowCount);
    expect(Number(counts?.v1)).toBeGreaterThan(2500);
    for (const key of ['ids', 'subjects', 'orphans']) expect(Number(counts?.[key])).toBeGreaterThan(50);
  });

  it('views give, row for row, what migrateWarehouseRowV1ToV2 gives, and the tables are untouched', async () => {
    await runAll(engine, dialect, 'view');
    const views = new Map<string, Map<string, Record<string, string>>>();
    for (const { name } of dataset) views.set(name, byId(await engine.rows(`SELECT * FROM customerio.${name}_v2`)));
    expectTablesToMatch(views);
    for (const table of dataset) {
      const stored = byId(await engine.rows(`SELECT * FROM customerio.${table.name}`));
      for (const row of table.rows) expect(stored.get(String(row.id))).toStrictEqual(normalizeRow(row));
    }
  });

  it('fills the lookup tables with exactly the lookups of the row function, once each, even when run twice', async () => {
    await runAll(engine, dialect, 'view');
    const { pairs, count } = await lookupPairs(engine);
    expect(pairs).toStrictEqual(expectedLookups);
    expect(count).toBe(expectedLookups.size);
    // The renamed ids the fold reports are the ids with two names in the lookup tables.
    const tables = foldNameLookups(allLookups);
    const multi = new Set<string>();
    const seen = new Map<string, number>();
    for (const pair of pairs) {
      const key = pair.split('|').slice(0, 2).join('|');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    for (const [key, n] of seen) if (n > 1) multi.add(key);
    expect(new Set(tables.renamed.map((r) => `${r.kind}|${r.id}`))).toStrictEqual(multi);
    expect(multi.size).toBeGreaterThan(0);
  });

  it('in place, rewrites the rows into what the row function gives, and a second run changes nothing', async () => {
    await runAll(engine, dialect, 'in-place');
    const read = async (): Promise<Map<string, Map<string, Record<string, string>>>> => {
      const tables = new Map<string, Map<string, Record<string, string>>>();
      for (const { name } of dataset) tables.set(name, byId(await engine.rows(`SELECT * FROM customerio.${name}`)));
      return tables;
    };
    expectTablesToMatch(await read());
    await runAll(engine, dialect, 'in-place');
    expectTablesToMatch(await read());
    const { pairs } = await lookupPairs(engine);
    expect(pairs).toStrictEqual(expectedLookups);
  });
});

// Keeps the type import used when the dataset's shape changes.
export type { DatasetTable };
