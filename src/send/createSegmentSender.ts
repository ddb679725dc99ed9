import { basicAuthorization } from './basicAuthorization';
import { parseRetryAfter } from './parseRetryAfter';
import { segmentBatchLimits } from './segmentBatchLimits';
import type { SegmentRegion } from './segmentHost';
import { segmentHost } from './segmentHost';
import type { RejectedCall } from './toSegmentBatches';
import { toSegmentBatches } from './toSegmentBatches';

/** Options of {@link createSegmentSender}. */
export interface SegmentSenderOptions {
  /** The Segment source's write key, sent as HTTP Basic auth (`base64(writeKey + ':')`). */
  readonly writeKey: string;
  /** The workspace region: `'us'` (default) or `'eu'` (see {@link segmentHost}). */
  readonly region?: SegmentRegion | undefined;
  /**
   * A base URL to post to instead of Segment's (RudderStack, a proxy, a local stand-in): bodies go to
   * `<endpoint>/v1/batch`. Wins over `region`.
   */
  readonly endpoint?: string | undefined;
  /** How long one HTTP request may take, answer body included, in milliseconds. Default: 10,000. */
  readonly timeoutMs?: number | undefined;
  /** HTTP requests per body at most, the first included. Default: 5. */
  readonly maxAttempts?: number | undefined;
  /** The shortest wait before a retry, in milliseconds. Default: 100. */
  readonly minRetryDelayMs?: number | undefined;
  /** The longest wait before a retry, `Retry-After` included, in milliseconds. Default: 10,000. */
  readonly maxRetryDelayMs?: number | undefined;
  /**
   * How long the first call of a body waits for other callers' calls to join it, in milliseconds.
   * Default: 5. `0`: sent at once (calls of the same tick of the event loop still share a body).
   */
  readonly windowMs?: number | undefined;
  /** The `fetch` to use. Default: `globalThis.fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /**
   * Send a call over 32 KB with `properties.content: null` and `properties.content_dropped: true` when
   * that brings it within the limit, rather than rejecting it (see {@link toSegmentBatches}). The
   * outcome lists those calls in `contentDropped`. Default: `false`.
   */
  readonly dropOversizedContent?: boolean | undefined;
}

/**
 * The fate of the calls of one {@link SegmentSender.send}.
 *
 * - `sent`: Segment (or the endpoint) answered 2xx to every body holding them.
 * - `failed`: at least one of them was not accepted. `reason` is `'http'` (a non-2xx answer, in
 *   `httpStatus`), `'timeout'`, `'network'`, `'aborted'` (the caller's signal), `'closed'` (sent after
 *   `close()`) or `'invalid_calls'` (not an array). `retryable` tells whether sending them again may
 *   succeed. Others of the same `send` may have been sent: a retry resends them with the same
 *   `messageId`, which Segment deduplicates.
 * - `rejected`: none failed, but `rejected` were kept out of every body because Segment would refuse
 *   them (too large, not a JSON object); each `index` is the position in this caller's array. All the
 *   others (`sent` of them) were sent.
 */
export type SendOutcome =
  | {
      readonly status: 'sent';
      readonly count: number;
      /** Positions of the calls sent without their message body (`dropOversizedContent`), when there are any. */
      readonly contentDropped?: readonly number[];
    }
  | {
      readonly status: 'failed';
      readonly reason: string;
      readonly httpStatus?: number;
      readonly retryable: boolean;
      /** What went wrong, for a log line (for an HTTP answer, its status and the start of its body). */
      readonly message?: string;
    }
  | {
      readonly status: 'rejected';
      readonly rejected: readonly RejectedCall<object>[];
      readonly sent?: number;
      /** As for `sent`: the sent calls that went without their message body. */
      readonly contentDropped?: readonly number[];
    };

/** Sends Segment calls in `/v1/batch` bodies; made by {@link createSegmentSender}. */
export interface SegmentSender {
  /**
   * Sends calls (track calls, or any Segment calls) and resolves with their fate once every body
   * holding them was answered, or at once when `signal` aborts. Never rejects.
   */
  send(calls: readonly object[], options?: { readonly signal?: AbortSignal | undefined }): Promise<SendOutcome>;
  /** Sends what is waiting now and resolves when every body in flight has its fate. */
  flush(): Promise<void>;
  /** Flushes, and from now on resolves every `send` as `failed` with reason `'closed'`. */
  close(): Promise<void>;
}

type Failure = Extract<SendOutcome, { status: 'failed' }>;

interface Caller {
  readonly calls: readonly object[];
  readonly resolve: (outcome: SendOutcome) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
  readonly flights: Flight[];
  readonly rejected: RejectedCall<object>[];
  readonly contentDropped: number[];
  settled: boolean;
  outstanding: number;
  failure: Failure | undefined;
}

