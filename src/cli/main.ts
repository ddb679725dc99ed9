import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { toSegmentTrack, type ToSegmentTrackOptions } from '../mapping/toSegmentTrack';
import { safeParseSegmentTrack } from '../schemas/safeParseSegmentTrack';
import type { Issue } from '../validation/issue';
import { safeParseWebhook } from '../validation/safeParseWebhook';
import { foldNameLookups, type NameTables } from '../migration/foldNameLookups';
import { migrateTrackV1ToV2 } from '../migration/migrateTrackV1ToV2';
import { migrateWarehouseRowV1ToV2 } from '../migration/migrateWarehouseRowV1ToV2';
import { migrationSql, type MigrationSqlTable, type SqlDialect } from '../migration/migrationSql';
import { MigrationSqlError } from '../migration/MigrationSqlError';
import { type LineCounts, type LineOutcome, processLines } from './lines';

const usage = `Usage: customerio-segment <command> [options]

Commands:
  map      NDJSON Customer.io reporting webhooks -> NDJSON Segment track calls (2.0.0)
  migrate  NDJSON 1.0.0 track payloads (or warehouse rows with --rows) -> 2.0.0
  sql      print the SQL that migrates a warehouse in place or through views

Run "customerio-segment <command> --help" for the options of a command.
Exit codes: 0 all lines done, 1 some lines failed, 2 bad usage.
`;

const streamOptions = `  --input FILE     read from FILE instead of stdin
  --output FILE    write to FILE instead of stdout
  --progress       print lines and lines/s on stderr (default when stderr is a terminal)
  --help           show this help`;

const helps = {
  map: `Usage: customerio-segment map [options] < webhooks.ndjson > tracks.ndjson

Maps each line, a reporting webhook body, with toSegmentTrack. A line that is not JSON or not a valid
webhook is reported on stderr with its line number and issues; a disabled event is skipped.

Options:
  --body-content                put the message body in "Sent" events (Body Content)
  --send-back-to-customer-io    integrations["Customer.io"] = true
  --write-key KEY               put writeKey on every call
  --enabled-events LIST         only these events (comma-separated default names; repeatable)
  --event-name DEFAULT=NAME     rename an event (repeatable)
  --allow-unknown-events        map object_type/metric pairs outside the catalog
${streamOptions}
`,
  migrate: `Usage: customerio-segment migrate [options] < v1.ndjson > v2.ndjson

Migrates each line from Customer.io's Segment source 1.0.0 to 2.0.0 (docs/migration.md). Lines that
are not 1.0.0 are written unchanged. Values that contradict each other are kept and counted.

Options:
  --rows              lines are flattened warehouse rows (email_id, campaign_name, ...), not payloads
  --lookups FILE      write the id -> name tables (and the ids seen with several names) as JSON
  --conflicts FILE    write each line's conflicts as NDJSON ({"line": n, "conflicts": [...]})
  --validate          check each payload written with safeParseSegmentTrack (any event name); a line
                      that fails is reported with its issues and not written (not with --rows)
${streamOptions}
`,
  sql: `Usage: customerio-segment sql --dialect DIALECT --columns FILE [options]

Prints the statements of migrationSql (docs/migration.md).

Options:
  --dialect NAME      postgres, redshift, snowflake, bigquery or duckdb
  --schema NAME       the source's schema (BigQuery: dataset); default customerio
  --mode MODE         view (default: 2.0.0 views, tables untouched) or in-place
  --columns FILE      JSON {"table": ["column", ...]} listing the tables to migrate and all their columns
  --table SPEC        a table as name:column,column,... (repeatable; instead of or with --columns)
  --help              show this help
`,
} as const;

type Command = keyof typeof helps;

