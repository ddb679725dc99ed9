import { isPlainObject } from '../json/isPlainObject';
import { segmentBatchLimits } from './segmentBatchLimits';
import { serializeCalls } from './serializeCalls';
import { serializesAlike } from './serializesAlike';
import { utf8ByteLength } from './utf8ByteLength';

/** Options of {@link toSegmentBatches}. */
export interface ToSegmentBatchesOptions {
  /**
   * The body's `sentAt`: set it only to the real send time (https://segment.com/docs/connections/spec/common/#timestamps), since Segment
   * shifts every call's `timestamp` by `receivedAt − sentAt`. Omitted: no `sentAt`.
   */
  readonly sentAt?: Date | string | undefined;
  /** The write key, put in each body for Segment's in-body authentication. Omitted: no `writeKey`. */
  readonly writeKey?: string | undefined;
  /**
   * When a call is over `maxCallBytes`, send it with `properties.content: null` and
   * `properties.content_dropped: true` if that brings it within the limit. Off: such a call is rejected.
   */
  readonly dropOversizedContent?: boolean | undefined;
  /** Default: {@link segmentBatchLimits}`.maxCallBytes` (32 × 1024). */
  readonly maxCallBytes?: number | undefined;
  /** Default: {@link segmentBatchLimits}`.maxBodyBytes` (500,000). */
  readonly maxBodyBytes?: number | undefined;
  /** Default: {@link segmentBatchLimits}`.maxCallsPerBody` (2,500). */
  readonly maxCallsPerBody?: number | undefined;
}

/** A `/v1/batch` request body. */
export interface SegmentBatchBody<TCall> {
  batch: TCall[];
  sentAt?: string;
  writeKey?: string;
}

/** One body of {@link toSegmentBatches}, as an object and as the JSON to send. */
export interface SegmentBatch<TCall> {
  readonly body: SegmentBatchBody<TCall>;
  /** `JSON.stringify(body)`, built from each call's JSON so that no call is serialized twice. */
  readonly json: string;
  /**
   * UTF-8 bytes of `json`. Where the limits were settled without counting every byte, counted when
   * first read (an accessor), so that a caller who never reads it does not pay for it.
   */
  readonly bytes: number;
  /** The position in the input of each call in `body.batch`, in the same order. */
  readonly indexes: readonly number[];
}

/** Why {@link toSegmentBatches} kept a call out of every body. */
export type RejectedCallReason = 'call_too_large' | 'body_too_large' | 'not_serializable';

/** A call that {@link toSegmentBatches} kept out of every body, because Segment would reject it. */
export interface RejectedCall<TCall> {
  /** Its position in the input. */
  readonly index: number;
  readonly call: TCall;
  /** UTF-8 bytes of its JSON (before any content was dropped); 0 when it has no JSON. */
  readonly bytes: number;
  readonly reason: RejectedCallReason;
}

/** What {@link toSegmentBatches} returns: the bodies to send, and the calls that cannot be sent. */
export interface SegmentBatches<TCall> {
  readonly batches: readonly SegmentBatch<TCall>[];
  readonly rejected: readonly RejectedCall<TCall>[];
  /** Input positions of the calls sent with their `content` dropped (`dropOversizedContent`). */
  readonly contentDropped: readonly number[];
}

/**
 * Splits Segment calls into `/v1/batch` bodies that stay within Segment's limits.
 *
 * Every body holds at most `maxCallsPerBody` calls and `maxBodyBytes` bytes of JSON (UTF-8, `sentAt` and
 * `writeKey` included), and every call at most `maxCallBytes` (see {@link segmentBatchLimits}). The
 * calls keep their order, across and within bodies; each one is in exactly one body or in `rejected`.
 * A call too large for Segment is never put in a body, where it would be refused: with
 * `dropOversizedContent` its message body is dropped when that is enough, otherwise it is rejected.
 *
 * Pure: the input is never mutated, and a call whose content is dropped is a copy. Each call's JSON is
 * exactly `JSON.stringify(call)` (see `serializeCalls` for how it is made fast).
 *
 * @throws {RangeError} When a limit option is not a positive integer (a programming error, not data).
 * @example
 * const { batches, rejected } = toSegmentBatches(calls, { writeKey, sentAt: new Date() });
 * for (const { json } of batches) await fetch(segmentEndpoint('eu'), { method: 'POST', body: json, headers });
 */
