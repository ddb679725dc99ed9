/** A generated warehouse: tables with typed columns and a mix of 1.0.0 and 2.0.0 rows, contradictions included. */

export interface DatasetTable {
  readonly name: string;
  /** column → SQL type (portable between DuckDB and PostgreSQL) */
  readonly columns: Readonly<Record<string, 'VARCHAR' | 'BIGINT'>>;
  readonly rows: Record<string, string | number | null>[];
}

// A small seeded PRNG (mulberry32): the dataset is the same on every run, so a failure can be replayed.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const emailOpened: DatasetTable['columns'] = {
  id: 'VARCHAR',
  user_id: 'VARCHAR',
  event: 'VARCHAR',
  event_text: 'VARCHAR',
  timestamp: 'VARCHAR',
  context_integration_name: 'VARCHAR',
  context_integration_version: 'VARCHAR',
  context_traits_email: 'VARCHAR',
  delivery_id: 'VARCHAR',
  email_id: 'VARCHAR',
  subject: 'VARCHAR',
  email_subject: 'VARCHAR',
  action_id: 'VARCHAR',
  action_name: 'VARCHAR',
  campaign_id: 'BIGINT',
  campaign_name: 'VARCHAR',
  newsletter_id: 'BIGINT',
  newsletter_name: 'VARCHAR',
  transactional_message_id: 'BIGINT',
  transactional_message_name: 'VARCHAR',
  recipient: 'VARCHAR',
  x_custom: 'VARCHAR',
};

// A table that held 1.0.0 rows but never a `delivery_id` or a subject column, and no action_name.
const smsSent: DatasetTable['columns'] = {
  id: 'VARCHAR',
  user_id: 'VARCHAR',
  event: 'VARCHAR',
  context_integration_version: 'VARCHAR',
  email_id: 'VARCHAR',
  action_id: 'VARCHAR',
  campaign_id: 'BIGINT',
  campaign_name: 'VARCHAR',
  content: 'VARCHAR',
};

const tracks: DatasetTable['columns'] = {
  id: 'VARCHAR',
  user_id: 'VARCHAR',
  event: 'VARCHAR',
  event_text: 'VARCHAR',
  context_integration_version: 'VARCHAR',
};

/** Builds the tables with `count` rows in all, about half of them 1.0.0. */
export function generateDataset(count: number, seed = 5): DatasetTable[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const text = (): string => pick(['Welcome', "O'Brien's news", 'Ünïcødé ✉', 'a "quoted" one', 'plain', 'x\\y', '']) + Math.floor(next() * 50);
  const names = ['Onboarding', 'Winback', "Spring '21", 'Newsletter', 'Renamed'];
  const tables: DatasetTable[] = [
    { name: 'email_opened', columns: emailOpened, rows: [] },
    { name: 'sms_sent', columns: smsSent, rows: [] },
    { name: 'tracks', columns: tracks, rows: [] },
  ];
  for (let i = 0; i < count; i++) {
    const table = tables[i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2] as DatasetTable;
    const v1 = next() < 0.5;
    const row: Record<string, string | number | null> = {};
    for (const column of Object.keys(table.columns)) row[column] = null;
    row.id = `row-${i}`;
    row.user_id = `user-${Math.floor(next() * 1000)}`;
    row.event = table.name;
    if ('event_text' in row) row.event_text = table.name.replace('_', ' ');
    // NULL versions happen in tables that mix sources; they are not 1.0.0.
    row.context_integration_version = v1 ? '1.0.0' : next() < 0.9 ? '2.0.0' : null;
    const delivery = `d${Math.floor(next() * 5000)}`;
    const roll = next();
    if ('delivery_id' in row) {
      // equal / different / delivery missing / email_id missing
      if (roll < 0.6 || !v1) row.delivery_id = delivery;
      if (v1) {
        if (roll < 0.5) row.email_id = delivery;
        else if (roll < 0.6) row.email_id = `${delivery}-other`;
        else if (roll < 0.85) row.email_id = delivery;
      } else if (roll < 0.03) row.email_id = `stray-${delivery}`;
    } else if ('email_id' in row && (v1 ? roll < 0.85 : roll < 0.03)) row.email_id = delivery;
    if ('subject' in row) {
      const subject = text();
      const r = next();
      if (v1) {
        if (r < 0.5) row.email_subject = subject;
        else if (r < 0.6) {
          row.email_subject = subject;
          row.subject = `${subject}!`;
        } else if (r < 0.7) {
          row.email_subject = subject;
          row.subject = subject;
        } else if (r < 0.8) row.subject = subject;
      } else if (r < 0.9) row.subject = subject;
    }
    for (const [id, name] of [
      ['action_id', 'action_name'],
      ['campaign_id', 'campaign_name'],
      ['newsletter_id', 'newsletter_name'],
      ['transactional_message_id', 'transactional_message_name'],
    ] as const) {
      if (!(id in row)) continue;
      const r = next();
      const idValue = Math.floor(next() * 40);
      if (r < 0.8) row[id] = table.columns[id] === 'BIGINT' ? idValue : pick(['', 'n']) + idValue;
      // Some ids carry two names over time: the renamed campaigns the fold must report.
      if (v1 && name in row && next() < 0.85) row[name] = idValue % 7 === 0 ? pick(names) : `${name}-${idValue}`;
    }
    if ('recipient' in row) row.recipient = `${row.user_id}@example.com`;
    if ('x_custom' in row && next() < 0.5) row.x_custom = text();
    if ('content' in row && next() < 0.5) row.content = text();
    table.rows.push(row);
  }
  return tables;
}

/** SQL text for a literal, standard quoting (no backslash escapes in DuckDB or PostgreSQL). */
export function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** The statements that create `schema` and load the tables, 500 rows per INSERT. */
export function loadStatements(schema: string, tables: readonly DatasetTable[]): string[] {
  const statements = [`CREATE SCHEMA ${schema}`];
  for (const table of tables) {
    const columns = Object.keys(table.columns);
    statements.push(`CREATE TABLE ${schema}.${table.name} (${columns.map((c) => `"${c}" ${table.columns[c]}`).join(', ')})`);
    for (let i = 0; i < table.rows.length; i += 500) {
      const values = table.rows.slice(i, i + 500).map((row) => `(${columns.map((c) => literal(row[c] ?? null)).join(', ')})`);
      statements.push(`INSERT INTO ${schema}.${table.name} VALUES ${values.join(',\n')}`);
    }
  }
  return statements;
}

/** A row as text, NULL columns left out: NULL is an absent column, and engines type numbers differently. */
export function normalizeRow(row: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) if (value !== null && value !== undefined) out[key] = String(value);
  return out;
}