interface Flight {
  readonly owners: Set<Caller>;
  readonly controller: AbortController;
}

type Attempt = { readonly ok: true } | { readonly ok: false; readonly failure: Failure; readonly retryAfterMs?: number };

const sentAtPlaceholder = new Date(0).toISOString();
// The tail `toSegmentBatches` ends a body with when it has a `sentAt` and no `writeKey`: each attempt
// swaps in its own time, of the same length, so that a retry is stamped when it is sent.
const sentAtTail = `,"sentAt":${JSON.stringify(sentAtPlaceholder)}}`;
// setTimeout's largest delay; past it Node and browsers fire at once.
const maxTimerMs = 2 ** 31 - 1;

/**
 * Creates a sender that posts Segment calls to `/v1/batch` with `fetch`, batching concurrent callers and
 * retrying what may succeed later.
 *
 * Bodies are made by {@link toSegmentBatches} (Segment's 32 KB per call, 500 KB and 2,500 calls per
 * body), with `sentAt` set when each request leaves. Calls of concurrent `send`s within `windowMs` share
 * bodies, and each caller learns the fate of its own calls. A request that fails on the network, times
 * out, or is answered 408, 429 or 5xx is retried up to `maxAttempts` times, after a random delay between
 * `minRetryDelayMs` and `minRetryDelayMs × 2^(attempt − 1)` (at most `maxRetryDelayMs`), or after the
 * answer's `Retry-After` (at most `maxRetryDelayMs`); any other 4xx is final. A caller whose `signal`
 * aborts gets `failed`/`aborted` at once, and a body none of whose callers still waits is abandoned.
 *
 * Runs wherever `fetch` does; it has no dependency on `@segment/analytics-node`.
 *
 * @throws {TypeError} For an invalid option (named in the message): an empty `writeKey`, an `endpoint`
 *   that is not an absolute http(s) URL, a negative or non-numeric delay, a region other than `us`/`eu`.
 * @example
 * const sender = createSegmentSender({ writeKey: env.SEGMENT_WRITE_KEY, region: 'eu' });
 * const outcome = await sender.send([toSegmentTrack(webhook)], { signal: AbortSignal.timeout(3000) });
 * if (outcome.status === 'failed' && outcome.retryable) return new Response(null, { status: 503 });
 */
