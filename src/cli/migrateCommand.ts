import { createWriteStream, writeFileSync } from 'node:fs';
import { isPlainObject } from '../json/isPlainObject';
import { foldNameLookups, type NameTables } from '../migration/foldNameLookups';
import { migrateTrackV1ToV2 } from '../migration/migrateTrackV1ToV2';
import { migrateWarehouseRowV1ToV2 } from '../migration/migrateWarehouseRowV1ToV2';
import { safeParseSegmentTrack } from '../validation/safeParseSegmentTrack';
import { describeIssue, parseLine, summarize } from './lineReport';
import { type LineOutcome, processLines } from './lines';
import { lineStreamHelp, lineStreamOptions, lineStreams } from './lineStreams';
import { parseOptions } from './parseOptions';
import { UsageError } from './UsageError';

/** The `--help` text of `customerio-segment migrate`. */
export const migrateHelp = `Usage: customerio-segment migrate [options] < v1.ndjson > v2.ndjson

Migrates each line from Customer.io's Segment source 1.0.0 to 2.0.0 (docs/migration.md). Lines that
are not 1.0.0 are written unchanged. Values that contradict each other are kept and counted.

Options:
  --rows              lines are flattened warehouse rows (email_id, campaign_name, ...), not payloads
  --lookups FILE      write the id -> name tables (and the ids seen with several names) as JSON
  --conflicts FILE    write each line's conflicts as NDJSON ({"line": n, "conflicts": [...]})
  --validate          check each payload written with safeParseSegmentTrack (any event name); a line
                      that fails is reported with its issues and not written (not with --rows)
${lineStreamHelp}
`;

/** `customerio-segment migrate`: NDJSON 1.0.0 payloads or rows to 2.0.0. Returns the exit code. */
export async function migrateCommand(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, {
    ...lineStreamOptions,
    rows: { type: 'boolean' },
    lookups: { type: 'string' },
    conflicts: { type: 'string' },
    validate: { type: 'boolean' },
  });
  const rows = values.rows === true;
  if (rows && values.validate === true) throw new UsageError('--validate checks track payloads; rows have no 2.0.0 validation');
  const validate = values.validate === true;
  const io = lineStreams(values);
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
      if (!isPlainObject(parsed.value)) return { fail: [`(root): a ${rows ? 'row' : 'track payload'} must be a JSON object`] };
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