export function toSegmentBatches<TCall extends object>(
  calls: readonly TCall[],
  options?: ToSegmentBatchesOptions,
): SegmentBatches<TCall> {
  const maxCallBytes = limit(options?.maxCallBytes, segmentBatchLimits.maxCallBytes, 'maxCallBytes');
  const maxBodyBytes = limit(options?.maxBodyBytes, segmentBatchLimits.maxBodyBytes, 'maxBodyBytes');
  const maxCalls = limit(options?.maxCallsPerBody, segmentBatchLimits.maxCallsPerBody, 'maxCallsPerBody');
  const sentAt = options?.sentAt instanceof Date ? options.sentAt.toISOString() : options?.sentAt;
  const writeKey = options?.writeKey;

  // The body is `{"batch":[` + calls joined by `,` + `]` + tail + `}`, keys in the order `body` has them.
  let tail = '';
  if (sentAt !== undefined) tail += `,"sentAt":${JSON.stringify(sentAt)}`;
  if (writeKey !== undefined) tail += `,"writeKey":${JSON.stringify(writeKey)}`;
  const overhead = utf8ByteLength(tail) + '{"batch":[]}'.length;

  const bodyOf = (batch: TCall[]): SegmentBatchBody<TCall> => {
    const body: SegmentBatchBody<TCall> = { batch };
    if (sentAt !== undefined) body.sentAt = sentAt;
    if (writeKey !== undefined) body.writeKey = writeKey;
    return body;
  };

  // Most batches a receiver sends are far under every limit: one JSON.stringify of the whole array (when
  // every call serializes the same inside an array as alone) and one count settle them, with no
  // per-call JSON to cut out, count and join again. `[` + the calls joined by `,` + `]`: brackets and
  // commas take n + 1 bytes and every other call at least 2 (`{}`), so no call takes more than the
  // array's bytes less 3n − 1.
  if (calls.length > 0 && calls.length <= Math.min(maxCalls, smallBatchCalls) && calls.every(serializesAlike)) {
    const array = stringifyOrUndefined(calls);
    const arrayBytes = array === undefined ? maxBodyBytes : utf8ByteLength(array);
    if (overhead - 2 + arrayBytes <= maxBodyBytes && arrayBytes - 3 * calls.length + 1 <= maxCallBytes) {
      const indexes = calls.map((_, index) => index);
      return { batches: [batchOf(bodyOf(calls.slice()), `{"batch":${array}${tail}}`, overhead - 2 + arrayBytes, indexes)], rejected: [], contentDropped: [] };
    }
  }

  const batches: SegmentBatch<TCall>[] = [];
  const rejected: RejectedCall<TCall>[] = [];
  const contentDropped: number[] = [];
  let batch: TCall[] = [];
  let parts: string[] = [];
  // Each part's bytes where it was counted on its own (a call that could be over a limit alone, or the
  // one that decided a body), else -1: counted parts are never counted again.
  let sizes: number[] = [];
  let indexes: number[] = [];
  // Bytes are counted exactly only where a limit could be reached: a JSON of n UTF-16 units takes
  // between n and 3n UTF-8 bytes. `bytes` is exact for the body's overhead, its commas and its parts
  // before `countedTo`; the parts from there take at most `uncountedBound` bytes.
  let bytes = overhead;
  let countedTo = 0;
  let uncountedBound = 0;

  const close = (): void => {
    batches.push(batchOf(bodyOf(batch), `{"batch":[${parts.join(',')}]${tail}}`, countedTo === parts.length ? bytes : -1, indexes));
    batch = [];
    parts = [];
    sizes = [];
    indexes = [];
    bytes = overhead;
    countedTo = 0;
    uncountedBound = 0;
  };

  const jsons = serializeCalls(calls);
  for (let index = 0; index < calls.length; index++) {
    let call = calls[index] as TCall;
    let json = jsons[index];
    if (typeof json !== 'string') {
      rejected.push({ index, call, bytes: 0, reason: 'not_serializable' });
      continue;
    }
    // -1: not counted, and provably within the call limit and alone within the body limit.
    let size = 3 * json.length > maxCallBytes || overhead + 3 * json.length > maxBodyBytes ? utf8ByteLength(json) : -1;
    const originalSize = size;
    if (size > maxCallBytes) {
      const slimmed = options?.dropOversizedContent === true ? withoutContent(call) : undefined;
      const slimJson = slimmed === undefined ? undefined : JSON.stringify(slimmed);
      const slimSize = slimJson === undefined ? Number.POSITIVE_INFINITY : utf8ByteLength(slimJson);
      if (slimmed === undefined || slimJson === undefined || slimSize > maxCallBytes) {
        rejected.push({ index, call, bytes: size, reason: 'call_too_large' });
        continue;
      }
      contentDropped.push(index);
      call = slimmed;
      json = slimJson;
      size = slimSize;
    }
    if (overhead + size > maxBodyBytes) {
      rejected.push({ index, call: calls[index] as TCall, bytes: originalSize, reason: 'body_too_large' });
      continue;
    }
    // A comma separates the call from the previous one in the same body.
    if (batch.length > 0) {
      if (batch.length === maxCalls) close();
      else {
        // Near the body limit: count the oldest parts not counted yet, one at a time, only until the
        // bound fits. A body that ends under the limit is then counted in a few parts, not in full;
        // one that reaches it is counted in full, each part once, and decided exactly.
        const bound = size === -1 ? 3 * json.length : size;
        while (bytes + uncountedBound + 1 + bound > maxBodyBytes && countedTo < parts.length) {
          const part = parts[countedTo] as string;
          const known = sizes[countedTo] as number;
          bytes += known === -1 ? utf8ByteLength(part) : known;
          uncountedBound -= known === -1 ? 3 * part.length : known;
          countedTo++;
        }
        if (bytes + uncountedBound + 1 + bound > maxBodyBytes) {
          if (size === -1) size = utf8ByteLength(json);
          if (bytes + 1 + size > maxBodyBytes) close();
        }
      }
    }
    if (batch.length > 0) bytes += 1;
    batch.push(call);
    indexes.push(index);
    parts.push(json);
    sizes.push(size);
    uncountedBound += size === -1 ? 3 * json.length : size;
  }
  if (batch.length > 0) close();
  return { batches, rejected, contentDropped };
}

