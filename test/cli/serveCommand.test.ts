import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readServeSettings } from '../../src/cli/serveCommand';
import { UsageError } from '../../src/cli/UsageError';
import { startSegmentStandIn, type SegmentStandIn } from '../send/segmentStandIn';
import { deliverLikeCustomerIo } from '../helpers/customerIo';
import { buildCli } from '../../scripts/buildCli';
import { redisServerAvailable, startRedisServer } from '../receive/redisServer';

// `customerio-segment serve` as users run it: the built CLI in a child process, configured by its
// environment, in front of a stand-in Segment on 127.0.0.1.

const key = 'serve-signing-key';
const base = { CIO_SIGNING_KEY: key, SEGMENT_WRITE_KEY: 'serve-write-key' };
let cli: string;
let standIn: SegmentStandIn;
// A directory with no node_modules, so that only what the CLI bundles is found.
const outside = mkdtempSync(join(tmpdir(), 'customerio-segment-serve-'));
const children: ChildProcess[] = [];

beforeAll(async () => {
  [cli, standIn] = await Promise.all([buildCli(), startSegmentStandIn()]);
});
afterEach(() => standIn.reset());
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await standIn.close();
});

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

function spawnServe(env: Record<string, string>, cwd = outside, script = cli): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [script, 'serve'], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function startServe(env: Record<string, string>, cwd?: string): Promise<Running> {
  const started = spawnServe({ HOST: '127.0.0.1', PORT: '0', SEGMENT_ENDPOINT: standIn.url, ...base, ...env }, cwd);
  const url = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.stderr());
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    started.child.stderr?.on('data', check);
    void started.exit.then((code) => reject(new Error(`serve exited with ${code}: ${started.stderr()}`)));
  });
  return { ...started, url };
}

const webhook = (eventId: string, metric = 'delivered') =>
  JSON.stringify({
    event_id: eventId,
    object_type: 'email',
    metric,
    timestamp: 1_763_856_000,
    data: { delivery_id: `D-${eventId}`, identifiers: { id: '5' }, recipient: 'ada@example.com' },
  });

describe('customerio-segment serve: settings', () => {
  test.each([
    [{ SEGMENT_WRITE_KEY: 'w' }, 'CIO_SIGNING_KEY'],
    [{ CIO_SIGNING_KEY: 'k' }, 'SEGMENT_WRITE_KEY'],
    [{ ...base, CIO_SIGNING_KEY: ' , ' }, 'CIO_SIGNING_KEY'],
    [{ ...base, SEGMENT_REGION: 'mars' }, 'SEGMENT_REGION'],
    [{ ...base, SEGMENT_ENDPOINT: 'ftp://example.com' }, 'SEGMENT_ENDPOINT'],
    [{ ...base, PORT: 'eighty' }, 'PORT'],
    [{ ...base, PORT: '70000' }, 'PORT'],
    [{ ...base, BODY_CONTENT: 'yes' }, 'BODY_CONTENT'],
    [{ ...base, SEND_BACK_TO_CUSTOMERIO: '1' }, 'SEND_BACK_TO_CUSTOMERIO'],
    [{ ...base, SEND_FREQUENCY: 'sometimes' }, 'SEND_FREQUENCY'],
    [{ ...base, ENABLED_EVENTS: 'Email Opened,Email Opend' }, 'ENABLED_EVENTS'],
    [{ ...base, ANSWER_BUDGET_MS: '4000' }, 'ANSWER_BUDGET_MS'],
    [{ ...base, REDIS_URL: 'redis://127.0.0.1:6379' }, 'REDIS_URL'],
    [{ ...base, SEND_FREQUENCY: 'first', REDIS_URL: 'http://x' }, 'REDIS_URL'],
  ])('%o is refused, naming %s', (env, variable) => {
    expect(() => readServeSettings(env)).toThrow(UsageError);
    expect(() => readServeSettings(env)).toThrow(variable);
  });

  test('a complete environment is read as the handler options', () => {
    const settings = readServeSettings({
      ...base,
      CIO_SIGNING_KEY: 'old, new',
      SEGMENT_REGION: 'eu',
      PORT: '8080',
      HOST: '0.0.0.0',
      ENABLED_EVENTS: 'Email Opened, Email Link Clicked',
      BODY_CONTENT: 'true',
      SEND_FREQUENCY: 'first',
      SEND_BACK_TO_CUSTOMERIO: 'true',
      ANSWER_BUDGET_MS: '2500',
    });
    expect(settings).toEqual({
      handler: {
        signingKey: ['old', 'new'],
        writeKey: 'serve-write-key',
        region: 'eu',
        endpoint: undefined,
        answerBudgetMs: 2500,
        mapping: { enabledEvents: ['Email Opened', 'Email Link Clicked'], bodyContent: true, sendBackToCustomerIo: true },
      },
      port: 8080,
      host: '0.0.0.0',
      sendFrequency: 'first',
      redisUrl: undefined,
    });
    expect(readServeSettings(base)).toMatchObject({ port: 3000, host: undefined, sendFrequency: 'every', handler: { mapping: { bodyContent: false } } });
  });

  test('the process: a bad setting stops it at start with one line naming the variable, exit code 2', async () => {
    const missing = spawnServe({ SEGMENT_WRITE_KEY: 'w' });
    const region = spawnServe({ ...base, SEGMENT_REGION: 'mars' });
    expect(await missing.exit).toBe(2);
    expect(await region.exit).toBe(2);
    expect(missing.stderr()).toMatch(/^customerio-segment serve: CIO_SIGNING_KEY is not set[^\n]*\n$/);
    expect(region.stderr()).toMatch(/^customerio-segment serve: SEGMENT_REGION must be us or eu, received "mars"\n$/);
  });

  test('REDIS_URL without the redis package installed: one line that says to install it, exit code 2', async () => {
    // A copy of the built CLI where no node_modules is above it: `redis` cannot be found from there.
    const lonely = join(outside, 'cli.js');
    copyFileSync(cli, lonely);
    const run = spawnServe({ ...base, SEND_FREQUENCY: 'first', REDIS_URL: 'redis://127.0.0.1:1' }, outside, lonely);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/^customerio-segment serve: REDIS_URL is set but the "redis" package is not installed: run "npm install redis"[^\n]*\n$/);
  });
});

