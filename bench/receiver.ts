// `npm run bench:receiver`: the webhook handler under load on loopback, next to two floors measured in
// the same run (never asserted in tests). Processes: this one generates the load; a child plays Segment;
// a child runs the server under test, one of
//   bare     node:http that reads the body, parses it and answers 200;
//   proxy    node:http that reads, parses and forwards each body through the same sender, then answers;
//   handler  toNodeHandler(createWebhookHandler(...)): verify, validate, map, send, answer.
// Then a chaos run: the stand-in fails 30 % of requests with 500 and leaves 5 % hanging, and every
// non-2xx answer is sent again at once, as Customer.io would (later): the counts show whether every event
// got through exactly once by messageId, and whether any answer came past the budget.
// `--short`: a quick pass. `--write`: put the tables into docs/performance.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createSegmentSender, createWebhookHandler } from '../src/index';
import { toNodeHandler } from '../src/node';
import { replaceBetweenMarkers } from '../scripts/replaceBetweenMarkers';
import { median } from './median';

const signingKey = 'bench-signing-key';
const writeKey = 'bench-write-key';
const self = fileURLToPath(import.meta.url);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

// ---- child: the stand-in for Segment ----------------------------------------------------------------
async function runSegment(chaos: boolean): Promise<void> {
  let count = 0;
  const accepted = new Map<string, number>();
  let requests = 0;
  const hung = new Set<Socket>();
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      if (request.url === '/stats') {
        response.end(JSON.stringify({ requests, acceptedCalls: [...accepted.values()].reduce((a, b) => a + b, 0), uniqueMessageIds: accepted.size, ids: [...accepted.keys()] }));
        return;
      }
      requests += 1;
      // A fixed sequence (a multiplicative hash of the request number), so that runs compare.
      const roll = chaos ? ((count++ * 2654435761) >>> 0) % 100 : 99;
      if (roll < 5) {
        hung.add(request.socket);
        return;
      }
      if (roll < 35) {
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"success":false}');
        return;
      }
      for (const call of (JSON.parse(body.toString('utf8')) as { batch: { messageId: string }[] }).batch) {
        accepted.set(call.messageId, (accepted.get(call.messageId) ?? 0) + 1);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  process.stdout.write(`port ${await listen(server)}\n`);
}

// ---- child: the server under test ----------------------------------------------------------------
async function runServer(mode: string, segmentUrl: string, budgetMs: number): Promise<void> {
  // Exits cleanly on SIGINT, so that a `--cpu-prof` run writes its profile.
  process.on('SIGINT', () => process.exit(0));
  let listener: (request: IncomingMessage, response: import('node:http').ServerResponse) => void;
  if (mode === 'bare') {
    listener = (request, response) => {
      void readBody(request).then((body) => {
        JSON.parse(body.toString('utf8'));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"outcome":"sent"}');
      });
    };
  } else if (mode === 'proxy') {
    const sender = createSegmentSender({ writeKey, endpoint: segmentUrl, timeoutMs: budgetMs });
    listener = (request, response) => {
      void readBody(request).then(async (body) => {
        const call = JSON.parse(body.toString('utf8')) as object;
        const outcome = await sender.send([call]);
        response.writeHead(outcome.status === 'sent' ? 200 : 503, { 'content-type': 'application/json' }).end(`{"outcome":"${outcome.status}"}`);
      });
    };
  } else {
    // The handler's own clock, from its call to its answer: what the budget bounds.
    let slowest = 0;
    let pastBudget = 0;
    // How late the event loop ran: a timer (the budget's included) cannot fire earlier than the loop lets it.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const handler = toNodeHandler(
      createWebhookHandler({
        signingKey,
        writeKey,
        endpoint: segmentUrl,
        answerBudgetMs: budgetMs,
        onEvent: ({ ms }) => {
          slowest = Math.max(slowest, ms);
          if (ms > budgetMs + 50) pastBudget += 1;
        },
      }),
    );
    listener = (request, response) => {
      if (request.url === '/stats') response.end(JSON.stringify({ slowest, pastBudget, loopDelayMaxMs: loopDelay.max / 1e6, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 }));
      else handler(request, response);
    };
  }
  const server = createServer(listener);
  server.keepAliveTimeout = 60_000;
  process.stdout.write(`port ${await listen(server)}\n`);
}

