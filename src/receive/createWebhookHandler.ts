import { eventNameFor } from '../catalog/eventNameFor';
import type { AnyWebhook } from '../catalog/reportingWebhook';
import type { Issue } from '../validation/issue';
import { validWebhookOf } from '../validation/checkWebhookEnvelope';
import { checkTrackOptions } from '../mapping/checkTrackOptions';
import { mapWebhook, type MapWebhookOptions } from '../mapping/mapWebhook';
import type { ToSegmentTrackOptions } from '../mapping/toSegmentTrack';
import { createSegmentSender, type SegmentSender } from '../send/createSegmentSender';
import type { SegmentRegion } from '../send/segmentHost';
import { toSegmentBatches } from '../send/toSegmentBatches';
import type { FirstOccurrenceDecision, FirstOccurrenceFilter } from './createFirstOccurrenceFilter';
import { defaultToleranceSeconds, verifyWebhookSignature, type SignatureFailureReason } from './verifyWebhookSignature';
import { checkSignatureWithHmac, type HmacSha256Hex } from './checkSignatureWithHmac';
import { answerWebhook } from './answerWebhook';
import type { WebhookSink, WebhookSinkOutcome } from './webhookSink';
import { readRequestBody } from './readRequestBody';

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * The reporting webhook's signing key, or several while rotating one: a request signed with any of
   * them is accepted.
   */
  readonly signingKey: string | readonly string[];
  /**
   * Where the Segment calls go; the handler answers 200 once it has taken them. See {@link WebhookSink}.
   * Omitted: `sender`, or else a Segment sender made from `writeKey` and `region`/`endpoint`.
   */
  readonly sink?: WebhookSink | undefined;
  /** A sender made by `createSegmentSender`, to use as the sink (for your own retry and batching settings). */
  readonly sender?: SegmentSender | undefined;
  /** The Segment source's write key, for the sender the handler makes when given no `sink` or `sender`. */
  readonly writeKey?: string | undefined;
  /** The Segment workspace's region for that sender. Default: `'us'`. */
  readonly region?: SegmentRegion | undefined;
  /** A base URL for that sender instead of Segment's (a proxy, RudderStack): it posts to `<endpoint>/v1/batch`. Wins over `region`. */
  readonly endpoint?: string | undefined;
  /**
   * The longest the handler takes to answer, in milliseconds, from the moment it is called. Past it,
   * the sink's `signal` aborts and the answer is 503, so that Customer.io retries instead of timing out.
   * Default: 3000. Must be below Customer.io's 4000 ms timeout, with room for the network.
   */
  readonly answerBudgetMs?: number | undefined;
  /**
   * Send Frequency "first occurrence": a filter from `createFirstOccurrenceFilter`. Omitted: every
   * occurrence is sent (Customer.io applies the webhook's own Send Frequency setting before sending).
   */
  readonly firstOccurrence?: FirstOccurrenceFilter | undefined;
  /** The integration's settings, as `toSegmentTrack` takes them: enabled events, Body Content, names, … */
  readonly mapping?: ToSegmentTrackOptions | undefined;
  /**
   * Accept `object_type`/`metric` pairs outside the catalog, named by the catalog's rule. Default: `true`,
   * because Customer.io adds metrics, and refusing one would hold back the webhook's later events.
   */
  readonly allowUnknownEvents?: boolean | undefined;
  /** Replay window of the signature check, in seconds. Default: 300. */
  readonly toleranceSeconds?: number | undefined;
  /** The largest body read, in bytes; a larger one is answered 413. Default: 1 MiB. */
  readonly maxBodyBytes?: number | undefined;
  /**
   * The dead-letter hook: a signed body that can never be delivered (not JSON, not a webhook, too large
   * for Segment) is answered 2xx and handed here, to log or store. It runs within the answer budget;
   * when it throws, the answer is 503, so that the body comes back rather than being lost.
   */
  readonly onRejected?: ((rejection: WebhookRejection) => unknown) | undefined;
  /** Called once per request, after the answer is chosen: to log or count. Its errors are ignored. */
  readonly onEvent?: ((entry: WebhookHandlerLogEntry) => void) | undefined;
}