// The largest batch tried whole: a receiver's batches are tens of calls, and the bound on a single call
// (the whole array's bytes less the framing, under 32 KB) holds for at most about 45 calls of the usual
// 700 bytes, so a longer batch would mostly pay for a JSON.stringify it cannot use.
const smallBatchCalls = 64;

function stringifyOrUndefined(calls: readonly object[]): string | undefined {
  try {
    return JSON.stringify(calls);
  } catch {
    return undefined;
  }
}

// A body; `bytes` of -1: its limits were settled without counting all of its bytes, which are counted
// when first read (and then kept), so that a caller who never reads it never pays for it. Counting is most of
// what batching costs beyond JSON.stringify.
function batchOf<TCall>(body: SegmentBatchBody<TCall>, json: string, bytes: number, indexes: readonly number[]): SegmentBatch<TCall> {
  if (bytes !== -1) return { body, json, bytes, indexes };
  return {
    body,
    json,
    get bytes(): number {
      if (bytes === -1) bytes = utf8ByteLength(json);
      return bytes;
    },
    indexes,
  };
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`toSegmentBatches: ${name} must be a positive integer, received ${String(value)}`);
  }
  return value;
}

// Only a call whose `properties.content` holds something can get smaller by dropping it.
function withoutContent<TCall extends object>(call: TCall): TCall | undefined {
  const properties = (call as { properties?: unknown }).properties;
  if (!isPlainObject(properties)) return undefined;
  if (!Object.hasOwn(properties, 'content')) return undefined;
  const content = (properties as { content?: unknown }).content;
  if (content === null || content === undefined) return undefined;
  return { ...call, properties: { ...properties, content: null, content_dropped: true } };
}
