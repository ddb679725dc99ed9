import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrationSql, type MigrationSqlOptions } from '../../src/sql/migrationSql';
import { MigrationSqlError } from '../../src/sql/MigrationSqlError';

const columns = ['id', 'context_integration_version', 'email_id', 'delivery_id', 'campaign_id', 'campaign_name'];

function refusal(options: unknown): MigrationSqlError {
  try {
    migrationSql(options as MigrationSqlOptions);
  } catch (error) {
    if (error instanceof MigrationSqlError) return error;
    throw new Error(`not a MigrationSqlError: ${String(error)}`);
  }
  throw new Error('accepted');
}

describe('migrationSql refuses what would fail in the warehouse, always with a MigrationSqlError naming the option', () => {
  it.each([
    ['the same table twice', [{ name: 'email_opened', columns }, { name: 'email_opened', columns }], /tables: table email_opened is listed twice/],
    ['names that differ only by case', [{ name: 'email_opened', columns }, { name: 'EMAIL_OPENED', columns }], /listed twice \(names are compared without case\)/],
    ['a table next to its view', [{ name: 'email_opened', columns }, { name: 'email_opened_v2', columns }], /email_opened_v2 is listed next to email_opened: it is the view a previous run created/],
  ])('%s', (_what, tables, message) => {
    for (const mode of ['view', 'in-place'] as const) expect(refusal({ dialect: 'postgres', mode, tables }).message).toMatch(message);
  });

  it.each([
    ['options', null],
    ['options', 'postgres'],
    ['dialect', { dialect: 42, tables: [{ name: 't', columns }] }],
    ['dialect', { dialect: Symbol('x'), tables: [{ name: 't', columns }] }],
    ['mode', { dialect: 'duckdb', mode: Symbol('view'), tables: [{ name: 't', columns }] }],
    ['mode', { dialect: 'duckdb', mode: 7n, tables: [{ name: 't', columns }] }],
    ['schema', { dialect: 'duckdb', schema: Symbol('s'), tables: [{ name: 't', columns }] }],
    ['schema', { dialect: 'duckdb', schema: 5n, tables: [{ name: 't', columns }] }],
    ['tables', { dialect: 'duckdb', tables: 'email_opened' }],
    ['tables[0]', { dialect: 'duckdb', tables: [null] }],
    ['tables[0]', { dialect: 'duckdb', tables: ['email_opened'] }],
    ['table', { dialect: 'duckdb', tables: [{ columns }] }],
    ['table', { dialect: 'duckdb', tables: [{ name: Symbol('t'), columns }] }],
    ['tables[0].columns', { dialect: 'duckdb', tables: [{ name: 't' }] }],
    ['tables[0].columns', { dialect: 'duckdb', tables: [{ name: 't', columns: 'id,email_id' }] }],
    ['column', { dialect: 'duckdb', tables: [{ name: 't', columns: [1] }] }],
    ['column', { dialect: 'duckdb', tables: [{ name: 't', columns: [Symbol('c')] }] }],
  ])('%s malformed: %s', (option, options) => {
    expect(refusal(options).message).toContain(option);
  });

  it('is total: any options give statements or a MigrationSqlError, never another error', () => {
    const odd = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }), fc.constant(Symbol('s')));
    const options = fc.oneof(
      odd,
      fc.record(
        {
          dialect: fc.oneof(fc.constantFrom('postgres', 'redshift', 'snowflake', 'bigquery', 'duckdb'), odd),
          schema: fc.oneof(fc.constantFrom('customerio', 'CIO'), odd),
          mode: fc.oneof(fc.constantFrom('view', 'in-place'), odd),
          tables: fc.oneof(
            odd,
            fc.array(
              fc.oneof(
                odd,
                fc.record(
                  {
                    name: fc.oneof(fc.constantFrom('email_opened', 'EMAIL_OPENED', 'email_opened_v2', 'tracks'), odd),
                    columns: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...columns), odd), { maxLength: 8 }), odd),
                  },
                  { requiredKeys: [] },
                ),
              ),
              { maxLength: 3 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(options, (given) => {
        try {
          expect(Array.isArray(migrationSql(given as MigrationSqlOptions))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(MigrationSqlError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('can be re-run as docs/migration.md says: the columns query of step 1 leaves out the views of the first run', async () => {
    const doc = readFileSync(new URL('../../docs/migration.md', import.meta.url), 'utf8');
    const query = /-- PostgreSQL, Redshift, DuckDB[^\n]*\n([\s\S]*?;)/.exec(doc)?.[1];
    expect(query).toBeDefined();
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await db.run('CREATE SCHEMA customerio');
    await db.run(`CREATE TABLE customerio.email_opened (${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
    await db.run("INSERT INTO customerio.email_opened VALUES ('1', '1.0.0', 'd', NULL, '7', 'Spring')");
    const listColumns = async (): Promise<{ name: string; columns: string[] }[]> => {
      const rows = (await db.runAndReadAll(query!)).getRowObjectsJson() as { table_name: string; column_name: string }[];
      const tables = new Map<string, string[]>();
      for (const row of rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
      return [...tables].filter(([, c]) => c.includes('context_integration_version')).map(([name, c]) => ({ name, columns: c }));
    };
    for (let round = 0; round < 2; round++) {
      const tables = await listColumns();
      expect(tables.map((t) => t.name)).toStrictEqual(['email_opened']);
      for (const statement of migrationSql({ dialect: 'duckdb', tables })) await db.run(statement);
    }
    for (const statement of migrationSql({ dialect: 'duckdb', mode: 'in-place', tables: await listColumns() })) await db.run(statement);
    const rows = (await db.runAndReadAll('SELECT * FROM customerio.email_opened')).getRowObjectsJson();
    expect(rows).toStrictEqual([{ id: '1', context_integration_version: '2.0.0', email_id: null, delivery_id: 'd', campaign_id: '7', campaign_name: null }]);
  });
});
