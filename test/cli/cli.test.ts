import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { safeParseWebhook, toSegmentTrack } from '../../src/index';
import { foldNameLookups } from '../../src/migration/foldNameLookups';
import { migrationSql } from '../../src/sql/migrationSql';
import type { LookupKind } from '../../src/migration/MigrationResult';
import { namePairs, v1RowArbitrary, v1TrackArbitrary, v2TrackArbitrary } from '../arbitraries/v1';
import { anyWebhookArbitrary } from '../arbitraries/webhook';
import { buildCli } from '../../scripts/buildCli';

let cli: string;
const dir = mkdtempSync(join(tmpdir(), 'customerio-segment-cli-test-'));
beforeAll(async () => {
  cli = await buildCli();
});

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const kindOf = Object.fromEntries(namePairs.map(([id, name]) => [name, id.replace(/_id$/, '')])) as Record<string, LookupKind>;

describe('customerio-segment (built)', () => {
  it('migrate without --lookups says how many names left the data, and how to keep them', () => {
    const line = JSON.stringify({
      type: 'track',
      event: 'Email Opened',
      userId: '1',
      timestamp: '2021-06-16T13:04:06Z',
      context: { integration: { name: 'customer.io', version: '1.0.0' } },
      properties: { campaign_id: 7, campaign_name: 'Welcome', action_id: 3, action_name: 'Email 1' },
    });
    const without = run(['migrate'], `${line}\n${line}\n`);
    expect(without.status).toBe(0);
    expect(without.stdout).not.toContain('Welcome');
    expect(without.stderr).toMatch(/warning: 4 names .* --lookups FILE/);
    const lookups = join(dir, 'names-kept.json');
    const withLookups = run(['migrate', '--lookups', lookups], `${line}\n`);
    expect(withLookups.status).toBe(0);
    expect(withLookups.stderr).not.toContain('warning');
    expect(JSON.parse(readFileSync(lookups, 'utf8')).campaign).toEqual({ 7: 'Welcome' });
  });

  it('starts with a shebang, as bin needs', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it.each([
    [[], 2, 'Commands:'],
    [['--help'], 0, 'Commands:'],
    [['map', '--help'], 0, '--enabled-events'],
    [['migrate', '--help'], 0, '--lookups'],
    [['sql', '--help'], 0, '--dialect'],
  ])('prints help for %j', (args, status, text) => {
    const result = run(args);
    expect(result.status).toBe(status);
    expect(result.stdout + result.stderr).toContain(text);
  });

  it('rejects an unknown command or option with exit code 2', () => {
    expect(run(['frob']).status).toBe(2);
    const result = run(['migrate', '--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/frobnicate/);
  });

  it('migrates a generated NDJSON file of payloads, reports bad lines by number, and writes the lookups', () => {
    const cases = fc.sample(v1TrackArbitrary, { numRuns: 1500, seed: 42 });
    const v2s = fc.sample(v2TrackArbitrary, { numRuns: 500, seed: 43 });
    const lines: string[] = [];
    const expected: string[] = [];
    const bad = new Map<number, RegExp>();
    cases.forEach((c, i) => {
      lines.push(JSON.stringify(c.v1));
      expected.push(JSON.stringify(c.v2));
      if (i < v2s.length) {
        lines.push(JSON.stringify(v2s[i]));
        expected.push(JSON.stringify(v2s[i]));
      }
      if (i % 300 === 7) {
        lines.push(i % 600 === 7 ? '{"truncated": ' : '"a string"');
        bad.set(lines.length, i % 600 === 7 ? /not valid JSON/ : /must be a JSON object/);
      }
    });
    const input = join(dir, 'v1.ndjson');
    const output = join(dir, 'v2.ndjson');
    const lookups = join(dir, 'lookups.json');
    writeFileSync(input, `${lines.join('\n')}\n`);

    const result = run(['migrate', '--input', input, '--output', output, '--lookups', lookups]);
    expect(result.status).toBe(1);
    expect(readFileSync(output, 'utf8')).toBe(`${expected.join('\n')}\n`);
    const reported = result.stderr.split('\n').filter((l) => l.startsWith('migrate: line '));
    expect(reported).toHaveLength(bad.size);
    for (const [lineNumber, reason] of bad) {
      expect(reported.find((l) => l.startsWith(`migrate: line ${lineNumber}: `))).toMatch(reason);
    }
    expect(result.stderr).toContain(`${lines.length} lines, ${expected.length} written, 0 skipped, ${bad.size} failed`);
    const expectedTables = foldNameLookups(cases.flatMap((c) => c.lookups.map(({ key, id, name }) => ({ kind: kindOf[key] as LookupKind, id: id as number, name }))));
    expect(JSON.parse(readFileSync(lookups, 'utf8'))).toStrictEqual(JSON.parse(JSON.stringify(expectedTables)));
  });

  it('migrates warehouse rows from stdin to stdout with --rows, exit code 0 when every line is good', () => {
    const cases = fc.sample(v1RowArbitrary, { numRuns: 500, seed: 7 });
    const result = run(['migrate', '--rows'], cases.map((c) => JSON.stringify(c.v1)).join('\n'));
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toStrictEqual(
      cases.map((c) => ({ ...c.v2, context_integration_version: '2.0.0' })),
    );
  });

  it('with --validate, reports a migrated payload that is not a valid 2.0.0 call and does not write it', () => {
    const [good] = fc.sample(v1TrackArbitrary, { numRuns: 1, seed: 3 });
    const bad = { ...good?.v1, messageId: 42 };
    const input = `${JSON.stringify(good?.v1)}\n${JSON.stringify(bad)}\n`;
    const result = run(['migrate', '--validate'], input);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${JSON.stringify(good?.v2)}\n`);
    expect(result.stderr).toMatch(/^migrate: line 2: messageId: .*\[invalid_type\]$/m);
    expect(run(['migrate'], input).status).toBe(0);
    expect(run(['migrate', '--rows', '--validate'], input).status).toBe(2);
  });

  it('keeps contradicting values, writes the conflicts with their line numbers and counts them', () => {
    const row = { id: 'r', email_id: 'a', delivery_id: 'b', campaign_name: 'C', context_integration_version: '1.0.0' };
    const conflicts = join(dir, 'conflicts.ndjson');
    const result = run(['migrate', '--rows', '--conflicts', conflicts], `\n${JSON.stringify(row)}\n`);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({ id: 'r', email_id: 'a', delivery_id: 'b', campaign_name: 'C', context_integration_version: '2.0.0' });
    const written = JSON.parse(readFileSync(conflicts, 'utf8')) as { line: number; conflicts: { code: string }[] };
    expect(written.line).toBe(2);
    expect(written.conflicts.map((c) => c.code)).toStrictEqual(['email_id_differs_from_delivery_id', 'name_without_id']);
    expect(result.stderr).toContain('2 conflicts on 1 lines');
  });

  it('maps webhook bodies with the options given as flags, and reports invalid ones with their issues', () => {
    const webhooks = fc.sample(anyWebhookArbitrary, { numRuns: 1000, seed: 11 });
    const lines = webhooks.map((w) => JSON.stringify(w));
    lines.splice(10, 0, JSON.stringify({ event_id: 'x', object_type: 'email', metric: 'opened', timestamp: 'yesterday', data: {} }));
    const options = { bodyContent: true, writeKey: 'KEY', sendBackToCustomerIo: true } as const;
    const result = run(['map', '--body-content', '--write-key', 'KEY', '--send-back-to-customer-io'], lines.join('\n'));
    expect(result.status).toBe(1);
    const expected = webhooks.map((w) => {
      const parsed = safeParseWebhook(JSON.parse(JSON.stringify(w)));
      if (!parsed.success) throw new Error('the arbitrary made an invalid webhook');
      return toSegmentTrack(parsed.value, options);
    });
    expect(result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toStrictEqual(expected);
    expect(result.stderr).toMatch(/^map: line 11: timestamp: .*\[invalid_timestamp\]$/m);
  });

  it('skips events left out by --enabled-events without counting them as failures', () => {
    const webhooks = fc.sample(anyWebhookArbitrary, { numRuns: 300, seed: 5 });
    const result = run(['map', '--enabled-events', 'Email Opened,Email Sent', '--enabled-events', 'SMS Sent'], webhooks.map((w) => JSON.stringify(w)).join('\n'));
    expect(result.status).toBe(0);
    const events = result.stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { event: string }).event);
    const wanted = webhooks.map((w) => toSegmentTrack(w).event).filter((e) => ['Email Opened', 'Email Sent', 'SMS Sent'].includes(e));
    expect(events).toStrictEqual(wanted);
  });

  it('prints the SQL of migrationSql, and rejects a name that is not a plain identifier', () => {
    const columns = join(dir, 'columns.json');
    const tables = { email_opened: ['id', 'context_integration_version', 'email_id', 'delivery_id', 'campaign_id', 'campaign_name'] };
    writeFileSync(columns, JSON.stringify(tables));
    const result = run(['sql', '--dialect', 'snowflake', '--schema', 'cio', '--mode', 'in-place', '--columns', columns]);
    expect(result.status).toBe(0);
    const statements = migrationSql({ dialect: 'snowflake', schema: 'cio', mode: 'in-place', tables: [{ name: 'email_opened', columns: tables.email_opened }] });
    expect(result.stdout).toBe(`${statements.join(';\n\n')};\n`);
    const rejected = run(['sql', '--dialect', 'postgres', '--table', 'email_opened;drop:id']);
    expect(rejected.status).toBe(2);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr).toContain('not a plain identifier');
  });

  it('renames events with --event-name and maps unknown events only with --allow-unknown-events', () => {
    const opened = { event_id: '01E4C4HDQ7P6VSCRN1V9R5ABCD', object_type: 'email', metric: 'opened', timestamp: 1613063089, data: { delivery_id: 'd', identifiers: { id: 'p1' } } };
    const renamed = run(['map', '--event-name', 'Email Opened=Opened'], JSON.stringify(opened));
    expect(renamed.status).toBe(0);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ event: 'Opened', userId: 'p1', properties: { delivery_id: 'd' } });
    const unknown = JSON.stringify({ ...opened, object_type: 'carrier_pigeon', metric: 'landed' });
    const refused = run(['map'], unknown);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^map: line 1: .*\[unknown_event\]$/m);
    const allowed = run(['map', '--allow-unknown-events'], unknown);
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ event: 'Carrier Pigeon Landed' });
  });

  it('reports a missing input file without a stack trace, with exit code 2 (I/O), not 1 (failed lines)', () => {
    const result = run(['migrate', '--input', join(dir, 'does-not-exist.ndjson')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ENOENT/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints progress on stderr with --progress', () => {
    const result = run(['migrate', '--progress'], '{}\n{}\n');
    expect(result.stderr).toMatch(/migrate: 2 lines, \d+ lines\/s, 0 failed/);
  });
});
