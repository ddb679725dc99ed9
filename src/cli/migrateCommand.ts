import { isPlainObject } from '../json/isPlainObject';
import { foldNameLookups, type NameTables } from '../migration/foldNameLookups';
import { migrateTrackV1ToV2 } from '../migration/migrateTrackV1ToV2';
import { migrateWarehouseRowV1ToV2 } from '../migration/migrateWarehouseRowV1ToV2';
import { safeParseSegmentTrack } from '../validation/safeParseSegmentTrack';
import { checkExact, stringifyExact } from './exactJson';
import { describeIssue, summarize } from './lineReport';
import { type LineOutcome, processLines } from './lines';
import { lineStreamHelp, lineStreamOptions, lineStreams } from './lineStreams';
import { readLookupsFile } from './lookupsFile';
import { openOutputFile, type Output } from './outputFile';
import { parseOptions } from './parseOptions';
import { UsageError } from './UsageError';
import { integrationName, v1IntegrationVersion } from '../catalog/integration';

/** The `--help` text of `customerio-segment migrate`. */
export const migrateHelp = `Usage: customerio-segment migrate [options] < v1.ndjson > v2.ndjson

Migrates each line from Customer.io's Segment source 1.0.0 to 2.0.0. Lines that
are not 1.0.0 are written unchanged, byte for byte. Values that contradict each other are kept and
counted. A changed line keeps every value exactly (integers beyond 2^53 keep their digits); a line
whose values cannot be kept (duplicate keys, 1e400) fails with the reason.

Options:
  --rows              lines are flattened warehouse rows (email_id, campaign_name, ...), not payloads;
                      upper-case columns (Snowflake: CONTEXT_INTEGRATION_VERSION) are understood
  --lookups FILE      the id -> name tables (and the ids seen with several names) as JSON; an
                      existing FILE is read first and this run's names are added to it
  --conflicts FILE    write each line's conflicts as NDJSON ({"line": n, "conflicts": [...]})
  --validate          check each payload written with safeParseSegmentTrack (any event name); a line
                      that fails is reported with its issues and not written (not with --rows)
${lineStreamHelp}

Exit codes: 0 every line handled, 1 some lines failed, 2 bad usage or a file that could not be read or
written, 130/143 stopped by SIGINT/SIGTERM (whole lines written, lookups and conflicts saved).
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
  const io = lineStreams(values, [
    { option: '--lookups', path: values.lookups },
    { option: '--conflicts', path: values.conflicts },
  ]);
  const outputs: Output[] = [io.output];
  try {
    // Read before any line: a lookups file that cannot be added to stops the run before it writes.
    let tables: NameTables | undefined = values.lookups === undefined ? undefined : readLookupsFile(values.lookups);
    let namesTakenOut = 0;
    const conflictsOut = values.conflicts === undefined ? undefined : openOutputFile('--conflicts', values.conflicts);
    if (conflictsOut !== undefined) outputs.push(conflictsOut);
    let conflictText = '';
    let conflictLines = 0;
    let conflictCount = 0;
    let migrated = 0;
    let pendingWrite: Promise<void> | void = undefined;
    const counts = await processLines({
      ...io,
      errors: process.stderr,
      command: 'migrate',
      keepBom: true,
      handle: (line, lineNumber): LineOutcome => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          return { fail: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
        }
        if (!isPlainObject(value)) return { fail: [`(root): a ${rows ? 'row' : 'track payload'} must be a JSON object`] };
        let result = rows ? migrateWarehouseRowV1ToV2(value) : migrateTrackV1ToV2(value);
        let bigints = false;
        // A line that is changed must keep every value: checked only then, since an unchanged line is
        // written as it came, byte for byte, whatever JSON.parse made of it.
        if (result.changed) {
          const exact = checkExact(line, value);
          if ('fail' in exact) return exact;
          if (exact.bigints) {
            bigints = true;
            result = rows ? migrateWarehouseRowV1ToV2(exact.value as Record<string, unknown>) : migrateTrackV1ToV2(exact.value as Record<string, unknown>);
          }
        }
        if (validate) {
          const checked = safeParseSegmentTrack(result.value, { allowUnknownEvents: true });
          if (!checked.success) return { fail: checked.issues.map(describeIssue) };
        }
        if (!result.changed) return { keep: true };
        migrated++;
        namesTakenOut += result.lookups.length;
        if (tables !== undefined && result.lookups.length > 0) tables = foldNameLookups(result.lookups, tables);
        if (result.conflicts.length > 0) {
          conflictLines++;
          conflictCount += result.conflicts.length;
          if (conflictsOut !== undefined) {
            conflictText += `${stringifyExact({ line: lineNumber, conflicts: result.conflicts }, true)}\n`;
            if (conflictText.length >= 64 * 1024) {
              pendingWrite = conflictsOut.write(conflictText);
              conflictText = '';
            }
          }
        }
        return { write: stringifyExact(result.value, bigints) };
      },
    });
    await pendingWrite;
    // The side files first: they hold facts about lines already written, so they must not be lost
    // when the output's last step fails; names of lines not written do no harm.
    if (values.lookups !== undefined && tables !== undefined) {
      const lookupsOut = openOutputFile('--lookups', values.lookups);
      outputs.push(lookupsOut);
      await lookupsOut.write(`${JSON.stringify(tables, null, 2)}\n`);
      await lookupsOut.commit();
    }
    if (conflictsOut !== undefined) {
      await conflictsOut.write(conflictText);
      await conflictsOut.commit();
    }
    await io.output.commit();
    const renamed = tables?.renamed.length ?? 0;
    let extra =
      conflictCount > 0 || renamed > 0
        ? `; ${migrated} migrated, ${conflictCount} conflicts on ${conflictLines} lines (values kept), ${renamed} ids with several names`
        : rows
          ? `; ${migrated} of them 1.0.0 rows, migrated`
          : '';
    // Without --lookups the names 2.0.0 dropped leave the data: say so, and how to keep them.
    if (values.lookups === undefined && namesTakenOut > 0) {
      extra += `\nmigrate: warning: ${namesTakenOut} names (campaign_name, action_name, …) were taken out of the lines as 2.0.0 does and not kept; run again with --lookups FILE to keep them as id -> name tables`;
    }
    if (migrated === 0 && counts.written > 0) {
      extra += rows
        ? `\nmigrate: warning: no line was a ${v1IntegrationVersion} row (a context_integration_version column equal to "${v1IntegrationVersion}"), so every line was written unchanged; for track payloads, leave out --rows`
        : `\nmigrate: warning: no line was a ${v1IntegrationVersion} payload (context.integration {"name": "${integrationName}", "version": "${v1IntegrationVersion}"}), so every line was written unchanged; for warehouse rows, add --rows`;
    }
    return summarize('migrate', counts, extra);
  } catch (error) {
    for (const output of outputs) output.abort();
    throw error;
  }
}
