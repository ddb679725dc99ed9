import { lookupColumns } from '../catalog/lookupColumns';
import { movedColumns } from '../catalog/movedColumns';
import { MigrationSqlError } from './MigrationSqlError';
import type { LookupKind } from '../catalog/lookupColumns';
import { integrationVersion, v1IntegrationVersion } from '../catalog/integration';

/** The warehouses `migrationSql` writes SQL for. */
export type SqlDialect = 'postgres' | 'redshift' | 'snowflake' | 'bigquery' | 'duckdb';

/** One table to migrate: its name and every one of its columns, as the warehouse lists them. */
export interface MigrationSqlTable {
  readonly name: string;
  /**
   * All the columns of the table (from `information_schema.columns`, see `docs/migration.md`). The SQL
   * uses only these, so a table that never held a 1.0.0 row and has no `email_id` column still works,
   * and a view can list its columns one by one (PostgreSQL and Redshift have no `SELECT * EXCEPT`).
   */
  readonly columns: readonly string[];
}

/** Options of {@link migrationSql}. */
export interface MigrationSqlOptions {
  readonly dialect: SqlDialect;
  /** The schema (BigQuery: dataset) of the source; Segment names it `customerio` by default (https://segment.com/docs/connections/storage/warehouses/schema/). */
  readonly schema?: string | undefined;
  /** The event tables (and `tracks`) to migrate, with their columns. */
  readonly tables: readonly MigrationSqlTable[];
  /**
   * `view` (the default) leaves every table as it is and creates a 2.0.0-shaped view `<table>_v2` per
   * table; `in-place` rewrites the 1.0.0 rows of the tables themselves. Both first fill the lookup tables.
   */
  readonly mode?: 'view' | 'in-place' | undefined;
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
// PostgreSQL truncates identifiers at 63 bytes; the strictest of the five, so it caps everyone.
const maxIdentifierLength = 63;
const viewSuffix = '_v2';
const lookupTablePrefix = 'v1_';
const version = 'context_integration_version';

const textType: Record<SqlDialect, string> = {
  postgres: 'TEXT',
  // Segment loads Redshift strings as VARCHAR(512) and truncates longer ones (https://segment.com/docs/connections/storage/catalog/redshift/).
  redshift: 'VARCHAR(512)',
  snowflake: 'VARCHAR',
  bigquery: 'STRING',
  duckdb: 'VARCHAR',
};

// Any value, even a symbol or a bigint, as text for a message: describing a bad option must not throw.
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function invalidOption(option: string, value: unknown, message: string): MigrationSqlError {
  return new MigrationSqlError('invalid_option', typeof value === 'string' ? value : show(value), `${option}: ${message}`);
}

function checkIdentifier(name: string, what: string): string {
  if (typeof name !== 'string' || !identifierPattern.test(name) || name.length > maxIdentifierLength) {
    throw new MigrationSqlError(
      'invalid_identifier',
      typeof name === 'string' ? name : show(name),
      `${what} ${show(name)} is not a plain identifier (letters, digits and _, not starting with a digit, at most ${maxIdentifierLength} characters); it is never put into SQL`,
    );
  }
  return name;
}

function quoter(dialect: SqlDialect): (name: string) => string {
  // Only plain identifiers reach here, so no quote character can occur inside.
  if (dialect === 'bigquery') return (name) => `\`${name}\``;
  // Snowflake stores unquoted names upper-cased; quoting the upper-cased name finds the table Segment made.
  if (dialect === 'snowflake') return (name) => `"${name.toUpperCase()}"`;
  return (name) => `"${name}"`;
}

/**
 * Writes the 1.0.0 → 2.0.0 migration as SQL statements for one warehouse, to run inside the warehouse.
 *
 * The statements apply, row by row, exactly the rules of `migrateWarehouseRowV1ToV2` (a row is 1.0.0 when
 * `context_integration_version = '1.0.0'`; NULL is absent; a value that contradicts its 2.0.0 twin is
 * kept). First they create the lookup tables `v1_action_names`, `v1_campaign_names`,
 * `v1_newsletter_names` and `v1_transactional_message_names` (`id`, `name`, both text) if missing and add
 * the distinct pairs not in them yet; then, by `mode`, a view `<table>_v2` per table or an `UPDATE` of the
 * 1.0.0 rows (adding `delivery_id`/`subject` columns a table lacks). Every statement can be run again
 * (on Redshift, Snowflake and BigQuery, with the columns listed again after an in-place run added one).
 *
 * Names are checked against `/^[A-Za-z_][A-Za-z0-9_]*$/` (at most 63 characters) and quoted for the
 * dialect; anything else throws a {@link MigrationSqlError} instead of reaching the SQL.
 *
 * @returns The statements, in order, without trailing semicolons.
 * @example
 * migrationSql({ dialect: 'postgres', tables: [{ name: 'email_opened', columns }] }).join(';\n')
 */
export function migrationSql(options: MigrationSqlOptions): string[] {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', options, `must be an object { dialect, schema, tables, mode }, received ${show(options)}`);
  const { dialect } = options;
  if (typeof dialect !== 'string' || !Object.hasOwn(textType, dialect)) {
    throw invalidOption('dialect', dialect, `unknown dialect ${show(dialect)}; use one of ${Object.keys(textType).join(', ')}`);
  }
  const mode = options.mode ?? 'view';
  if (mode !== 'view' && mode !== 'in-place') {
    throw invalidOption('mode', mode, `unknown mode ${show(mode)}; use view or in-place`);
  }
  const q = quoter(dialect);
  const text = textType[dialect];
  const schema = checkIdentifier(options.schema ?? 'customerio', 'schema').toLowerCase();
  // BigQuery accepts the whole `dataset.table` path in one pair of backticks, the form its docs show.
  const qualified = (name: string): string => (dialect === 'bigquery' ? `\`${schema}.${name}\`` : `${q(schema)}.${q(name)}`);

  if (!Array.isArray(options.tables) || options.tables.length === 0) {
    throw new MigrationSqlError('invalid_option', 'tables', 'tables must list at least one table with its columns');
  }
  // Segment writes lower-case names (https://segment.com/docs/connections/storage/warehouses/schema/) and Snowflake lists them upper-cased: compare and
  // write them in lower case, and let the quoting of the dialect do the rest.
  const tables = (options.tables as readonly unknown[]).map((table: unknown, index: number) => {
    if (typeof table !== 'object' || table === null) throw invalidOption(`tables[${index}]`, table, `must be { name, columns }, received ${show(table)}`);
    const { name: given, columns: givenColumns } = table as { name?: unknown; columns?: unknown };
    const name = checkIdentifier(given as string, 'table').toLowerCase();
    if (mode === 'view') checkIdentifier(name + viewSuffix, 'view');
    if (!Array.isArray(givenColumns)) throw invalidOption(`tables[${index}].columns`, givenColumns, `the columns of ${name} must be an array of column names, received ${show(givenColumns)}`);
    const columns = (givenColumns as unknown[]).map((column) => checkIdentifier(column as string, `column of ${name}`).toLowerCase());
    const seen = new Set(columns);
    if (seen.size !== columns.length) {
      throw new MigrationSqlError('invalid_option', name, `a column of table ${name} is listed twice`);
    }
    return { name, columns, has: (column: string): boolean => seen.has(column) };
  });
  // Names are compared in lower case, as they are written: two that differ only by case are one table.
  const listed = new Set<string>();
  for (const { name } of tables) {
    if (listed.has(name)) throw invalidOption('tables', name, `table ${name} is listed twice (names are compared without case)`);
    listed.add(name);
  }
  for (const { name } of tables) {
    if (name.endsWith(viewSuffix) && listed.has(name.slice(0, -viewSuffix.length))) {
      throw invalidOption(
        'tables',
        name,
        `${name} is listed next to ${name.slice(0, -viewSuffix.length)}: it is the view a previous run created, not a table to migrate (list base tables only, see docs/migration.md)`,
      );
    }
  }

  const statements: string[] = [];
  const isV1 = `${q(version)} = '${v1IntegrationVersion}'`;

  for (const { kind, id, name } of lookupColumns) {
    const sources = tables.filter((t) => t.has(version) && t.has(id) && t.has(name));
    if (sources.length === 0) continue;
    const lookup = qualified(lookupTableName(kind));
    statements.push(`CREATE TABLE IF NOT EXISTS ${lookup} (${q('id')} ${text}, ${q('name')} ${text})`);
    const selects = sources.map(
      (t) =>
        `SELECT CAST(${q(id)} AS ${text}) AS ${q('id')}, CAST(${q(name)} AS ${text}) AS ${q('name')} FROM ${qualified(t.name)} WHERE ${isV1} AND ${q(id)} IS NOT NULL AND ${q(name)} IS NOT NULL`,
    );
    statements.push(
      `INSERT INTO ${lookup} (${q('id')}, ${q('name')})\nSELECT DISTINCT ${q('n')}.${q('id')}, ${q('n')}.${q('name')} FROM (\n  ${selects.join('\n  UNION ALL\n  ')}\n) AS ${q('n')}\nWHERE NOT EXISTS (SELECT 1 FROM ${lookup} AS ${q('l')} WHERE ${q('l')}.${q('id')} = ${q('n')}.${q('id')} AND ${q('l')}.${q('name')} = ${q('n')}.${q('name')})`,
    );
  }

  for (const table of tables) {
    if (mode === 'view') statements.push(viewStatement(table, qualified, q, isV1));
    else statements.push(...inPlaceStatements(table, qualified, q, isV1, text, dialect));
  }
  return statements;
}

function lookupTableName(kind: LookupKind): string {
  return `${lookupTablePrefix}${kind}_names`;
}

interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  has(column: string): boolean;
}