// ---- this process: children, load, tables ----------------------------------------------------------
function child(args: string[]): Promise<{ process: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [...process.execArgv, self, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const port = /port (\d+)/.exec(out)?.[1];
      if (port !== undefined) resolve({ process: proc, url: `http://127.0.0.1:${port}` });
    });
    proc.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

let sequence = 0;
/** A signed Customer.io delivery of a new event (the signature is made here, outside the measurement). */
function delivery(): { body: string; headers: Record<string, string>; eventId: string } {
  sequence += 1;
  const eventId = `01JBENCH${String(sequence).padStart(18, '0')}`;
  const body = JSON.stringify({
    event_id: eventId,
    object_type: 'email',
    metric: 'delivered',
    timestamp: 1_763_856_000,
    data: { delivery_id: `RMA${sequence}`, campaign_id: 12, action_id: 34, identifiers: { id: String(sequence % 1000), email: 'ada@example.com' }, recipient: 'ada@example.com', subject: 'Hello' },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', signingKey).update(`v0:${timestamp}:${body}`).digest('hex');
  return { body, eventId, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-cio-timestamp': timestamp, 'x-cio-signature': signature } };
}

function post(url: string, agent: Agent, item: { body: string; headers: Record<string, string> }, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}/`, { method: 'POST', agent, headers: item.headers, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(item.body);
  });
}

interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non200: number;
}

/** `connections` clients post back to back for `seconds` (or `maxRequests`), each awaiting its answer. */
async function load(url: string, connections: number, seconds: number, maxRequests: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const pool = Array.from({ length: Math.min(maxRequests, 50_000) }, delivery);
  const latencies: number[] = [];
  let next = 0;
  let non200 = 0;
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < pool.length && performance.now() < stopAt) {
        const item = pool[next++]!;
        const t0 = performance.now();
        const status = await post(url, agent, item, 10_000);
        latencies.push(performance.now() - t0);
        if (status !== 200) non200 += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), non200 };
}

async function throughputTable(short: boolean): Promise<string> {
  const segment = await child(['segment', 'ok']);
  const modes = ['bare', 'proxy', 'handler'] as const;
  const servers = await Promise.all(modes.map((mode) => child(['server', mode, segment.url, '3000'])));
  const urlOf = (mode: (typeof modes)[number]): string => servers[modes.indexOf(mode)]!.url;
  const rows: string[] = [
    '| server | connections | requests/s | p50 | p99 | handler vs proxy floor (median of the rounds) |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  // Rounds alternate the order of the three servers: on a shared 2-core machine speed drifts within a
  // minute, and the median of adjacent measurements drifts far less than single measurements apart.
  const rounds = short ? 1 : 5;
  const seconds = short ? 0.5 : 2;
  try {
    for (const mode of modes) await load(urlOf(mode), 10, short ? 0.3 : 1, 2_000); // warm-up: JIT, sockets
    for (const connections of [100, 10, 1]) {
      const results: Record<string, LoadResult[]> = { bare: [], proxy: [], handler: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? modes : [...modes].reverse();
        for (const mode of order) results[mode]!.push(await load(urlOf(mode), connections, seconds, short ? 5_000 : 20_000));
      }
      const throughputRatio = median(results.handler!.map((r, i) => r.perSecond / results.proxy![i]!.perSecond));
      const p50Difference = median(results.handler!.map((r, i) => r.p50 - results.proxy![i]!.p50));
      for (const mode of modes) {
        const list = results[mode]!;
        const versus =
          mode === 'handler'
            ? `${(throughputRatio * 100).toFixed(0)} % of its throughput, p50 ${p50Difference >= 0 ? '+' : ''}${p50Difference.toFixed(2)} ms`
            : mode === 'proxy'
              ? 'floor'
              : '—';
        const non200 = list.reduce((sum, r) => sum + r.non200, 0);
        rows.push(
          `| ${mode} | ${connections} | ${Math.round(median(list.map((r) => r.perSecond)))} | ${median(list.map((r) => r.p50)).toFixed(2)} ms | ${median(list.map((r) => r.p99)).toFixed(2)} ms | ${versus}${non200 > 0 ? ` (${non200} non-200)` : ''} |`,
        );
      }
    }
  } finally {
    for (const server of servers) server.process.kill();
    segment.process.kill();
  }
  return rows.join('\n');
}

async function chaosTable(short: boolean): Promise<string> {
  const budgetMs = 3000;
  const segment = await child(['segment', 'chaos']);
  const server = await child(['server', 'handler', segment.url, String(budgetMs)]);
  const events = short ? 300 : 2_000;
  const connections = 50;
  const maxAttempts = 50;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const pool = Array.from({ length: events }, delivery);
  const statuses = new Map<number, number>();
  let answers = 0;
  let pastBudget = 0;
  let slowest = 0;
  let delivered = 0;
  let gaveUp = 0;
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < pool.length) {
          const item = pool[next++]!;
          for (let attempt = 1; ; attempt++) {
            const t0 = performance.now();
            // Customer.io's own timeout is 4 s: an answer later than that would count as none.
            const status = await post(server.url, agent, item, 4000);
            const ms = performance.now() - t0;
            answers += 1;
            slowest = Math.max(slowest, ms);
            if (ms > budgetMs + 50) pastBudget += 1;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 200 && status < 300) {
              delivered += 1;
              break;
            }
            if (attempt === maxAttempts) {
              gaveUp += 1;
              break;
            }
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const stats = await fetch(`${segment.url}/stats`).then((r) => r.json() as Promise<{ requests: number; acceptedCalls: number; uniqueMessageIds: number; ids: string[] }>);
    const own = await fetch(`${server.url}/stats`).then(
      (r) => r.json() as Promise<{ slowest: number; pastBudget: number; loopDelayMaxMs: number; loopDelayP99Ms: number }>,
    );
    const ids = new Set(stats.ids);
    const missing = pool.filter((item) => !ids.has(`api-${item.eventId}`)).length;
    const byStatus = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status === 0 ? 'no answer' : status}: ${n}`).join(', ');
    return [
      '| measure | value |',
      '| --- | ---: |',
      `| events (distinct event_id), ${connections} connections | ${events} |`,
      `| deliveries answered 2xx / given up after ${maxAttempts} attempts | ${delivered} / ${gaveUp} |`,
      `| answers, all attempts (${byStatus}) | ${answers} |`,
      `| requests the stand-in received (30 % answered 500, 5 % left hanging) | ${stats.requests} |`,
      `| calls in the bodies it accepted | ${stats.acceptedCalls} |`,
      `| distinct messageIds accepted (one per event: ${stats.uniqueMessageIds === events && missing === 0 ? 'yes' : 'NO'}) | ${stats.uniqueMessageIds} |`,
      `| events that never reached it | ${missing} |`,
      `| slowest answer, by the handler's clock (budget ${budgetMs} ms) | ${own.slowest.toFixed(0)} ms |`,
      `| answers later than the budget + 50 ms, by the handler's clock | ${own.pastBudget} |`,
      `| the server's event loop delay, p99 / max (a timer fires no earlier than the loop lets it) | ${own.loopDelayP99Ms.toFixed(0)} ms / ${own.loopDelayMaxMs.toFixed(0)} ms |`,
      `| slowest answer, by the client's clock (socket and scheduling included) | ${slowest.toFixed(0)} ms |`,
      `| answers later than the budget + 50 ms, by the client's clock | ${pastBudget} |`,
      `| wall time | ${seconds.toFixed(1)} s |`,
    ].join('\n');
  } finally {
    agent.destroy();
    server.process.kill();
    segment.process.kill();
  }
}

const [role, ...rest] = process.argv.slice(2);
if (role === 'segment') {
  await runSegment(rest[0] === 'chaos');
} else if (role === 'server') {
  await runServer(rest[0] ?? 'handler', rest[1] ?? '', Number(rest[2] ?? 3000));
} else {
  const short = process.argv.includes('--short');
  const write = process.argv.includes('--write');
  console.log(`Node ${process.version}, loopback, ${short ? 'short run' : 'full run'}\n`);
  const throughput = process.argv.includes('--chaos-only') ? '' : await throughputTable(short);
  console.log(`${throughput}\n`);
  const chaos = await chaosTable(short || process.argv.includes('--chaos-short'));
  console.log(chaos);
  if (write) {
    const path = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
    let doc = readFileSync(path, 'utf8');
    doc = replaceBetweenMarkers(doc, 'docs/performance.md', '<!-- receiver:start -->', '<!-- receiver:end -->', `\n${throughput}\n`);
    doc = replaceBetweenMarkers(doc, 'docs/performance.md', '<!-- receiver-chaos:start -->', '<!-- receiver-chaos:end -->', `\n${chaos}\n`);
    writeFileSync(path, doc);
    console.log('\nwrote docs/performance.md');
  }
}
