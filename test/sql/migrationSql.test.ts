import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { migrationSql, type SqlDialect } from '../../src/sql/migrationSql';
import { MigrationSqlError } from '../../src/sql/MigrationSqlError';

const { Parser } = nodeSqlParser;

// The columns of two Segment tables (segment.md §5.1): an email event table that held 1.0.0 rows, and tracks.
const tables = [
  {
    name: 'email_opened',
    columns: ['id', 'received_at', 'user_id', 'context_integration_version', 'delivery_id', 'email_id', 'subject', 'email_subject',
      'action_id', 'action_name', 'campaign_id', 'campaign_name', 'newsletter_id', 'newsletter_name',
      'transactional_message_id', 'transactional_message_name', 'recipient'],
  },
  { name: 'email_delivered', columns: ['id', 'context_integration_version', 'email_id', 'email_subject', 'campaign_id', 'campaign_name'] },
  { name: 'tracks', columns: ['id', 'event', 'event_text', 'context_integration_version'] },
];

const parserDatabase = { redshift: 'Redshift', snowflake: 'Snowflake', bigquery: 'BigQuery' } as const;

describe.each(['redshift', 'snowflake', 'bigquery'] as const)('migrationSql for %s', (dialect) => {
  for (const mode of ['view', 'in-place'] as const) {
    const sql = `${migrationSql({ dialect, tables, mode }).join(';\n\n')};\n`;
    const file = new URL(`./golden/${dialect}.${mode}.sql`, import.meta.url);

    it(`matches the golden file ${dialect}.${mode}.sql`, () => {
      // UPDATE_GOLDEN=1 rewrites the file; review the diff before keeping it.
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });

    it(`parses every ${mode} statement as ${parserDatabase[dialect]} SQL`, () => {
      const parser = new Parser();
      const statements = migrationSql({ dialect, tables, mode });
      expect(statements.length).toBeGreaterThan(3);
      for (const statement of statements) {
        expect(() => parser.astify(statement, { database: parserDatabase[dialect] }), statement).not.toThrow();
      }
    });
  }
});

describe('migrationSql names', () => {
  const quoted: Record<SqlDialect, string> = {
    postgres: '"customerio"."email_opened_v2"',
    redshift: '"customerio"."email_opened_v2"',
    duckdb: '"customerio"."email_opened_v2"',
    snowflake: '"CUSTOMERIO"."EMAIL_OPENED_V2"',
    bigquery: '`customerio.email_opened_v2`',
  };
  it.each(Object.entries(quoted))('quotes identifiers for %s', (dialect, view) => {
    const statements = migrationSql({ dialect: dialect as SqlDialect, tables });
    expect(statements.filter((s) => s.startsWith(`CREATE OR REPLACE VIEW ${view} AS`))).toHaveLength(1);
  });

  it('defaults the schema to customerio (segment.md §5.5) and uses the one given', () => {
    expect(migrationSql({ dialect: 'postgres', tables }).join('\n')).toContain('"customerio"."email_opened"');
    const other = migrationSql({ dialect: 'postgres', schema: 'cio_prod', tables }).join('\n');
    expect(other).toContain('"cio_prod"."email_opened"');
    expect(other).not.toContain('"customerio"');
  });

  it('rejects any schema, table or column that is not a plain identifier, and never puts it in SQL', () => {
    const plain = /^[A-Za-z_][A-Za-z0-9_]*$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((s) => !plain.test(s) || s.length > 63), fc.constantFrom('schema', 'table', 'column'), (name, where) => {
        const options =
          where === 'schema'
            ? { dialect: 'postgres' as const, schema: name, tables }
            : where === 'table'
              ? { dialect: 'postgres' as const, tables: [{ name, columns: ['id'] }] }
              : { dialect: 'postgres' as const, tables: [{ name: 't', columns: ['id', name] }] };
        let error: unknown;
        try {
          migrationSql(options);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(MigrationSqlError);
        expect(error).toMatchObject({ code: 'invalid_identifier', value: name });
      }),
      { numRuns: 1000 },
    );
    expect(() => migrationSql({ dialect: 'postgres', schema: 'customerio"; DROP TABLE x; --', tables })).toThrow(MigrationSqlError);
    expect(() => migrationSql({ dialect: 'postgres', tables: [{ name: `a${'b'.repeat(60)}`, columns: ['id'] }] })).toThrow(/not a plain identifier/);
  });

  it('rejects an unknown dialect or mode, no tables and a column listed twice', () => {
    expect(() => migrationSql({ dialect: 'mysql' as SqlDialect, tables })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => migrationSql({ dialect: 'duckdb', tables, mode: 'drop' as 'view' })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => migrationSql({ dialect: 'duckdb', tables: [] })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => migrationSql({ dialect: 'duckdb', tables: [{ name: 't', columns: ['id', 'ID'] }] })).toThrow(/listed twice/);
  });

  it('writes no lookup table for a kind no table has both columns of, and only a version change for tracks', () => {
    const sql = migrationSql({ dialect: 'duckdb', tables: [tables[2] as (typeof tables)[2]], mode: 'in-place' });
    expect(sql).toStrictEqual([`UPDATE "customerio"."tracks"\nSET\n  "context_integration_version" = '2.0.0'\nWHERE "context_integration_version" = '1.0.0'`]);
    const noVersion = migrationSql({ dialect: 'duckdb', tables: [{ name: 'pages', columns: ['id', 'email_id'] }] });
    expect(noVersion).toStrictEqual([`CREATE OR REPLACE VIEW "customerio"."pages_v2" AS\nSELECT\n  "id",\n  "email_id"\nFROM "customerio"."pages"`]);
  });
});