function viewStatement(table: Table, qualified: (n: string) => string, q: (n: string) => string, isV1: string): string {
  const select: string[] = [];
  for (const column of table.columns) {
    const c = q(column);
    const move = movedColumns.find((m) => m.new === column);
    const moveFrom = movedColumns.find((m) => m.old === column);
    const named = lookupColumns.find((l) => l.name === column);
    if (!table.has(version)) select.push(c);
    else if (column === version) select.push(`CASE WHEN ${isV1} THEN '${integrationVersion}' ELSE ${c} END AS ${c}`);
    else if (move !== undefined && table.has(move.old)) {
      select.push(`CASE WHEN ${isV1} THEN COALESCE(${c}, ${q(move.old)}) ELSE ${c} END AS ${c}`);
    } else if (moveFrom !== undefined) {
      const to = moveFrom.new;
      // The new column takes the old one's place when the table lacks it, as in the row function.
      if (!table.has(to)) select.push(`CASE WHEN ${isV1} THEN ${c} END AS ${q(to)}`);
      const keep = table.has(to) ? `${q(to)} IS NOT NULL AND ${c} <> ${q(to)}` : 'FALSE';
      select.push(`CASE WHEN ${isV1} AND NOT (${keep}) THEN NULL ELSE ${c} END AS ${c}`);
    } else if (named !== undefined && table.has(named.id)) {
      select.push(`CASE WHEN ${isV1} AND ${q(named.id)} IS NOT NULL THEN NULL ELSE ${c} END AS ${c}`);
    } else select.push(c);
  }
  const view = qualified(table.name + viewSuffix);
  return `CREATE OR REPLACE VIEW ${view} AS\nSELECT\n  ${select.join(',\n  ')}\nFROM ${qualified(table.name)}`;
}

