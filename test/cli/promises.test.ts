// What the CLI promises (docs/cli.md): each numbered mistake that once lost or altered data silently,
// reproduced against the built CLI in a real child process, with the behaviour that replaced it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { segmentTrackingPlanRules } from '../../src/jsonSchema/segmentTrackingPlanRules';
import { migrateTrackV1ToV2 } from '../../src/migration/migrateTrackV1ToV2';
import { v1TrackArbitrary } from '../arbitraries/v1';
import { buildCli } from '../../scripts/buildCli';

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
});
const root = mkdtempSync(join(tmpdir(), 'customerio-segment-promises-'));
let dirs = 0;
const freshDir = (): string => {
  const dir = join(root, String(dirs++));
  mkdirSync(dir);
  return dir;
};

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function run(args: string[], input: string | Buffer = '', stdout?: number): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {
    input,
    stdio: ['pipe', stdout ?? 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout ?? Buffer.alloc(0), stderr: result.stderr.toString('utf8') };
}

/** A 1.0.0 payload with a campaign name, as the 1.0.0 source wrote them. */
function v1Line(i: number, campaignId: number | string = i % 50, name = `Campaign ${i % 50}`): string {
  return `{"type":"track","event":"Email Opened","userId":"u${i}","messageId":"m${i}","timestamp":"2021-02-11T17:04:49.000Z","context":{"integration":{"name":"customer.io","version":"1.0.0"}},"properties":{"delivery_id":"d${i}","email_id":"d${i}","campaign_id":${typeof campaignId === 'number' ? campaignId : campaignId},"campaign_name":"${name}"}}`;
}
const v2Line = (i: number): string =>
  `{"type":"track","event":"Email Opened","userId":"u${i}","context":{"integration":{"name":"customer.io","version":"2.0.0"}},"properties":{"delivery_id":"d${i}","n":1.50}}`;