describe('customerio-segment serve: running', () => {
  test('GET /healthz is 200; webhooks are answered by Customer.io\'s rules, one JSON log line each', async () => {
    const serve = await startServe({ ANSWER_BUDGET_MS: '300', SEND_FREQUENCY: 'first', ENABLED_EVENTS: 'Email Delivered,Email Opened' });
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
    standIn.script([{ status: 500 }, 'reset', { status: 500 }, 'hang', { status: 500 }], { status: 200 });
    const answers = {
      delivered: await deliverLikeCustomerIo(`${serve.url}/`, key, webhook('01JSERVE000000000000000001')),
      opened: await deliverLikeCustomerIo(`${serve.url}/`, key, webhook('01JSERVE000000000000000002', 'opened')),
      disabled: await deliverLikeCustomerIo(`${serve.url}/`, key, webhook('01JSERVE000000000000000003', 'sent')),
      badSignature: await deliverLikeCustomerIo(`${serve.url}/`, 'wrong', webhook('01JSERVE000000000000000004'), { maxAttempts: 1 }),
      notAWebhook: await deliverLikeCustomerIo(`${serve.url}/`, key, '{"a":1}'),
    };
    // The first delivery fails while the stand-in answers 500s and then hangs; some retry gets through.
    expect(answers.delivered.at(-1)).toBe(200);
    expect(answers.delivered.slice(0, -1).every((status) => status === 503)).toBe(true);
    expect(answers.delivered.length).toBeGreaterThan(1);
    expect({ ...answers, delivered: undefined }).toEqual({ delivered: undefined, opened: [200], disabled: [200], badSignature: [401], notAWebhook: [202] });
    const ids = standIn.accepted().flatMap((body) => body.batch.map((call) => call.messageId));
    expect(ids).toEqual(['api-01JSERVE000000000000000001', 'api-01JSERVE000000000000000002']);
    // Call by call: the failing attempts all carried the first event, and met every scripted failure.
    const attempts = standIn.requests.map((request) => [
      typeof request.answer === 'string' ? request.answer : request.answer.status,
      (JSON.parse(request.body) as { batch: { messageId: string }[] }).batch.map((call) => call.messageId),
    ]);
    const first = ['api-01JSERVE000000000000000001'];
    expect(attempts.slice(0, 6)).toEqual([[500, first], ['reset', first], [500, first], ['hang', first], [500, first], [200, first]]);
    expect(attempts.slice(6)).toEqual([[200, ['api-01JSERVE000000000000000002']]]);

    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    const lines = serve.stdout().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.status, line.outcome, line.event])).toEqual([
      ...answers.delivered.map((status) => [status, status === 200 ? 'sent' : 'failed', 'Email Delivered']),
      [200, 'sent', 'Email Opened'],
      [200, 'not_sent', 'Email Sent'],
      [401, 'unauthorized', undefined],
      [202, 'rejected', undefined],
    ]);
    for (const line of lines) expect(typeof line.ms).toBe('number');
  });

  test('SIGTERM while a request is in flight: it is finished and answered, then the process exits 0', async () => {
    const serve = await startServe({ ANSWER_BUDGET_MS: '2000' });
    standIn.script([{ status: 200, delayMs: 300 }]);
    const answer = fetch(`${serve.url}/`, {
      method: 'POST',
      headers: (await import('../helpers/signedRequest')).cioHeaders(key, webhook('01JSERVEINFLIGHT0000000001')),
      body: webhook('01JSERVEINFLIGHT0000000001'),
    });
    while (standIn.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    serve.child.kill('SIGTERM');
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await serve.exit).toBe(0);
    expect(standIn.accepted().flatMap((body) => body.batch.map((call) => call.messageId))).toEqual(['api-01JSERVEINFLIGHT0000000001']);
    expect(serve.stderr()).toContain('SIGTERM');
    // Stopped: nothing listens any more.
    await expect(fetch(`${serve.url}/healthz`)).rejects.toThrow();
  });
});