/** A signed body that the handler answered 2xx but could not deliver, as handed to `onRejected`. */
export interface WebhookRejection {
  /** `not_json`: not UTF-8 JSON; `not_a_webhook`: failed validation; `rejected_by_sink`: too large for Segment, or refused by the sink. */
  readonly reason: 'not_json' | 'not_a_webhook' | 'rejected_by_sink';
  /** The body as received. */
  readonly rawBody: Uint8Array;
  /** The body decoded as UTF-8 (invalid bytes become U+FFFD). */
  readonly body: string;
  /** What was wrong with it: the validation issues, or one sentence. */
  readonly issues: readonly Issue[] | readonly string[];
  /** The webhook, when it was one. */
  readonly webhook?: AnyWebhook | undefined;
}

/** What the handler did with a request; the `status` follows from it (see `docs/receiving.md`). */
export type WebhookHandlerOutcome =
  | 'sent'
  | 'not_sent'
  | 'rejected'
  | 'unauthorized'
  | 'failed'
  | 'method_not_allowed'
  | 'body_too_large';

/** One request as `onEvent` reports it. */
export interface WebhookHandlerLogEntry {
  readonly status: number;
  readonly outcome: WebhookHandlerOutcome;
  /** Why, for every outcome but `sent`: a signature failure, `disabled`, `repeat`, a sink's reason, … */
  readonly reason?: string | undefined;
  /** The Segment event name (after `eventNames`), once the body is a webhook. */
  readonly event?: string | undefined;
  readonly eventId?: string | undefined;
  /** Milliseconds from the call to the answer. */
  readonly ms: number;
}

/** The `(request) => Promise<Response>` function made by {@link createWebhookHandler}. */
export interface WebhookHandler {
  (request: Request): Promise<Response>;
  /** Resolves once the work started by earlier requests (releases of claims, confirmations) is done. */
  settle(): Promise<void>;
  /** Settles, then flushes and closes the sender the handler made (a `sink` or `sender` passed in is left open). */
  close(): Promise<void>;
}

interface Answer {
  status: number;
  outcome: WebhookHandlerOutcome;
  reason?: string;
  issues?: readonly Issue[] | readonly string[];
  event?: string;
  eventId?: string;
}

type PassDecision = Extract<FirstOccurrenceDecision, { pass: true }>;

// What one request shares between its work and the budget's timer.
interface RequestState {
  decision: PassDecision | undefined;
  event: string | undefined;
  eventId: string | undefined;
  /** The sink took the calls: the answer is 200 whatever comes after. */
  taken: boolean;
  /** The budget ran out and the answer was 503: no claim may be confirmed any more. */
  expired: boolean;
}

const defaultBudgetMs = 3000;
const customerIoTimeoutMs = 4000;
const defaultMaxBodyBytes = 1024 * 1024;
const maxIssuesAnswered = 20;
const expired = Symbol('expired');
const lenientDecoder = /* @__PURE__ */ new TextDecoder();
// Stateless between calls (no `stream` option), so one serves every request.
const strictDecoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/**
 * A request as the handler reads it, whatever carried it: a Web `Request`, or a Node.js request whose
 * body the adapter has read. Internal: the Node adapter uses it to skip building a `Request` and a
 * `Response` per webhook.
 */
export interface IncomingWebhook {
  readonly method: string;
  /** A header's value as `Headers.get` gives it: repeated headers joined by `, `; `null` when absent. */
  header(name: string): string | null;
  /** The raw body, or `undefined` past `limit` bytes. */
  body(limit: number): Promise<Uint8Array | undefined>;
  /** A synchronous HMAC-SHA256 to check the signature with instead of Web Crypto (the Node adapter's). */
  readonly hmacSha256Hex?: HmacSha256Hex | undefined;
}