export function createSegmentSender(options: SegmentSenderOptions): SegmentSender {
  if (typeof options !== 'object' || options === null) throw new TypeError('createSegmentSender: options must be an object');
  const { writeKey } = options;
  if (typeof writeKey !== 'string' || writeKey === '') {
    throw new TypeError('createSegmentSender: writeKey must be a non-empty string');
  }
  const url = batchUrl(options);
  const timeoutMs = numberOption(options.timeoutMs, 10_000, 'timeoutMs', { positive: true });
  const maxAttempts = numberOption(options.maxAttempts, 5, 'maxAttempts', { positive: true, integer: true });
  const minRetryDelayMs = numberOption(options.minRetryDelayMs, 100, 'minRetryDelayMs', {});
  const maxRetryDelayMs = numberOption(options.maxRetryDelayMs, Math.max(10_000, minRetryDelayMs), 'maxRetryDelayMs', {});
  if (maxRetryDelayMs < minRetryDelayMs) {
    throw new TypeError(`createSegmentSender: maxRetryDelayMs (${maxRetryDelayMs}) must not be below minRetryDelayMs (${minRetryDelayMs})`);
  }
  const windowMs = numberOption(options.windowMs, 5, 'windowMs', {});
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('createSegmentSender: fetch must be a function (this runtime has no global fetch)');
  const headers = { 'content-type': 'application/json', authorization: basicAuthorization(writeKey) };
  const batchOptions = { sentAt: sentAtPlaceholder, dropOversizedContent: options.dropOversizedContent === true };

  let queue: Caller[] = [];
  let queuedCalls = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;
  let closed = false;
  const inFlight = new Set<Promise<void>>();

  function dispatch(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    scheduled = false;
    const callers = queue.filter((caller) => !caller.settled);
    queue = [];
    queuedCalls = 0;
    if (callers.length === 0) return;

    // All callers' calls in one list, each remembering its caller and its position there.
    const calls: object[] = [];
    const owners: Caller[] = [];
    const positions: number[] = [];
    for (const caller of callers) {
      caller.calls.forEach((call, position) => {
        if (typeof call !== 'object' || call === null || Array.isArray(call)) {
          caller.rejected.push({ index: position, call, bytes: 0, reason: 'not_serializable' });
          return;
        }
        calls.push(call);
        owners.push(caller);
        positions.push(position);
      });
    }
    let made: ReturnType<typeof toSegmentBatches<object>>;
    try {
      made = toSegmentBatches(calls, batchOptions);
    } catch {
      // A call whose JSON.stringify throws (a BigInt, a cycle, a throwing getter) makes the whole list
      // throw: find those calls one by one, reject them to their own callers, and batch the rest.
      const keep: number[] = [];
      calls.forEach((call, index) => {
        let json: unknown;
        try {
          json = JSON.stringify(call);
        } catch {
          json = undefined;
        }
        if (typeof json === 'string') keep.push(index);
        else (owners[index] as Caller).rejected.push({ index: positions[index] as number, call, bytes: 0, reason: 'not_serializable' });
      });
      try {
        made = toSegmentBatches(
          keep.map((index) => calls[index] as object),
          batchOptions,
        );
      } catch (error) {
        // Only a call that serializes differently each time gets here: nothing of this round is sent.
        const failure: Failure = { status: 'failed', reason: 'invalid_calls', retryable: false, message: describe(error) };
        for (const caller of callers) {
          caller.failure ??= failure;
          settle(caller);
        }
        return;
      }
      const remap = (index: number): number => keep[index] as number;
      made = {
        batches: made.batches.map((batch) => ({ ...batch, indexes: batch.indexes.map(remap) })),
        rejected: made.rejected.map((call) => ({ ...call, index: remap(call.index) })),
        contentDropped: made.contentDropped.map(remap),
      };
    }
    const { batches, rejected, contentDropped } = made;
    for (const index of contentDropped) (owners[index] as Caller).contentDropped.push(positions[index] as number);
    for (const call of rejected) {
      (owners[call.index] as Caller).rejected.push({ ...call, index: positions[call.index] as number });
    }
    for (const batch of batches) {
      const flight: Flight = { owners: new Set(batch.indexes.map((index) => owners[index] as Caller)), controller: new AbortController() };
      for (const owner of flight.owners) {
        owner.outstanding++;
        owner.flights.push(flight);
      }
      const done = deliver(flight, batch.json, batch.body).then((failure) => land(flight, failure));
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    }
    for (const caller of callers) if (caller.outstanding === 0) settle(caller);
  }

  function land(flight: Flight, failure: Failure | undefined): void {
    for (const owner of flight.owners) {
      if (failure !== undefined) owner.failure ??= failure;
      owner.outstanding--;
      if (owner.outstanding === 0) settle(owner);
    }
  }

  function settle(caller: Caller): void {
    if (caller.settled) return;
    caller.settled = true;
    caller.signal?.removeEventListener('abort', caller.onAbort);
    const dropped = caller.contentDropped.length > 0 ? { contentDropped: caller.contentDropped } : {};
    if (caller.failure !== undefined) caller.resolve(caller.failure);
    else if (caller.rejected.length > 0) {
      caller.rejected.sort((a, b) => a.index - b.index);
      caller.resolve({ status: 'rejected', rejected: caller.rejected, sent: caller.calls.length - caller.rejected.length, ...dropped });
    } else caller.resolve({ status: 'sent', count: caller.calls.length, ...dropped });
  }

  function abandon(caller: Caller): void {
    if (caller.settled) return;
    caller.failure = { status: 'failed', reason: 'aborted', retryable: true, message: 'the caller aborted before every body was accepted' };
    settle(caller);
    for (const flight of caller.flights) {
      flight.owners.delete(caller);
      if (flight.owners.size === 0) flight.controller.abort();
    }
  }

  // The fate of one body: undefined when accepted. Never rejects.
  async function deliver(flight: Flight, json: string, body: object): Promise<Failure | undefined> {
    const signal = flight.controller.signal;
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) return abortedFailure;
      const sentAt = new Date().toISOString();
      const stamped =
        json.endsWith(sentAtTail) && sentAt.length === sentAtPlaceholder.length
          ? `${json.slice(0, json.length - sentAtTail.length)},"sentAt":"${sentAt}"}`
          : JSON.stringify({ ...body, sentAt });
      let result: Attempt;
      try {
        result = await post(stamped, signal);
      } catch (error) {
        result = { ok: false, failure: { status: 'failed', reason: 'network', retryable: true, message: describe(error) } };
      }
      if (result.ok) return undefined;
      if (!result.failure.retryable || attempt >= maxAttempts || signal.aborted) return result.failure;
      const ceiling = Math.min(maxRetryDelayMs, minRetryDelayMs * 2 ** (attempt - 1));
      const backoff = minRetryDelayMs + Math.random() * (ceiling - minRetryDelayMs);
      await sleep(Math.min(maxRetryDelayMs, result.retryAfterMs ?? backoff), signal);
    }
  }

  async function post(body: string, signal: AbortSignal): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, Math.min(timeoutMs, maxTimerMs));
    const onAbort = (): void => controller.abort();
    signal.addEventListener('abort', onAbort);
    try {
      const response = await fetchImpl(url, { method: 'POST', headers, body, signal: controller.signal });
      // Read to the end, under the same timeout, so that the connection can be reused.
      let text = '';
      try {
        text = await response.text();
      } catch {
        // The status is what counts; a body cut short does not change it.
      }
      if (response.status >= 200 && response.status < 300) return { ok: true };
      const status = response.status;
      const retryable = status === 408 || status === 429 || status >= 500;
      const failure: Failure = {
        status: 'failed',
        reason: 'http',
        httpStatus: status,
        retryable,
        message: `${url} answered ${status}${text === '' ? '' : `: ${text.slice(0, 200)}`}`,
      };
      const retryAfterMs = retryable ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : undefined;
      return retryAfterMs === undefined ? { ok: false, failure } : { ok: false, failure, retryAfterMs };
    } catch (error) {
      if (signal.aborted) return { ok: false, failure: abortedFailure };
      if (timedOut) {
        return { ok: false, failure: { status: 'failed', reason: 'timeout', retryable: true, message: `${url} did not answer within ${timeoutMs} ms` } };
      }
      return { ok: false, failure: { status: 'failed', reason: 'network', retryable: true, message: describe(error) } };
    } finally {
      clearTimeout(timeout);
      signal.removeEventListener('abort', onAbort);
    }
  }

  // Waits for what is in flight now (retries included), not for sends that arrive meanwhile: under
  // steady traffic, waiting for those too would never end.
  async function flush(): Promise<void> {
    dispatch();
    await Promise.all([...inFlight]);
  }

  return {
    send(calls, sendOptions) {
      return new Promise<SendOutcome>((resolve) => {
        if (closed) {
          resolve({ status: 'failed', reason: 'closed', retryable: false, message: 'the sender was closed' });
          return;
        }
        if (!Array.isArray(calls)) {
          resolve({ status: 'failed', reason: 'invalid_calls', retryable: false, message: 'calls must be an array of objects' });
          return;
        }
        const signal = sendOptions?.signal;
        if (signal?.aborted === true) {
          resolve(abortedFailure);
          return;
        }
        if (calls.length === 0) {
          resolve({ status: 'sent', count: 0 });
          return;
        }
        const caller: Caller = {
          calls,
          resolve,
          signal,
          onAbort: () => abandon(caller),
          flights: [],
          rejected: [],
          contentDropped: [],
          settled: false,
          outstanding: 0,
          failure: undefined,
        };
        signal?.addEventListener('abort', caller.onAbort);
        queue.push(caller);
        queuedCalls += calls.length;
        if (queuedCalls >= segmentBatchLimits.maxCallsPerBody) dispatch();
        else if (windowMs === 0) {
          if (!scheduled) {
            scheduled = true;
            queueMicrotask(dispatch);
          }
        } else timer ??= setTimeout(dispatch, Math.min(windowMs, maxTimerMs));
      });
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}

const abortedFailure: Failure = {
  status: 'failed',
  reason: 'aborted',
  retryable: true,
  message: 'the caller aborted before every body was accepted',
};

function batchUrl(options: SegmentSenderOptions): string {
  const { endpoint, region } = options;
  if (endpoint !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = typeof endpoint === 'string' ? new URL(endpoint) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new TypeError(`createSegmentSender: endpoint must be an absolute http(s) URL, received ${JSON.stringify(String(endpoint))}`);
    }
    if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') {
      throw new TypeError('createSegmentSender: endpoint must be a base URL without credentials, query or fragment (the write key goes in writeKey)');
    }
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}/v1/batch`;
  }
  if (region !== undefined && region !== 'us' && region !== 'eu') {
    throw new TypeError(`createSegmentSender: region must be 'us' or 'eu', received ${String(region)}`);
  }
  return `${segmentHost(region ?? 'us')}/v1/batch`;
}

function numberOption(
  value: number | undefined,
  fallback: number,
  name: string,
  rule: { readonly positive?: boolean; readonly integer?: boolean },
): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    (rule.positive !== true || value > 0) &&
    (rule.integer !== true || Number.isSafeInteger(value));
  if (!ok) {
    const what = rule.integer === true ? 'a positive integer' : rule.positive === true ? 'a positive number' : 'a number of 0 or more';
    throw new TypeError(`createSegmentSender: ${name} must be ${what}, received ${String(value)}`);
  }
  return value;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(ms, maxTimerMs));
    signal.addEventListener('abort', done);
  });
}
