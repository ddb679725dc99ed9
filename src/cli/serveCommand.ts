import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogEntries } from '../catalog/catalogEntries';
import { toNodeHandler } from '../node/toNodeHandler';
import { createFirstOccurrenceFilter } from '../receive/createFirstOccurrenceFilter';
import { createRedisFirstOccurrenceStore, type NodeRedisClientLike } from '../receive/createRedisFirstOccurrenceStore';
import type { FirstOccurrenceStore } from '../receive/firstOccurrenceStore';
import { createWebhookHandler, type WebhookHandlerLogEntry, type WebhookHandlerOptions } from '../receive/createWebhookHandler';
import type { ToSegmentTrackOptions } from '../mapping/toSegmentTrack';
import { UsageError } from './UsageError';

/** The `--help` text of `customerio-segment serve`. */
export const serveHelp = `Usage: customerio-segment serve

Receives Customer.io reporting webhooks over HTTP and sends them to Segment, as the hosted Segment
source does: verify, validate, Send Frequency, map, send, then answer. Configured from the environment:

  CIO_SIGNING_KEY          the reporting webhook's signing key (required; comma-separated while rotating)
  SEGMENT_WRITE_KEY        the Segment source's write key (required)
  SEGMENT_REGION           us (default) or eu
  SEGMENT_ENDPOINT         a base URL to post to instead (posts to <url>/v1/batch); wins over SEGMENT_REGION
  PORT                     default 3000
  HOST                     default: every interface
  ENABLED_EVENTS           only these events (comma-separated default names, such as "Email Opened")
  BODY_CONTENT             true|false (default false): the message body in "Sent" events
  SEND_FREQUENCY           every (default) | first: only the first open and click of each delivery
  SEND_BACK_TO_CUSTOMERIO  true|false (default false): integrations["Customer.io"] = true
  REDIS_URL                with SEND_FREQUENCY=first: share it through Redis (needs "npm install redis")
  ANSWER_BUDGET_MS         the longest an answer takes, below Customer.io's 4000 (default 3000)

Any path takes the webhook's POSTs; GET /healthz answers 200. One JSON line per request on stdout.
SIGTERM or SIGINT: stops accepting, finishes and flushes the requests in flight, exits 0.
A missing or malformed setting: one line on stderr naming it, exit code 2.
`;

/** The settings `serve` reads from the environment. */
export interface ServeSettings {
  readonly handler: WebhookHandlerOptions & { readonly writeKey: string };
  readonly port: number;
  readonly host: string | undefined;
  readonly sendFrequency: 'first' | 'every';
  readonly redisUrl: string | undefined;
}

const eventNames = /* @__PURE__ */ new Set(catalogEntries.map((entry) => entry.event));

/**
 * Reads `serve`'s settings from `env`.
 *
 * @throws {UsageError} For a missing or malformed variable, named in the message.
 */
