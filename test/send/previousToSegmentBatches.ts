// toSegmentBatches as it was before it counted bytes only near a limit and took small batches whole:
// the oracle of test/send/toSegmentBatches.test.ts. Kept as it was, except that each call is serialized
// with JSON.stringify (what serializeCalls is held to by its own oracle test) and bytes are counted by
// encoding.
import { isPlainObject } from '../../src/json/isPlainObject';
import { segmentBatchLimits } from '../../src/send/segmentBatchLimits';
import type { RejectedCall, SegmentBatch, SegmentBatchBody, SegmentBatches, ToSegmentBatchesOptions } from '../../src/send/toSegmentBatches';

const encoder = new TextEncoder();
const utf8ByteLength = (text: string): number => encoder.encode(text).length;

/** The previous toSegmentBatches, unchanged in what it returns. */
export function previousToSegmentBatches<TCall extends object>(
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

  const batches: SegmentBatch<TCall>[] = [];
  const rejected: RejectedCall<TCall>[] = [];
  const contentDropped: number[] = [];
  let batch: TCall[] = [];
  let parts: string[] = [];
  let indexes: number[] = [];
  let bytes = overhead;

  const close = (): void => {
    const body: SegmentBatchBody<TCall> = { batch };
    if (sentAt !== undefined) body.sentAt = sentAt;
    if (writeKey !== undefined) body.writeKey = writeKey;
    batches.push({ body, json: `{"batch":[${parts.join(',')}]${tail}}`, bytes, indexes });
    batch = [];
    parts = [];
    indexes = [];
    bytes = overhead;
  };

  const jsons = calls.map((call) => JSON.stringify(call) as string | undefined);
  for (let index = 0; index < calls.length; index++) {
    let call = calls[index] as TCall;
    let json = jsons[index];
    if (typeof json !== 'string') {
      rejected.push({ index, call, bytes: 0, reason: 'not_serializable' });
      continue;
    }
    const originalSize = utf8ByteLength(json);
    let size = originalSize;
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
    if (batch.length > 0 && (batch.length === maxCalls || bytes + 1 + size > maxBodyBytes)) close();
    if (batch.length > 0) bytes += 1;
    batch.push(call);
    parts.push(json);
    indexes.push(index);
    bytes += size;
  }
  if (batch.length > 0) close();
  return { batches, rejected, contentDropped };
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