describe.skipIf(!redisServerAvailable())('customerio-segment serve: several instances share Send Frequency through Redis', () => {
  test('an open sent by one instance makes the repeat open a repeat on the other; a reply passes on both', async () => {
    const redis = await startRedisServer();
    // Run where the project's node_modules hold the "redis" package, as a user's project would.
    const env = { SEND_FREQUENCY: 'first', REDIS_URL: redis.url, ANSWER_BUDGET_MS: '2000' };
    const [one, two] = await Promise.all([startServe(env, repositoryRoot), startServe(env, repositoryRoot)]);
    try {
      const open = (eventId: string) =>
        JSON.stringify({ event_id: eventId, object_type: 'email', metric: 'opened', timestamp: 1_763_856_000, data: { delivery_id: 'SHARED-D', identifiers: { id: '5' } } });
      const reply = (eventId: string) =>
        JSON.stringify({ event_id: eventId, object_type: 'sms', metric: 'replied', timestamp: 1_763_856_000, data: { delivery_id: 'SHARED-S', identifiers: { id: '5' }, content: 'yes' } });
      const answers = [
        await deliverLikeCustomerIo(`${one.url}/`, key, open('01JREDIS000000000000000001')),
        await deliverLikeCustomerIo(`${two.url}/`, key, open('01JREDIS000000000000000002')),
        await deliverLikeCustomerIo(`${two.url}/`, key, open('01JREDIS000000000000000001')),
        await deliverLikeCustomerIo(`${one.url}/`, key, reply('01JREDIS000000000000000003')),
        await deliverLikeCustomerIo(`${two.url}/`, key, reply('01JREDIS000000000000000004')),
      ];
      expect(answers).toEqual([[200], [200], [200], [200], [200]]);
      expect(standIn.accepted().flatMap((body) => body.batch.map((call) => call.messageId))).toEqual([
        'api-01JREDIS000000000000000001',
        'api-01JREDIS000000000000000003',
        'api-01JREDIS000000000000000004',
      ]);
      one.child.kill('SIGTERM');
      two.child.kill('SIGTERM');
      expect([await one.exit, await two.exit]).toEqual([0, 0]);
      const outcomes = two.stdout().trim().split('\n').map((line) => (JSON.parse(line) as { outcome: string; reason?: string }));
      expect(outcomes.map((o) => [o.outcome, o.reason])).toEqual([
        ['not_sent', 'repeat'],
        ['not_sent', 'already_sent'],
        ['sent', undefined],
      ]);
    } finally {
      await redis.stop();
    }
  });

  test('REDIS_URL that nothing answers: one line naming it, exit code 1', async () => {
    const run = spawnServe({ ...base, SEND_FREQUENCY: 'first', REDIS_URL: 'redis://127.0.0.1:1' }, repositoryRoot);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/^customerio-segment serve: REDIS_URL: cannot connect to Redis[^\n]*\n$/);
  });
});