export function readServeSettings(env: Readonly<Record<string, string | undefined>>): ServeSettings {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const required = (name: string, what: string): string => {
    const raw = value(name);
    if (raw === undefined) throw new UsageError(`${name} is not set (${what})`);
    return raw;
  };
  const boolean = (name: string): boolean => {
    const raw = value(name);
    if (raw === undefined) return false;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new UsageError(`${name} must be true or false, received "${raw}"`);
  };
  const list = (raw: string): string[] => raw.split(',').map((item) => item.trim()).filter((item) => item !== '');

  const signingKey = list(required('CIO_SIGNING_KEY', "the reporting webhook's signing key; several, comma-separated, while rotating"));
  if (signingKey.length === 0) throw new UsageError('CIO_SIGNING_KEY holds no key');
  const writeKey = required('SEGMENT_WRITE_KEY', "the Segment source's write key");

  const region = value('SEGMENT_REGION');
  if (region !== undefined && region !== 'us' && region !== 'eu') {
    throw new UsageError(`SEGMENT_REGION must be us or eu, received "${region}"`);
  }
  const endpoint = value('SEGMENT_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new UsageError(`SEGMENT_ENDPOINT must be an http(s) base URL such as https://api.segment.io, received "${endpoint}"`);
  }
  if (endpoint !== undefined) {
    try {
      new URL(endpoint);
    } catch {
      throw new UsageError(`SEGMENT_ENDPOINT must be an http(s) base URL such as https://api.segment.io, received "${endpoint}"`);
    }
  }

  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^[0-9]{1,5}$/.test(portText) || port > 65535) throw new UsageError(`PORT must be a port number (0-65535), received "${portText}"`);

  const budgetText = value('ANSWER_BUDGET_MS');
  const answerBudgetMs = budgetText === undefined ? undefined : Number(budgetText);
  if (answerBudgetMs !== undefined && !(/^[0-9]+$/.test(budgetText ?? '') && answerBudgetMs > 0 && answerBudgetMs < 4000)) {
    throw new UsageError(`ANSWER_BUDGET_MS must be a whole number of milliseconds above 0 and below Customer.io's 4000 ms timeout, received "${budgetText}"`);
  }

  const enabledText = value('ENABLED_EVENTS');
  const enabledEvents = enabledText === undefined ? undefined : list(enabledText);
  // A misspelt name would silently drop that event: refused, since the event list is closed.
  const unknown = enabledEvents?.filter((name) => !eventNames.has(name));
  if (unknown !== undefined && unknown.length > 0) {
    throw new UsageError(`ENABLED_EVENTS names unknown events: ${unknown.map((name) => `"${name}"`).join(', ')} (default names such as "Email Opened", see docs/mapping.md)`);
  }

  const frequency = value('SEND_FREQUENCY') ?? 'every';
  if (frequency !== 'first' && frequency !== 'every') throw new UsageError(`SEND_FREQUENCY must be first or every, received "${frequency}"`);
  const redisUrl = value('REDIS_URL');
  if (redisUrl !== undefined && frequency !== 'first') {
    throw new UsageError('REDIS_URL is only used with SEND_FREQUENCY=first (the Send Frequency store); set both or neither');
  }
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new UsageError('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const mapping: ToSegmentTrackOptions = {
    enabledEvents,
    bodyContent: boolean('BODY_CONTENT'),
    sendBackToCustomerIo: boolean('SEND_BACK_TO_CUSTOMERIO'),
  };
  return {
    handler: { signingKey, writeKey, region: region as 'us' | 'eu' | undefined, endpoint, answerBudgetMs, mapping },
    port,
    host: value('HOST'),
    sendFrequency: frequency,
    redisUrl,
  };
}

/** `customerio-segment serve`: the webhook handler as an HTTP server. Resolves with the exit code once stopped. */
export async function serveCommand(args: readonly string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`serve takes no arguments (it reads the environment), received "${args[0]}"`);
  let settings: ServeSettings;
  try {
    settings = readServeSettings(process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`customerio-segment serve: ${error.message}\n`);
    return 2;
  }

  let closeStore = async (): Promise<void> => {};
  let store: FirstOccurrenceStore | undefined;
  if (settings.redisUrl !== undefined) {
    const redis = await connectRedis(settings.redisUrl);
    if ('error' in redis) {
      process.stderr.write(`customerio-segment serve: ${redis.error}\n`);
      return redis.code;
    }
    store = redis.store;
    closeStore = redis.close;
  }

  const handler = createWebhookHandler({
    ...settings.handler,
    ...(settings.sendFrequency === 'first' ? { firstOccurrence: createFirstOccurrenceFilter(store === undefined ? {} : { store }) } : {}),
    onEvent: (entry) => process.stdout.write(`${logLine(entry)}\n`),
  });
  const webhook = toNodeHandler(handler);
  let stopping = false;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (stopping) {
      // Answered, then closed: a kept-alive connection must not hold the shutdown open.
      response.setHeader('connection', 'close');
      response.on('finish', () => server.closeIdleConnections());
    }
    if (request.url === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    webhook(request, response);
  });
  // Customer.io's connections are kept alive between deliveries; a stopping server must not wait on idle ones.
  server.keepAliveTimeout = 5000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, resolve);
    });
  } catch (error) {
    process.stderr.write(`customerio-segment serve: cannot listen on ${settings.host ?? '*'}:${settings.port}: ${error instanceof Error ? error.message : String(error)}\n`);
    await closeStore();
    return 1;
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  process.stderr.write(`customerio-segment serve: listening on http://${shown}:${address.port}\n`);

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  process.stderr.write(`customerio-segment serve: ${signal}, finishing the requests in flight\n`);
  // Requests in flight answer within the budget; past it (and a margin) whatever is left is cut.
  const budget = settings.handler.answerBudgetMs ?? 3000;
  const force = setTimeout(() => server.closeAllConnections(), budget + 1000);
  stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Requests that arrived before the signal answer on connections that then sit idle: close them as they do.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  await closed;
  clearTimeout(force);
  clearInterval(sweep);
  await handler.close();
  await closeStore();
  process.stderr.write('customerio-segment serve: stopped\n');
  return 0;
}

