// A Customer.io reporting-webhook receiver on plain node:http: verify, parse, filter, map, forward.
// Walkthrough and the reasons behind each status code: docs/receiving.md.
//
// Inside this repository it imports the library from source (`../../src/index`) so that it runs with
// tsx and is tested end to end; in your project, import from 'customerio-segment'.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Analytics } from '@segment/analytics-node';
import {
  createFirstOccurrenceFilter,
  type FirstOccurrenceFilter,
  safeParseWebhook,
  segmentHost,
  type SegmentRegion,
  toSegmentTrack,
  type ToSegmentTrackOptions,
  verifyWebhookSignature,
} from '../../src/index';

/** Settings of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** The reporting webhook's signing key (Customer.io → Data & Integrations → Reporting Webhooks). */
  readonly signingKey: string;
  /** The write key of the Segment source to send to. */
  readonly writeKey: string;
  /** The Segment workspace's region, when `host` is not given. Default: `'us'`. */
  readonly region?: SegmentRegion | undefined;
  /** Segment's API base URL; overrides `region` (a proxy, or a stand-in in tests). */
  readonly host?: string | undefined;
  /**
   * Send Frequency "first occurrence": the filter to apply, or `null` to send every occurrence.
   * Default: a filter over an in-memory store (one process; use a shared store for several).
   */
  readonly filter?: FirstOccurrenceFilter | null | undefined;
  /** The integration's settings: enabled events, Body Content, event names (`toSegmentTrack` options). */
  readonly mapping?: ToSegmentTrackOptions | undefined;
  /** Replay window of the signature check, in seconds. Default: 300. */
  readonly toleranceSeconds?: number | undefined;
  /**
   * analytics-node batching. The receiver answers once Segment has taken the event, and Customer.io
   * gives up after 4 s, so events must not wait long in the queue. Defaults: 20 events, 200 ms, 2 retries,
   * 2 s per request.
   */
  readonly flushAt?: number | undefined;
  readonly flushInterval?: number | undefined;
  readonly maxRetries?: number | undefined;
  readonly httpRequestTimeout?: number | undefined;
  /** Largest body accepted, in bytes. Default: 1 MiB (a webhook with Body Content is far smaller). */
  readonly maxBodyBytes?: number | undefined;
  /** Where to report what happened to each request. Default: nowhere. */
  readonly log?: ((entry: { status: number; outcome: string; eventId?: string }) => void) | undefined;
}

/** A running receiver. */
export interface WebhookReceiver {
  readonly server: Server;
  /** Starts listening; resolves with the bound address. */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting requests, flushes what analytics-node still holds, and closes. */
  close(): Promise<void>;
}

/** The answer to one request. For Customer.io, 2xx stops its retries and anything else makes it retry for up to 7 days. */
interface Outcome {
  status: 200 | 400 | 401 | 405 | 413 | 500 | 503;
  outcome: 'sent' | 'not_sent' | 'invalid' | 'unauthorized' | 'rejected' | 'failed';
  reason?: string;
  issues?: unknown;
  eventId?: string;
}