/** No stack trace, one line: what every I/O error must look like. */
function expectOneLineError(result: Run, pattern: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('what the CLI promises', () => {
  it('1. --lookups adds to an existing file: a loop over two files keeps the names of both, and reports an id named differently', () => {
    const dir = freshDir();
    const lookups = join(dir, 'names.json');
    const first = run(['migrate', '--lookups', lookups], `${v1Line(1, 1, 'Spring')}\n${v1Line(2, 2, 'Welcome')}\n`);
    expect(first.status).toBe(0);
    const second = run(['migrate', '--lookups', lookups], `${v1Line(3, 3, 'Winback')}\n${v1Line(4, 1, 'Spring sale')}\n`);
    expect(second.status).toBe(0);
    const tables = JSON.parse(readFileSync(lookups, 'utf8')) as { campaign: Record<string, string>; renamed: unknown[] };
    expect(tables.campaign).toStrictEqual({ 2: 'Welcome', 3: 'Winback' });
    expect(tables.renamed).toStrictEqual([{ kind: 'campaign', id: '1', names: ['Spring', 'Spring sale'] }]);
    expect(second.stderr).toContain('1 ids with several names');
    // A file that is not a lookups file is refused, not replaced.
    writeFileSync(lookups, '[1, 2]\n');
    const refused = run(['migrate', '--lookups', lookups], `${v1Line(5)}\n`);
    expectOneLineError(refused, /--lookups .*not a lookups file/);
    expect(refused.stdout.length).toBe(0);
    expect(readFileSync(lookups, 'utf8')).toBe('[1, 2]\n');
  });

  it('2. SIGTERM and SIGINT stop at a whole line, and the lookups of every line written are saved; a bad --lookups path stops the run before it writes', async () => {
    const dir = freshDir();
    const stopWith = (signal: NodeJS.Signals) =>
      new Promise<{ code: number | null; stdout: string; stderr: string; lookups: string }>((resolve, reject) => {
        const lookups = join(dir, `${signal}.json`);
        const child = spawn(process.execPath, [cli, 'migrate', '--lookups', lookups], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let signalled = false;
        child.stdout.setEncoding('utf8').on('data', (data: string) => {
          stdout += data;
          if (!signalled) {
            signalled = true;
            child.kill(signal);
          }
        });
        child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
        child.on('error', reject);
        // The child is stopped before it has read all of its input: the rest of the write may fail with
        // EPIPE, which is the point of the test and not an error of it.
        child.stdin.on('error', () => undefined);
        child.on('close', (code) => resolve({ code, stdout, stderr, lookups }));
        // Enough lines for a first flush, then half a line; stdin stays open, as a slow producer's would.
        const lines: string[] = [];
        for (let i = 0; i < 2000; i++) lines.push(v1Line(i, i, `Campaign ${i}`));
        child.stdin.write(`${lines.join('\n')}\n${v1Line(9999).slice(0, 40)}`);
      });
    const [term, int] = await Promise.all([stopWith('SIGTERM'), stopWith('SIGINT')]);
    for (const [result, code, signal] of [
      [term, 143, 'SIGTERM'],
      [int, 130, 'SIGINT'],
    ] as const) {
      expect(result.code).toBe(code);
      expect(result.stdout.endsWith('\n')).toBe(true);
      // Every line written is whole and migrated, and the summary counts exactly those (how many were
      // read before the signal depends on the pipe's timing; never the half line).
      const written = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { properties: { campaign_id: number } });
      expect(written.length).toBeGreaterThan(0);
      expect(written.length).toBeLessThanOrEqual(2000);
      expect(written.every((call, i) => call.properties.campaign_id === i)).toBe(true);
      const n = written.length;
      expect(result.stderr).toMatch(new RegExp(`${n} lines, ${n} written, 0 skipped, 0 failed.*stopped by ${signal} after line ${n},`));
      const tables = JSON.parse(readFileSync(result.lookups, 'utf8')) as { campaign: Record<string, string> };
      for (const call of written) expect(tables.campaign[String(call.properties.campaign_id)]).toBe(`Campaign ${call.properties.campaign_id}`);
    }

    const output = join(dir, 'out.ndjson');
    const badLookups = run(['migrate', '--output', output, '--lookups', join(dir, 'missing', 'l.json')], `${v1Line(1)}\n`);
    expectOneLineError(badLookups, /--lookups .*missing.*does not exist/);
    expect(existsSync(output)).toBe(false);
  });

  it('3. a write error (a full disk: /dev/full) ends the run with one line and exit 2, and leaves files named by options as they were', () => {
    const dir = freshDir();
    const input = `${v1Line(1)}\n${v1Line(2, 3)}\n`;
    expectOneLineError(run(['migrate', '--output', '/dev/full'], input), /--output \/dev\/full: ENOSPC/);
    const full = openSync('/dev/full', 'w');
    try {
      expectOneLineError(run(['migrate'], input, full), /stdout: ENOSPC/);
      expectOneLineError(run(['tracking-plan'], '', full), /stdout: ENOSPC/);
      expectOneLineError(run(['sql', '--dialect', 'duckdb', '--table', 't:id'], '', full), /stdout: ENOSPC/);
    } catch (error) {
      closeSync(full);
      throw error;
    }
    closeSync(full);
    const output = join(dir, 'out.ndjson');
    writeFileSync(output, 'the old output\n');
    const conflicting = `{"type":"track","event":"E","context":{"integration":{"name":"customer.io","version":"1.0.0"}},"properties":{"email_id":"a","delivery_id":"b"}}\n`;
    expectOneLineError(run(['migrate', '--output', output, '--conflicts', '/dev/full'], conflicting), /--conflicts \/dev\/full: ENOSPC/);
    expectOneLineError(run(['migrate', '--output', output, '--lookups', '/dev/full'], input), /--lookups \/dev\/full: ENOSPC/);
    expect(readFileSync(output, 'utf8')).toBe('the old output\n');
    // No temporary file is left behind.
    expect(readdirSync(dir)).toStrictEqual(['out.ndjson']);
  });

  it('4. input, output, lookups and conflicts that are the same file (by identity: symlinks and hard links too) are refused', () => {
    const dir = freshDir();
    const a = join(dir, 'a.ndjson');
    const content = `${v1Line(1)}\n`;
    writeFileSync(a, content);
    symlinkSync(a, join(dir, 'link.ndjson'));
    linkSync(a, join(dir, 'hard.ndjson'));
    const names = join(dir, 'names.json');
    for (const args of [
      ['--input', a, '--output', a],
      ['--input', a, '--output', join(dir, 'link.ndjson')],
      ['--input', join(dir, 'hard.ndjson'), '--output', join(dir, '.', 'a.ndjson')],
      ['--input', a, '--output', join(dir, 'o.ndjson'), '--lookups', join(dir, 'o.ndjson')],
      ['--input', a, '--lookups', names, '--conflicts', names],
      ['--input', a, '--lookups', a],
    ]) {
      expectOneLineError(run(['migrate', ...args]), /same file/);
    }
    // stdin and --output, as `migrate --output a < a` would be.
    const fd = openSync(a, 'r');
    try {
      const viaStdin = spawnSync(process.execPath, [cli, 'migrate', '--output', a], { stdio: [fd, 'pipe', 'pipe'] });
      expect(viaStdin.status).toBe(2);
      expect(viaStdin.stderr.toString()).toMatch(/same file as stdin/);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(a, 'utf8')).toBe(content);
    expect(existsSync(join(dir, 'o.ndjson'))).toBe(false);
  });

  it('5. lines the command does not change pass byte for byte (invalid UTF-8, CRLF, number spelling, BOM); changed lines keep CRLF; a changed line with invalid UTF-8 fails', () => {
    const invalid = Buffer.concat([Buffer.from('{"type":"track","event":"E","properties":{"name":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}}')]);
    const [before, after] = v1Line(7).split('Campaign 7');
    const invalidV1 = Buffer.concat([Buffer.from(`${before}Caf`), Buffer.from([0xe9]), Buffer.from(after!)]);
    const input = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${v2Line(1)}\r\n`),
      invalid,
      Buffer.from('\n'),
      Buffer.from(`${v1Line(2)}\r\n`),
      invalidV1,
      Buffer.from(`\n${v2Line(3)}`),
    ]);
    const result = run(['migrate'], input);
    expect(result.status).toBe(1);
    const migrated = JSON.stringify(migrateTrackV1ToV2(JSON.parse(v1Line(2)) as Record<string, unknown>).value);
    const expected = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${v2Line(1)}\r\n`),
      invalid,
      Buffer.from('\n'),
      Buffer.from(`${migrated}\r\n`),
      Buffer.from(`${v2Line(3)}\n`),
    ]);
    expect(result.stdout.equals(expected)).toBe(true);
    expect(result.stderr).toMatch(/^migrate: line 4: not valid UTF-8/m);
    // map reads a BOM on line 1 too, and does not write it.
    const webhook = '{"event_id":"01E4C4HDQ7P6VSCRN1V9R5ABCD","object_type":"email","metric":"opened","timestamp":1613063089,"data":{"delivery_id":"d","identifiers":{"id":"p1"}}}';
    const mapped = run(['map'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(webhook)]));
    expect(mapped.status).toBe(0);
    expect(mapped.stdout[0]).toBe(0x7b);
  });

  it('6. integers beyond 2^53 keep their digits, in the output and the lookup key; 1e400 and duplicate keys fail the line instead of changing', () => {
    const dir = freshDir();
    const lookups = join(dir, 'names.json');
    const big = v1Line(1, '9007199254740993', 'Big').replace('"delivery_id":"d1"', '"delivery_id":"d1","count":123456789012345678901234567890,"ratio":0.1');
    const lines = [
      big,
      v1Line(2).replace('"delivery_id":"d2"', '"delivery_id":"d2","huge":1e400'),
      v1Line(3).replace('"delivery_id":"d3"', '"delivery_id":"d3","campaign_id":5'),
      v1Line(4).replace('"delivery_id":"d4"', '"delivery_id":"d4","precise":0.12345678901234567890'),
      // Not 1.0.0: written as it came, whatever JSON.parse would make of it.
      '{"type":"track","id":9007199254740993,"x":1e400,"x":2}',
    ];
    const result = run(['migrate', '--lookups', lookups], `${lines.join('\n')}\n`);
    expect(result.status).toBe(1);
    const out = result.stdout.toString('utf8').split('\n');
    expect(out[0]).toContain('"campaign_id":9007199254740993');
    expect(out[0]).toContain('"count":123456789012345678901234567890');
    expect(out[0]).not.toContain('campaign_name');
    expect(out[1]).toBe(lines[4]);
    expect(out).toHaveLength(3);
    expect(JSON.parse(readFileSync(lookups, 'utf8')).campaign).toStrictEqual({ '9007199254740993': 'Big' });
    expect(result.stderr).toMatch(/^migrate: line 2: the number 1e400 is out of range/m);
    expect(result.stderr).toMatch(/^migrate: line 3: duplicate key "campaign_id"/m);
    expect(result.stderr).toMatch(/^migrate: line 4: the number 0.12345678901234567890 has more precision/m);
    // map changes every line: the same holds there.
    const webhook = (data: string): string => `{"event_id":"01E4C4HDQ7P6VSCRN1V9R5ABCD","object_type":"email","metric":"opened","timestamp":1613063089,"data":{"delivery_id":"d","identifiers":{"id":"p1"},${data}}}`;
    const mapped = run(['map'], `${webhook('"big":9007199254740993')}\n${webhook('"x":1,"x":2')}\n`);
    expect(mapped.status).toBe(1);
    expect(mapped.stdout.toString()).toContain('"big":9007199254740993');
    expect(mapped.stderr).toMatch(/^map: line 2: duplicate key "x"/m);
  });

  it('7. a line over --max-line-bytes fails and the run goes on; bad output paths are one-line errors', () => {
    const dir = freshDir();
    const long = `{"type":"track","pad":"${'x'.repeat(300_000)}"}`;
    const input = `${v2Line(1)}\n${long}\n${v2Line(2)}\n${'y'.repeat(150_000)}`;
    const result = run(['migrate', '--max-line-bytes', '100000'], input);
    expect(result.status).toBe(1);
    expect(result.stdout.toString()).toBe(`${v2Line(1)}\n${v2Line(2)}\n`);
    expect(result.stderr).toMatch(/^migrate: line 2: longer than --max-line-bytes \(300\d+ > 100000 bytes\)/m);
    expect(result.stderr).toMatch(/^migrate: line 4: longer than --max-line-bytes \(150000 > 100000 bytes\)/m);
    expect(run(['migrate'], input).status).toBe(1);
    expectOneLineError(run(['migrate', '--output', join(dir, 'nonexistent', 'x')], '{}\n'), /--output .*does not exist/);
    expectOneLineError(run(['migrate', '--output', dir], '{}\n'), /--output .*is a directory/);
    const usage = run(['migrate', '--max-line-bytes', '1k'], '{}\n');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^customerio-segment: --max-line-bytes must be a whole number/);
  });

  it('8. unknown event names in --enabled-events and --event-name are exit 2 with the accepted spellings; --rows says how many rows were 1.0.0 and reads upper-case columns', () => {
    const webhook = '{"event_id":"01E4C4HDQ7P6VSCRN1V9R5ABCD","object_type":"email","metric":"opened","timestamp":1613063089,"data":{"delivery_id":"d","identifiers":{"id":"p1"}}}';
    for (const args of [
      ['--enabled-events', 'Email Openned'],
      ['--enabled-events', 'email opened'],
      ['--enabled-events', ''],
      ['--enabled-events', 'Email Opened,'],
      ['--event-name', 'Email Opend=Opened'],
      ['--enabled-events', 'Carrier Pigeon Landed'],
    ]) {
      const result = run(['map', ...args], webhook);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout.length).toBe(0);
      expect(result.stderr).toContain('Accepted event names: "Email Drafted"');
    }
    expect(run(['map', '--enabled-events', 'email opened'], webhook).stderr).toContain('did you mean "Email Opened"?');
    const allowed = run(['map', '--allow-unknown-events', '--enabled-events', 'Carrier Pigeon Landed,Email Opened'], webhook);
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout.toString()).event).toBe('Email Opened');

    const payloads = run(['migrate', '--rows'], `${v1Line(1)}\n`);
    expect(payloads.status).toBe(0);
    expect(payloads.stdout.toString()).toBe(`${v1Line(1)}\n`);
    expect(payloads.stderr).toMatch(/0 of them 1.0.0 rows/);
    expect(payloads.stderr).toMatch(/warning: no line was a 1.0.0 row/);
    const upper = run(['migrate', '--rows'], '{"ID":"r","CONTEXT_INTEGRATION_VERSION":"1.0.0","EMAIL_ID":"d","EMAIL_SUBJECT":"Hi","CAMPAIGN_ID":7,"CAMPAIGN_NAME":"Spring"}\n');
    expect(upper.status).toBe(0);
    expect(JSON.parse(upper.stdout.toString())).toStrictEqual({ ID: 'r', CONTEXT_INTEGRATION_VERSION: '2.0.0', DELIVERY_ID: 'd', SUBJECT: 'Hi', CAMPAIGN_ID: 7 });
    expect(upper.stderr).toMatch(/1 of them 1.0.0 rows/);
  });

  it('9. migrate --validate accepts what migrate made of any valid 1.0.0 payload, library and integrations missing or not', () => {
    const cases = fc.sample(
      fc.tuple(v1TrackArbitrary, fc.boolean(), fc.boolean()).map(([c, dropLibrary, dropIntegrations]) => {
        const v1 = { ...c.v1, context: { ...(c.v1.context as Record<string, unknown>) } };
        if (dropLibrary) delete v1.context.library;
        if (dropIntegrations) delete (v1 as Record<string, unknown>).integrations;
        return v1;
      }),
      { numRuns: 400, seed: 12 },
    );
    const input = `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`;
    const plain = run(['migrate'], input);
    expect(plain.status).toBe(0);
    const validated = run(['migrate', '--validate'], plain.stdout);
    expect(validated.stderr).not.toMatch(/line \d+:/);
    expect(validated.stderr).toContain('400 lines, 400 written, 0 skipped, 0 failed');
    expect(validated.status).toBe(0);
    expect(run(['migrate', '--validate'], input).stdout.equals(plain.stdout)).toBe(true);
  });

  it('10. exit codes 0/1/2 everywhere and in --help; blank lines are not "skipped"; --version; tracking-plan prints compact rules or the request body', () => {
    const help = run(['--help']).stdout.toString();
    expect(help).toMatch(/0 +every line was handled/);
    expect(help).toMatch(/1 +some lines failed/);
    expect(help).toMatch(/2 +bad usage .* could not be/s);
    expect(run(['migrate', '--help']).stdout.toString()).toContain('Exit codes: 0');
    expect(run(['sql', '--dialect', 'postgres', '--columns', join(root, 'missing.json')]).status).toBe(2);
    const blank = run(['migrate'], `\n${v2Line(1)}\n\n  \nnot json\n`);
    expect(blank.status).toBe(1);
    expect(blank.stderr).toContain('5 lines, 1 written, 0 skipped, 1 failed, 3 blank');
    expect(blank.stderr).toMatch(/^migrate: line 5: not valid JSON/m);

    const version = run(['--version']);
    expect(version.status).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stdout.toString()).toBe(`${pkg.version}\n`);

    const rules = run(['tracking-plan']);
    expect(rules.status).toBe(0);
    const text = rules.stdout.toString();
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(segmentTrackingPlanRules())));
    const body = run(['tracking-plan', '--body']);
    expect(JSON.parse(body.stdout.toString())).toStrictEqual({ rules: JSON.parse(text) });
    expect(run(['tracking-plan', '--bogus']).status).toBe(2);
  });
});