/** The answer to a webhook, before it becomes a `Response`. Internal, as {@link IncomingWebhook}. */
export interface WebhookAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Creates a web-standard `(request: Request) => Promise<Response>` handler for Customer.io reporting
 * webhooks, for any runtime with `fetch`'s `Request` and `Response`: Node.js ≥ 20, Deno, Bun, Cloudflare
 * Workers, Next.js route handlers, Hono.
 *
 * Each POST is verified (401 when the signature is bad, missing or stale), parsed and validated (a
 * signed body that is not a webhook is answered 202 and handed to `onRejected`) and mapped in one pass
 * (`mapWebhook`), filtered by Send Frequency, and handed to the sink; the answer is 200 once the sink has
 * it, or when the event is deliberately not sent, and 503 when the sink fails or does not finish within
 * `answerBudgetMs`. Every code is chosen for Customer.io's retry rules, which `docs/receiving.md` sets out.
 *
 * @throws {TypeError} Without a signing key, without any of `sink`, `sender` and `writeKey`, or with
 *   `mapping` naming an event that does not exist (as `toSegmentTrack` throws it).
 * @throws {RangeError} When `answerBudgetMs` is not below Customer.io's 4 s timeout, `maxBodyBytes` is not
 *   positive, or `toleranceSeconds` is negative.
 * @example
 * const handler = createWebhookHandler({ signingKey: env.CIO_SIGNING_KEY, writeKey: env.SEGMENT_WRITE_KEY, region: 'eu' });
 * export const POST = handler; // a Next.js route handler
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const keys = typeof options.signingKey === 'string' ? [options.signingKey] : [...(options.signingKey ?? [])];
  if (keys.length === 0 || keys.some((key) => typeof key !== 'string' || key === '')) {
    throw new TypeError('signingKey must be a non-empty string, or a non-empty list of them');
  }
  const budgetMs = options.answerBudgetMs ?? defaultBudgetMs;
  if (typeof budgetMs !== 'number' || !(budgetMs > 0) || !(budgetMs < customerIoTimeoutMs)) {
    throw new RangeError(`answerBudgetMs must be above 0 and below Customer.io's ${customerIoTimeoutMs} ms timeout, received ${String(budgetMs)}`);
  }
  if (options.toleranceSeconds !== undefined && !(options.toleranceSeconds >= 0 && Number.isFinite(options.toleranceSeconds))) {
    throw new RangeError(`toleranceSeconds must be a number of seconds, 0 or more, received ${String(options.toleranceSeconds)}`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new RangeError(`maxBodyBytes must be a positive integer, received ${String(maxBodyBytes)}`);
  }
  const { firstOccurrence, onRejected, onEvent, toleranceSeconds } = options;
  let ownSender: SegmentSender | undefined;
  let sink: WebhookSink;
  if (options.sink !== undefined) {
    if (typeof options.sink !== 'function') throw new TypeError('sink must be a function (calls, { signal }) => Promise');
    sink = options.sink;
  } else if (options.sender !== undefined) {
    const sender = options.sender;
    sink = (calls, { signal }) => sender.send(calls, { signal });
  } else if (options.writeKey !== undefined) {
    // One request may not outlast the budget: the signal would cut it anyway, and a retry must fit in.
    ownSender = createSegmentSender({ writeKey: options.writeKey, region: options.region, endpoint: options.endpoint, timeoutMs: budgetMs });
    const sender = ownSender;
    sink = (calls, { signal }) => sender.send(calls, { signal });
  } else {
    throw new TypeError('createWebhookHandler needs a sink, a sender, or a writeKey to make a Segment sender');
  }
  // One options object for every request: mapWebhook checks an options object once, and here at
  // creation, so that a misspelt event name fails at start-up rather than as a 503 on every event.
  const mapping: MapWebhookOptions = { ...options.mapping, allowUnknownEvents: options.allowUnknownEvents ?? true };
  checkTrackOptions(mapping);
  const background = new Set<Promise<unknown>>();

  function keep(promise: Promise<unknown>): void {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    background.add(settled);
    void settled.then(() => background.delete(settled));
  }

  async function verify(rawBody: Uint8Array, incoming: IncomingWebhook): Promise<SignatureFailureReason | undefined> {
    const timestamp = incoming.header('x-cio-timestamp');
    const signature = incoming.header('x-cio-signature');
    if (incoming.hmacSha256Hex !== undefined) {
      return checkSignatureWithHmac(incoming.hmacSha256Hex, keys, rawBody, timestamp, signature, toleranceSeconds ?? defaultToleranceSeconds, Date.now());
    }
    // verifyWebhookSignature tries every key of a rotation itself.
    const result = await verifyWebhookSignature({ rawBody, timestamp, signature, signingKey: keys, toleranceSeconds });
    return result.valid ? undefined : result.reason;
  }

  async function reject(rejection: WebhookRejection, state: RequestState): Promise<Answer> {
    const answer: Answer = { status: 202, outcome: 'rejected', reason: rejection.reason, issues: rejection.issues.slice(0, maxIssuesAnswered) };
    if (onRejected === undefined) return withEvent(answer, state);
    try {
      await onRejected(rejection);
    } catch {
      return withEvent({ status: 503, outcome: 'failed', reason: 'on_rejected_failed' }, state);
    }
    return withEvent(answer, state);
  }

  async function work(incoming: IncomingWebhook, signal: AbortSignal, state: RequestState): Promise<Answer> {
    const rawBody = await incoming.body(maxBodyBytes);
    if (rawBody === undefined) return { status: 413, outcome: 'body_too_large', reason: `the body is over ${maxBodyBytes} bytes` };
    const failure = await verify(rawBody, incoming);
    if (failure !== undefined) return { status: 401, outcome: 'unauthorized', reason: failure };

    let json: unknown;
    try {
      json = JSON.parse(strictDecoder.decode(rawBody));
    } catch (error) {
      const issue = `the body is not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}`;
      return reject({ reason: 'not_json', rawBody, body: lenientDecoder.decode(rawBody), issues: [issue] }, state);
    }
    const mapped = mapWebhook(json, mapping);
    if (!mapped.success) {
      return reject({ reason: 'not_a_webhook', rawBody, body: lenientDecoder.decode(rawBody), issues: mapped.issues }, state);
    }
    // Valid, so an object: the webhook it stands for is what Send Frequency and the dead letters read.
    const webhook = validWebhookOf(json as Record<string, unknown>);
    state.eventId = webhook.event_id;
    state.event = eventNameFor(webhook.object_type, webhook.metric);

    const call = mapped.value;
    if (call === null) return withEvent({ status: 200, outcome: 'not_sent', reason: 'disabled' }, state);
    state.event = call.event;

    if (firstOccurrence !== undefined) {
      const decision = await firstOccurrence.check(webhook);
      if (!decision.pass) return withEvent({ status: 200, outcome: 'not_sent', reason: decision.reason }, state);
      // A claim made after the budget ran out is given back at once: the 503 is already on its way.
      if (state.expired) {
        keep(decision.release());
        return withEvent({ status: 503, outcome: 'failed', reason: 'answer_budget_exceeded' }, state);
      }
      state.decision = decision;
    }

    let outcome: WebhookSinkOutcome | undefined | void;
    try {
      outcome = await sink([withinSegmentLimit(call)], { signal });
    } catch (error) {
      outcome = { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    if (outcome === undefined || outcome.status === 'sent') {
      state.taken = true;
      await confirm(state);
      return withEvent({ status: 200, outcome: 'sent' }, state);
    }
    if (outcome.status === 'rejected') {
      state.taken = true;
      const reasons = outcome.rejected.map((rejected) => rejected.reason);
      const answer = await reject({ reason: 'rejected_by_sink', rawBody, body: lenientDecoder.decode(rawBody), issues: reasons, webhook }, state);
      // Dead-lettered: a retry could not change it. Only a failed hook leaves it to be sent again.
      if (answer.status === 202) await confirm(state);
      else release(state);
      return answer;
    }
    release(state);
    return withEvent({ status: 503, outcome: 'failed', reason: outcome.reason }, state);
  }

  async function confirm(state: RequestState): Promise<void> {
    if (state.decision === undefined || state.expired) return;
    const done = state.decision.confirm();
    keep(done);
    // A store that fails to record the send is not a reason to make Customer.io send the event again:
    // the claim stays pending, a retry of it passes, and Segment drops the copy by its messageId.
    await done.catch(() => undefined);
  }

  function release(state: RequestState): void {
    const decision = state.decision;
    state.decision = undefined;
    if (decision !== undefined) keep(decision.release());
  }

  function handler(request: Request): Promise<Response> {
    const incoming: IncomingWebhook = {
      method: request.method,
      header: (name) => request.headers.get(name),
      body: async (limit) => {
        const body = await readRequestBody(request, limit);
        // A body that cannot be read (already read, or its stream failed) is checked as an empty one.
        return body === 'too_large' ? undefined : body === 'unreadable' ? new Uint8Array(0) : body;
      },
    };
    return answerFor(incoming).then(respond);
  }

  async function answerFor(incoming: IncomingWebhook): Promise<WebhookAnswer> {
    const started = now();
    const state: RequestState = { decision: undefined, event: undefined, eventId: undefined, taken: false, expired: false };
    let answer: Answer;
    if (incoming.method !== 'POST') {
      answer = { status: 405, outcome: 'method_not_allowed', reason: 'use POST' };
    } else {
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<typeof expired>((resolve) => {
        timer = setTimeout(() => resolve(expired), budgetMs);
      });
      const task = work(incoming, controller.signal, state).catch(
        (error: unknown): Answer => withEvent({ status: 503, outcome: 'failed', reason: `internal_error: ${error instanceof Error ? error.message : String(error)}` }, state),
      );
      const first = await Promise.race([task, deadline]);
      clearTimeout(timer);
      if (first !== expired) {
        answer = first;
      } else if (state.taken) {
        // Taken, still recording it: the event is on its way, so it is answered as sent.
        keep(task);
        answer = withEvent({ status: 200, outcome: 'sent' }, state);
      } else {
        state.expired = true;
        controller.abort(new Error(`the answer budget of ${budgetMs} ms ran out`));
        release(state);
        keep(task);
        answer = withEvent({ status: 503, outcome: 'failed', reason: 'answer_budget_exceeded' }, state);
      }
    }
    if (onEvent !== undefined) {
      try {
        onEvent({
          status: answer.status,
          outcome: answer.outcome,
          reason: answer.reason,
          event: answer.event,
          eventId: answer.eventId,
          ms: now() - started,
        });
      } catch {
        // A logging hook must not change the answer.
      }
    }
    return toWebhookAnswer(answer);
  }

  async function settle(): Promise<void> {
    while (background.size > 0) await Promise.all([...background]);
  }

  return Object.assign(handler, {
    [answerWebhook]: answerFor,
    settle,
    async close(): Promise<void> {
      await settle();
      await ownSender?.close();
    },
  });
}

// A long message body (Body Content) can take a call past Segment's 32 KB per call, where Segment would
// refuse it: it is sent without the body, marked `content_dropped: true`, as the hosted source cannot do
// better either. Short bodies skip the measuring.
function withinSegmentLimit(call: object): object {
  const content = (call as { properties?: { content?: unknown } }).properties?.content;
  if (typeof content !== 'string' || content.length < 1024) return call;
  return toSegmentBatches([call], { dropOversizedContent: true }).batches[0]?.body.batch[0] ?? call;
}

function withEvent(answer: Answer, state: RequestState): Answer {
  if (state.event !== undefined) answer.event = state.event;
  if (state.eventId !== undefined) answer.eventId = state.eventId;
  return answer;
}

function toWebhookAnswer(answer: Answer): WebhookAnswer {
  const body: Record<string, unknown> = { outcome: answer.outcome };
  if (answer.reason !== undefined) body.reason = answer.reason;
  if (answer.eventId !== undefined) body.event_id = answer.eventId;
  if (answer.issues !== undefined) body.issues = answer.issues;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (answer.status === 405) headers.allow = 'POST';
  return { status: answer.status, headers, body: JSON.stringify(body) };
}

function respond(answer: WebhookAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