/** Creates the receiver: one `node:http` server and one analytics-node client. */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const analytics = new Analytics({
    writeKey: options.writeKey,
    host: options.host ?? segmentHost(options.region ?? 'us'),
    flushAt: options.flushAt ?? 20,
    flushInterval: options.flushInterval ?? 200,
    maxRetries: options.maxRetries ?? 2,
    httpRequestTimeout: options.httpRequestTimeout ?? 2000,
  });
  // Delivery failures reach each request through its track callback; the emitter copy is only noise.
  analytics.on('error', () => {});
  const filter = options.filter === undefined ? createFirstOccurrenceFilter() : options.filter;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  async function handle(request: IncomingMessage): Promise<Outcome> {
    if (request.method !== 'POST') return { status: 405, outcome: 'rejected', reason: 'use POST' };
    const rawBody = await readBody(request, maxBodyBytes);
    if (rawBody === undefined) return { status: 413, outcome: 'rejected', reason: 'body too large' };

    // 1. The signature, over the bytes exactly as received.
    const verification = await verifyWebhookSignature({
      rawBody,
      timestamp: request.headers['x-cio-timestamp'],
      signature: request.headers['x-cio-signature'],
      signingKey: options.signingKey,
      toleranceSeconds: options.toleranceSeconds,
    });
    if (!verification.valid) return { status: 401, outcome: 'unauthorized', reason: verification.reason };

    // 2. The body. Signed by Customer.io yet unreadable: retrying will not fix it, so 400.
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
    } catch {
      return { status: 400, outcome: 'invalid', reason: 'body is not JSON' };
    }
    // Unknown object_type/metric pairs are accepted: Customer.io adds metrics, and a 400 would hold
    // back every later event of the webhook while Customer.io retries it (reference §1).
    const parsed = safeParseWebhook(json, { allowUnknownEvents: true });
    if (!parsed.success) return { status: 400, outcome: 'invalid', reason: 'not a reporting webhook', issues: parsed.issues };
    const webhook = parsed.value;
    const eventId = webhook.event_id;

    // 3. The integration's settings: a disabled event is answered 200 and not sent.
    const call = toSegmentTrack(webhook, options.mapping ?? {});
    if (call === null) return { status: 200, outcome: 'not_sent', reason: 'event disabled', eventId };

    // 4. Send Frequency.
    const decision = filter === null ? undefined : await filter.check(webhook);
    if (decision !== undefined && !decision.pass) return { status: 200, outcome: 'not_sent', reason: decision.reason, eventId };

    // 5. Forward, and answer only once Segment has the event: a 503 makes Customer.io send it again.
    try {
      await track(analytics, call);
    } catch {
      await decision?.release();
      return { status: 503, outcome: 'failed', reason: 'Segment did not take the event', eventId };
    }
    await decision?.confirm();
    return { status: 200, outcome: 'sent', eventId };
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    handle(request)
      .catch((): Outcome => ({ status: 500, outcome: 'failed', reason: 'internal error' }))
      .then((result) => {
        const { status, ...body } = result;
        options.log?.({ status, outcome: body.outcome, ...(body.eventId === undefined ? {} : { eventId: body.eventId }) });
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (status === 405) headers.allow = 'POST';
        response.writeHead(status, headers).end(JSON.stringify(body));
      });
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await analytics.closeAndFlush({ timeout: 5000 });
    },
  };
}

/** The call as analytics-node takes it: it keeps only these fields anyway (reference/segment.md §6). */
function track(analytics: Analytics, call: NonNullable<ReturnType<typeof toSegmentTrack>>): Promise<void> {
  const { event, userId, anonymousId, messageId, timestamp, context, integrations, properties } = call;
  return new Promise((resolve, reject) => {
    analytics.track(
      {
        event,
        userId,
        ...(anonymousId === undefined ? {} : { anonymousId }),
        messageId,
        timestamp,
        context,
        integrations,
        properties,
      },
      (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/** Reads the whole body as bytes, or `undefined` past `limit` bytes. */
async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

// `tsx server.ts`: configured from the environment.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const required = (name: string): string => {
    const value = process.env[name];
    if (value === undefined || value === '') throw new Error(`set ${name}`);
    return value;
  };
  const receiver = createWebhookReceiver({
    signingKey: required('CIO_SIGNING_KEY'),
    writeKey: required('SEGMENT_WRITE_KEY'),
    region: process.env.SEGMENT_REGION === 'eu' ? 'eu' : 'us',
    host: process.env.SEGMENT_HOST || undefined,
    log: (entry) => console.log(JSON.stringify(entry)),
  });
  const address = await receiver.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
  console.log(`listening on http://${address.address}:${address.port}`);
  const stop = (): void => {
    receiver.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