const streamParseOptions = {
  input: { type: 'string' },
  output: { type: 'string' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(usage);
    return command === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(helps, command)) throw new UsageError(`unknown command "${command}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helps[command as Command]);
    return 0;
  }
  switch (command as Command) {
    case 'map':
      return map(rest);
    case 'migrate':
      return migrate(rest);
    case 'sql':
      return sql(rest);
  }
}

function parse<const T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

interface Streams {
  input: Readable;
  output: Writable;
  progress: boolean;
  close(): Promise<void>;
}

function streams(values: { input?: string | undefined; output?: string | undefined; progress?: boolean | undefined }): Streams {
  const input = values.input === undefined ? process.stdin : createReadStream(values.input);
  const output = values.output === undefined ? process.stdout : createWriteStream(values.output);
  return {
    input,
    output,
    progress: values.progress === true || process.stderr.isTTY === true,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (output === process.stdout) return resolve();
        output.once('error', reject);
        output.end(resolve);
      }),
  };
}

function summarize(command: string, counts: LineCounts, extra = ''): number {
  if (counts.failed > 0 || extra !== '') {
    process.stderr.write(`${command}: ${counts.lines} lines, ${counts.written} written, ${counts.skipped} skipped, ${counts.failed} failed${extra}\n`);
  }
  return counts.failed > 0 ? 1 : 0;
}

function parseLine(line: string): { value: unknown } | { fail: string[] } {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch (error) {
    return { fail: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function map(args: readonly string[]): Promise<number> {
  const values = parse(args, {
    ...streamParseOptions,
    'body-content': { type: 'boolean' },
    'send-back-to-customer-io': { type: 'boolean' },
    'write-key': { type: 'string' },
    'enabled-events': { type: 'string', multiple: true },
    'event-name': { type: 'string', multiple: true },
    'allow-unknown-events': { type: 'boolean' },
  });
  const options: ToSegmentTrackOptions = {
    bodyContent: values['body-content'] === true,
    sendBackToCustomerIo: values['send-back-to-customer-io'] === true,
    writeKey: values['write-key'],
    enabledEvents: values['enabled-events']?.flatMap((list) => list.split(',').map((name) => name.trim()).filter((n) => n !== '')),
    eventNames: values['event-name'] === undefined ? undefined : Object.fromEntries(values['event-name'].map(eventName)),
  };
  const allowUnknownEvents = values['allow-unknown-events'] === true;
  const io = streams(values);
  const counts = await processLines({
    ...io,
    errors: process.stderr,
    command: 'map',
    handle: (line) => {
      const parsed = parseLine(line);
      if ('fail' in parsed) return parsed;
      const webhook = safeParseWebhook(parsed.value, { allowUnknownEvents });
      if (!webhook.success) return { fail: webhook.issues.map(describeIssue) };
      const track = toSegmentTrack(webhook.value, options);
      return track === null ? { skip: true } : { write: JSON.stringify(track) };
    },
  });
  await io.close();
  return summarize('map', counts);
}

function describeIssue(issue: Issue): string {
  return `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message} [${issue.code}]`;
}

function eventName(spec: string): [string, string] {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) throw new UsageError(`--event-name must look like "Email Opened=Opened", received "${spec}"`);
  return [spec.slice(0, at), spec.slice(at + 1)];
}

async function migrate(args: readonly string[]): Promise<number> {
  const values = parse(args, {
    ...streamParseOptions,
    rows: { type: 'boolean' },
    lookups: { type: 'string' },
    conflicts: { type: 'string' },
    validate: { type: 'boolean' },
  });
  const rows = values.rows === true;
  if (rows && values.validate === true) throw new UsageError('--validate checks track payloads; rows have no 2.0.0 validation');
  const validate = values.validate === true;
  const io = streams(values);
  const conflictsOut = values.conflicts === undefined ? undefined : createWriteStream(values.conflicts);
  let tables: NameTables | undefined = values.lookups === undefined ? undefined : foldNameLookups([]);
  let conflictLines = 0;
  let conflictCount = 0;
  let migrated = 0;
  const counts = await processLines({
    ...io,
    errors: process.stderr,
    command: 'migrate',
    handle: (line, lineNumber): LineOutcome => {
      const parsed = parseLine(line);
      if ('fail' in parsed) return parsed;
      if (!isObject(parsed.value)) return { fail: [`(root): a ${rows ? 'row' : 'track payload'} must be a JSON object`] };
      const result = rows ? migrateWarehouseRowV1ToV2(parsed.value) : migrateTrackV1ToV2(parsed.value);
      if (validate) {
        const checked = safeParseSegmentTrack(result.value, { allowUnknownEvents: true });
        if (!checked.success) return { fail: checked.issues.map(describeIssue) };
      }
      // An unchanged line is written as it came: no re-serialization, byte for byte.
      if (!result.changed) return { write: line };
      migrated++;
      if (tables !== undefined && result.lookups.length > 0) tables = foldNameLookups(result.lookups, tables);
      if (result.conflicts.length > 0) {
        conflictLines++;
        conflictCount += result.conflicts.length;
        // Conflict files are small next to the data; a full buffer here only costs memory, not order.
        conflictsOut?.write(`${JSON.stringify({ line: lineNumber, conflicts: result.conflicts }, bigintAsString)}\n`);
      }
      return { write: JSON.stringify(result.value, bigintAsString) };
    },
  });
  await io.close();
  if (conflictsOut !== undefined) await new Promise<void>((resolve) => conflictsOut.end(resolve));
  if (tables !== undefined && values.lookups !== undefined) writeFileSync(values.lookups, `${JSON.stringify(tables, null, 2)}\n`);
  const renamed = tables?.renamed.length ?? 0;
  const extra =
    conflictCount > 0 || renamed > 0
      ? `; ${migrated} migrated, ${conflictCount} conflicts on ${conflictLines} lines (values kept), ${renamed} ids with several names`
      : '';
  return summarize('migrate', counts, extra);
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function sql(args: readonly string[]): number {
  const values = parse(args, {
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
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.columns, 'utf8'));
    } catch (error) {
      throw new UsageError(`--columns ${values.columns}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isObject(json)) throw new UsageError('--columns must hold a JSON object {"table": ["column", ...]}');
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
  try {
    const statements = migrationSql({ dialect: values.dialect as SqlDialect, schema: values.schema, tables, mode });
    process.stdout.write(`${statements.join(';\n\n')};\n`);
    return 0;
  } catch (error) {
    if (error instanceof MigrationSqlError) throw new UsageError(error.message);
    throw error;
  }
}

// `customerio-segment map < big | head` closes stdout early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`customerio-segment: ${error.message}\nRun "customerio-segment --help" for usage.\n`);
      process.exitCode = 2;
    } else {
      // A system error (a missing --input file) says all in its message; anything else is a bug: show the stack.
      const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
      process.stderr.write(`customerio-segment: ${error instanceof Error ? (system ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