function inPlaceStatements(
  table: Table,
  qualified: (n: string) => string,
  q: (n: string) => string,
  isV1: string,
  text: string,
  dialect: SqlDialect,
): string[] {
  if (!table.has(version)) return [];
  const statements: string[] = [];
  const set: string[] = [];
  for (const { old: from, new: to } of movedColumns) {
    if (!table.has(from)) continue;
    if (!table.has(to)) {
      // Redshift has no ADD COLUMN IF NOT EXISTS; Snowflake and BigQuery do, but the SQL parser our tests
      // check their SQL with does not. There, list the columns again before a second in-place run.
      const ifNotExists = dialect === 'postgres' || dialect === 'duckdb' ? 'IF NOT EXISTS ' : '';
      statements.push(`ALTER TABLE ${qualified(table.name)} ADD COLUMN ${ifNotExists}${q(to)} ${text}`);
    }
    // Every right-hand side of an UPDATE reads the row as it was, so the order of these does not matter.
    set.push(`${q(to)} = COALESCE(${q(to)}, ${q(from)})`);
    set.push(`${q(from)} = CASE WHEN ${q(to)} IS NOT NULL AND ${q(from)} <> ${q(to)} THEN ${q(from)} END`);
  }
  for (const { id, name } of lookupColumns) {
    if (table.has(name) && table.has(id)) set.push(`${q(name)} = CASE WHEN ${q(id)} IS NULL THEN ${q(name)} END`);
  }
  set.push(`${q(version)} = '${integrationVersion}'`);
  statements.push(`UPDATE ${qualified(table.name)}\nSET\n  ${set.join(',\n  ')}\nWHERE ${isV1}`);
  return statements;
}
