import { readFileSync } from 'node:fs';
import { isPlainObject } from '../json/isPlainObject';
import { migrationSql, type MigrationSqlTable, type SqlDialect } from '../sql/migrationSql';
import { MigrationSqlError } from '../sql/MigrationSqlError';
import { IoError, systemMessage } from './IoError';
import { stdoutOutput } from './outputFile';
import { parseOptions } from './parseOptions';
import { UsageError } from './UsageError';

/** The `--help` text of `customerio-segment sql`. */
export const sqlHelp = `Usage: customerio-segment sql --dialect DIALECT --columns FILE [options]

Prints the statements of migrationSql.

Options:
  --dialect NAME      postgres, redshift, snowflake, bigquery or duckdb
  --schema NAME       the source's schema (BigQuery: dataset); default customerio
  --mode MODE         view (default: 2.0.0 views, tables untouched) or in-place
  --columns FILE      JSON {"table": ["column", ...]} listing the tables to migrate and all their columns
  --table SPEC        a table as name:column,column,... (repeatable; instead of or with --columns)
  --help              show this help
`;

/** `customerio-segment sql`: prints the warehouse migration. Returns the exit code. */
export async function sqlCommand(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, {
    dialect: { type: 'string' },
    schema: { type: 'string' },
    mode: { type: 'string' },
    columns: { type: 'string' },
    table: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.dialect === undefined) throw new UsageError('--dialect is required');
  const tables: MigrationSqlTable[] = [];
  if (values.columns !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.columns, 'utf8');
    } catch (error) {
      throw new IoError(`--columns ${values.columns}: ${systemMessage(error)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--columns ${values.columns}: not valid JSON: ${systemMessage(error)}`);
    }
    if (!isPlainObject(json)) throw new UsageError('--columns must hold a JSON object {"table": ["column", ...]}');
    for (const [name, columns] of Object.entries(json)) {
      if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
        throw new UsageError(`--columns: the columns of ${name} must be an array of strings`);
      }
      tables.push({ name, columns });
    }
  }
  for (const spec of values.table ?? []) {
    const at = spec.indexOf(':');
    if (at <= 0) throw new UsageError(`--table must look like name:column,column, received "${spec}"`);
    tables.push({ name: spec.slice(0, at), columns: spec.slice(at + 1).split(',').map((c) => c.trim()).filter((c) => c !== '') });
  }
  if (tables.length === 0) throw new UsageError('give the tables with --columns FILE or --table name:column,...');
  const mode = values.mode ?? 'view';
  if (mode !== 'view' && mode !== 'in-place') throw new UsageError(`--mode must be view or in-place, received "${mode}"`);
  let statements: string[];
  try {
    statements = migrationSql({ dialect: values.dialect as SqlDialect, schema: values.schema, tables, mode });
  } catch (error) {
    if (error instanceof MigrationSqlError) throw new UsageError(error.message);
    throw error;
  }
  const stdout = stdoutOutput();
  await stdout.write(`${statements.join(';\n\n')};\n`);
  await stdout.commit();
  return 0;
}