function logLine(entry: WebhookHandlerLogEntry): string {
  const line: Record<string, unknown> = { time: new Date().toISOString(), status: entry.status, outcome: entry.outcome };
  if (entry.event !== undefined) line.event = entry.event;
  if (entry.eventId !== undefined) line.event_id = entry.eventId;
  if (entry.reason !== undefined) line.reason = entry.reason;
  line.ms = Math.round(entry.ms * 10) / 10;
  return JSON.stringify(line);
}

interface RedisClient {
  connect(): Promise<unknown>;
  quit?: () => Promise<unknown>;
  destroy?: () => unknown;
  close?: () => Promise<unknown>;
  on(event: 'error' | 'ready', listener: (error: unknown) => void): unknown;
}

// `redis` is an optional peer the user installs: it is looked up from the working directory (a project
// that installed it) and then from this package. A variable specifier keeps bundlers and TypeScript from
// requiring it.
async function connectRedis(
  url: string,
): Promise<{ store: FirstOccurrenceStore; close: () => Promise<void> } | { error: string; code: number }> {
  const name = 'redis';
  let redis: {
    createClient(options: { url: string; socket: { reconnectStrategy: (retries: number, cause: unknown) => unknown } }): RedisClient;
  };
  try {
    let specifier = name;
    try {
      specifier = pathToFileURL(createRequire(join(process.cwd(), 'package.json')).resolve(name)).href;
    } catch {
      // Not in the working directory's project: try where this package is installed.
    }
    redis = (await import(specifier)) as typeof redis;
  } catch {
    return { error: 'REDIS_URL is set but the "redis" package is not installed: run "npm install redis" (node-redis 4 or later)', code: 2 };
  }
  let ready = false;
  const client = redis.createClient({
    url,
    socket: {
      // At start, a Redis that does not answer is a setting to fix: stop after a few tries. Once it has
      // answered, an outage is waited out (requests meanwhile are answered 503 and come back).
      reconnectStrategy: (retries: number, cause: unknown) => (!ready && retries >= 2 ? cause : Math.min(100 * 2 ** retries, 3000)),
    },
  });
  client.on('ready', () => {
    ready = true;
  });
  client.on('error', () => {
    // Failed commands reach the handler, which answers 503; the client reconnects by itself.
  });
  // node-redis keeps retrying a first connection that fails: give up after a few seconds, with the reason.
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no connection within 5 s')), 5000);
      }),
    ]);
  } catch (error) {
    try {
      // Stops a client still retrying; one that gave up is closed already and says so by throwing.
      void Promise.resolve(client.destroy?.()).catch(() => undefined);
    } catch {
      // Closed already.
    }
    return { error: `REDIS_URL: cannot connect to Redis: ${error instanceof Error ? error.message : String(error)}`, code: 1 };
  } finally {
    clearTimeout(timer);
  }
  return {
    store: createRedisFirstOccurrenceStore(client as unknown as NodeRedisClientLike),
    close: async () => {
      await (client.close ?? client.quit)?.call(client);
    },
  };
}
