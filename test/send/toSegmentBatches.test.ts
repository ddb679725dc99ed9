import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toSegmentTrack } from '../../src/mapping/toSegmentTrack';
import { segmentBatchLimits } from '../../src/send/segmentBatchLimits';
import {
  type SegmentBatches,
  toSegmentBatches,
  type ToSegmentBatchesOptions,
} from '../../src/send/toSegmentBatches';
import { oddCallValues } from '../arbitraries/oddCalls';
import { previousToSegmentBatches } from './previousToSegmentBatches';
import { anyWebhookArbitrary, textArbitrary } from '../arbitraries/webhook';

// Sizes are measured by encoding with TextEncoder here, independently of the implementation (which
// counts with Buffer.byteLength, or by hand where there is no Buffer).
const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;
const bytesOf = (value: unknown): number => utf8Bytes(JSON.stringify(value));

type Call = { properties: Record<string, unknown>; [key: string]: unknown };

/** Text of a random size: a multibyte-capable snippet repeated up to `maxRepeat` times. */
const sizedTextArbitrary = (maxRepeat: number): fc.Arbitrary<string> =>
  fc.tuple(textArbitrary, fc.nat({ max: maxRepeat })).map(([text, n]) => text.repeat(n));

/** A mapped call with a body of random size in `content` and, sometimes, padding elsewhere that cannot be dropped. */
const callArbitrary = (maxRepeat: number): fc.Arbitrary<Call> =>
  fc
    .tuple(
      anyWebhookArbitrary,
      fc.option(sizedTextArbitrary(maxRepeat), { nil: undefined }),
      fc.option(sizedTextArbitrary(maxRepeat), { nil: undefined, freq: 4 }),
    )
    .map(([webhook, content, padding]) => {
      const call = toSegmentTrack(webhook) as unknown as Call;
      if (content !== undefined) call.properties.content = content;
      if (padding !== undefined) call.properties.padding = padding;
      return call;
    });

function checkInvariants(calls: readonly Call[], options: ToSegmentBatchesOptions, result: SegmentBatches<Call>): void {
  const maxCallBytes = options.maxCallBytes ?? segmentBatchLimits.maxCallBytes;
  const maxBodyBytes = options.maxBodyBytes ?? segmentBatchLimits.maxBodyBytes;
  const maxCalls = options.maxCallsPerBody ?? segmentBatchLimits.maxCallsPerBody;
  const dropped = new Set(result.contentDropped);
  const sentIndexes: number[] = [];

  result.batches.forEach((batch, b) => {
    // No body over a limit; the JSON is the body's; the byte count is right.
    expect(batch.json).toBe(JSON.stringify(batch.body));
    expect(batch.bytes).toBe(utf8Bytes(batch.json));
    expect(batch.bytes).toBeLessThanOrEqual(maxBodyBytes);
    expect(batch.body.batch.length).toBeGreaterThan(0);
    expect(batch.body.batch.length).toBeLessThanOrEqual(maxCalls);
    expect(batch.indexes).toHaveLength(batch.body.batch.length);
    if (options.sentAt !== undefined) expect(typeof batch.body.sentAt).toBe('string');
    else expect(batch.body).not.toHaveProperty('sentAt');
    if (options.writeKey !== undefined) expect(batch.body.writeKey).toBe(options.writeKey);
    else expect(batch.body).not.toHaveProperty('writeKey');

    batch.body.batch.forEach((sent, k) => {
      const index = batch.indexes[k] as number;
      const original = calls[index] as Call;
      expect(bytesOf(sent)).toBeLessThanOrEqual(maxCallBytes);
      if (dropped.has(index)) {
        expect(bytesOf(original)).toBeGreaterThan(maxCallBytes);
        expect(sent).toEqual({ ...original, properties: { ...original.properties, content: null, content_dropped: true } });
      } else {
        expect(sent).toBe(original);
      }
      sentIndexes.push(index);
    });

    // Greedy: a body is closed only when the next call would break a limit.
    const next = result.batches[b + 1];
    if (next !== undefined) {
      const first = next.body.batch[0];
      const full = batch.body.batch.length === maxCalls || batch.bytes + 1 + bytesOf(first) > maxBodyBytes;
      expect(full).toBe(true);
    }
  });

  // Order preserved, across and within bodies.
  for (let i = 1; i < sentIndexes.length; i++) expect(sentIndexes[i]).toBeGreaterThan(sentIndexes[i - 1] as number);

  // Nothing lost, nothing duplicated: every input index is sent once or rejected once.
  const all = [...sentIndexes, ...result.rejected.map((r) => r.index)].sort((a, b) => a - b);
  expect(all).toEqual(calls.map((_, i) => i));

  for (const rejection of result.rejected) {
    const original = calls[rejection.index] as Call;
    expect(rejection.call).toBe(original);
    expect(rejection.reason).toBe('call_too_large');
    expect(rejection.bytes).toBe(bytesOf(original));
    expect(rejection.bytes).toBeGreaterThan(maxCallBytes);
    const content = original.properties.content;
    if (options.dropOversizedContent === true && content !== null && content !== undefined) {
      // Dropping the content was tried and was not enough.
      expect(bytesOf({ ...original, properties: { ...original.properties, content: null, content_dropped: true } })).toBeGreaterThan(
        maxCallBytes,
      );
    }
  }
  if (dropped.size > 0) expect(options.dropOversizedContent).toBe(true);
}

const optionsArbitrary = (limits: fc.Arbitrary<Partial<ToSegmentBatchesOptions>>): fc.Arbitrary<ToSegmentBatchesOptions> =>
  fc
    .tuple(
      limits,
      fc.option(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }), { nil: undefined }),
      fc.option(textArbitrary, { nil: undefined }),
      fc.boolean(),
    )
    .map(([l, sentAt, writeKey, dropOversizedContent]) => {
      const options: { -readonly [K in keyof ToSegmentBatchesOptions]: ToSegmentBatchesOptions[K] } = {
        ...l,
        dropOversizedContent,
      };
      if (sentAt !== undefined) options.sentAt = sentAt;
      if (writeKey !== undefined) options.writeKey = writeKey;
      return options;
    });

describe('toSegmentBatches', () => {
  test('property: small custom limits, many splits (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(callArbitrary(60), { maxLength: 40 }),
        optionsArbitrary(
          fc.record({
            maxCallBytes: fc.integer({ min: 700, max: 4000 }),
            maxBodyBytes: fc.integer({ min: 4200, max: 20000 }),
            maxCallsPerBody: fc.integer({ min: 1, max: 12 }),
          }),
        ),
        (calls, options) => {
          checkInvariants(calls, options, toSegmentBatches(calls, options));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("property: Segment's own limits, calls up to and over 32 KB (1,000 runs)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: callArbitrary(20) },
            { weight: 1, arbitrary: callArbitrary(3000) },
          ),
          { maxLength: 60 },
        ),
        optionsArbitrary(fc.constant({})),
        (calls, options) => {
          checkInvariants(calls, options, toSegmentBatches(calls, options));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('property: bodies are filled to the byte and the call, never one over (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: 1, max: 10 }),
        fc.option(textArbitrary, { nil: undefined }),
        (text, count, perBody, slack, maxCalls, writeKey) => {
          // Equal-size calls, and a body limit right at (or a byte or two around) `perBody` calls.
          const calls = Array.from({ length: count }, (_, i) => ({ i: i % 10, text }));
          const size = bytesOf(calls[0]);
          const empty = bytesOf(writeKey === undefined ? { batch: [] } : { batch: [], writeKey });
          const maxBodyBytes = Math.max(empty + size, empty + perBody * size + (perBody - 1) + slack);
          // Independent count of calls per body: the most k with empty + k·size + (k − 1) commas ≤ limit.
          let fit = 0;
          while (empty + (fit + 1) * size + fit <= maxBodyBytes) fit++;
          const expected = Math.min(fit, maxCalls);
          const options = writeKey === undefined ? { maxBodyBytes, maxCallsPerBody: maxCalls } : { maxBodyBytes, maxCallsPerBody: maxCalls, writeKey };
          const { batches } = toSegmentBatches(calls, options);
          const lengths = batches.map((b) => b.body.batch.length);
          expect(lengths).toEqual(
            Array.from({ length: Math.ceil(count / expected) }, (_, b) => Math.min(expected, count - b * expected)),
          );
          for (const batch of batches) expect(utf8Bytes(batch.json)).toBeLessThanOrEqual(maxBodyBytes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(callArbitrary(3000), { maxLength: 10 }), (calls) => {
        const before = structuredClone(calls);
        toSegmentBatches(calls, { dropOversizedContent: true });
        expect(calls).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  const base = { type: 'track', event: 'Email Sent', userId: 'u1', messageId: 'api-x', properties: { content: '' } };
  /** A call whose JSON is exactly `bytes` long (ASCII content). */
  const callOfSize = (bytes: number, content = 'x'): typeof base => {
    const call = { ...base, properties: { content: '' } };
    const fill = bytes - bytesOf(call);
    call.properties.content = content.repeat(Math.floor(fill / utf8Bytes(content))) + 'x'.repeat(fill % utf8Bytes(content));
    expect(bytesOf(call)).toBe(bytes);
    return call;
  };

  test('a call of exactly 32 × 1024 bytes goes in; one byte more is rejected', () => {
    const fits = callOfSize(32 * 1024);
    const over = callOfSize(32 * 1024 + 1);
    const result = toSegmentBatches([fits, over]);
    expect(result.batches.map((b) => b.body.batch)).toEqual([[fits]]);
    expect(result.rejected).toEqual([{ index: 1, call: over, bytes: 32 * 1024 + 1, reason: 'call_too_large' }]);
  });

  test('multibyte content is measured in UTF-8 bytes, not characters', () => {
    const over = callOfSize(32 * 1024 + 2, '€');
    expect(JSON.stringify(over).length).toBeLessThan(32 * 1024);
    expect(toSegmentBatches([over]).rejected).toHaveLength(1);
  });

  test('dropOversizedContent sends the call without its content, and says so', () => {
    const over = callOfSize(40_000);
    const result = toSegmentBatches([over], { dropOversizedContent: true });
    expect(result.rejected).toEqual([]);
    expect(result.contentDropped).toEqual([0]);
    expect(result.batches[0]?.body.batch).toEqual([
      { ...over, properties: { content: null, content_dropped: true } },
    ]);
    expect(over.properties.content).toHaveLength(40_000 - bytesOf({ ...base, properties: { content: '' } }));
  });

  test('a call too large without its content is rejected even with dropOversizedContent', () => {
    const call = { ...base, properties: { content: 'c', other: 'o'.repeat(40_000) } };
    const result = toSegmentBatches([call], { dropOversizedContent: true });
    expect(result.batches).toEqual([]);
    expect(result.rejected).toEqual([{ index: 0, call, bytes: bytesOf(call), reason: 'call_too_large' }]);
  });

  test('2,500 calls make one body; 2,501 make two', () => {
    const calls = Array.from({ length: 2501 }, (_, i) => ({ ...base, messageId: `api-${i}` }));
    expect(toSegmentBatches(calls.slice(0, 2500)).batches.map((b) => b.body.batch.length)).toEqual([2500]);
    expect(toSegmentBatches(calls).batches.map((b) => b.body.batch.length)).toEqual([2500, 1]);
  });

  test('a body fills up to exactly 500,000 bytes, sentAt and writeKey included', () => {
    const sentAt = new Date('2026-01-01T00:00:00.000Z');
    const writeKey = 'wk_ü';
    const empty = utf8Bytes(JSON.stringify({ batch: [], sentAt: sentAt.toISOString(), writeKey }));
    // 20 calls of equal size plus their 19 commas fill the body to the byte.
    const room = 500_000 - empty - 19;
    const calls = Array.from({ length: 20 }, () => callOfSize(Math.floor(room / 20)));
    const last = callOfSize(room - Math.floor(room / 20) * 19);
    calls[19] = last;
    const one = toSegmentBatches([...calls], { sentAt, writeKey });
    expect(one.batches.map((b) => b.bytes)).toEqual([500_000]);
    const two = toSegmentBatches([...calls.slice(0, 19), callOfSize(bytesOf(last) + 1)], { sentAt, writeKey });
    expect(two.batches.map((b) => b.body.batch.length)).toEqual([19, 1]);
  });

  test('a call that no body can hold under tiny custom limits is rejected, not sent', () => {
    const call = callOfSize(200);
    expect(toSegmentBatches([call], { maxBodyBytes: 150 }).rejected).toEqual([
      { index: 0, call, bytes: 200, reason: 'body_too_large' },
    ]);
  });

  test('a call without JSON is rejected', () => {
    const call = { toJSON: () => undefined };
    expect(toSegmentBatches([call]).rejected).toEqual([{ index: 0, call, bytes: 0, reason: 'not_serializable' }]);
  });

  // Calls are serialized a chunk of 256 at a time and cut at marker strings; these are the inputs that
  // could make a cut wrong: marker-like values inside calls, calls that serialize differently inside an
  // array than alone, and chunk boundaries.
  test('property: every call is sent as exactly JSON.stringify(call), whatever it holds (300 runs)', () => {
    const oddCall = fc.oneof(callArbitrary(5), fc.constantFrom(...oddCallValues));
    fc.assert(
      fc.property(
        fc.array(oddCall, { maxLength: 700 }),
        (calls) => {
          const { batches, rejected } = toSegmentBatches(calls);
          for (const batch of batches) {
            expect(batch.json).toBe(JSON.stringify(batch.body));
            expect(batch.bytes).toBe(utf8Bytes(batch.json));
          }
          const sent = batches.flatMap((b) => b.indexes);
          expect([...sent, ...rejected.map((r) => r.index)].sort((a, b) => a - b)).toEqual(calls.map((_, i) => i));
          const unserializable = calls.flatMap((call, i) => (JSON.stringify(call) === undefined ? [i] : []));
          expect(rejected.filter((r) => r.reason === 'not_serializable').map((r) => r.index)).toEqual(unserializable);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a call JSON.stringify throws on makes toSegmentBatches throw the same error', () => {
    const calls = [{ type: 'track' }, { type: 'track', properties: { big: 1n } }];
    expect(() => JSON.stringify(calls[1])).toThrow(TypeError);
    expect(() => toSegmentBatches(calls)).toThrow(TypeError);
  });

  test('no calls, no bodies', () => {
    expect(toSegmentBatches([])).toEqual({ batches: [], rejected: [], contentDropped: [] });
  });

  test.each([[0], [-1], [1.5], [Number.NaN]])('a limit of %d is a RangeError', (bad) => {
    expect(() => toSegmentBatches([], { maxCallsPerBody: bad })).toThrow(RangeError);
    expect(() => toSegmentBatches([], { maxBodyBytes: bad })).toThrow(RangeError);
    expect(() => toSegmentBatches([], { maxCallBytes: bad })).toThrow(RangeError);
  });
});

describe('toSegmentBatches against the previous implementation near every limit', () => {
  // Characters of 1, 2, 3 and 4 UTF-8 bytes (the last 2 UTF-16 units), so that UTF-16 length and
  // UTF-8 bytes part ways.
  const glyphs = ['a', 'é', '€', '😀'] as const;
  const glyphBytes = [1, 2, 3, 4] as const;

  /** A call whose JSON takes exactly `target` bytes (or as close as its fixed part allows), with multibyte filler. */
  function sizedCall(target: number, mix: readonly number[], droppable: boolean): Call {
    const call: Call = { type: 'track', event: 'Email Sent', properties: { content: null } };
    const base = bytesOf(call) - (droppable ? 4 : 0) + (droppable ? 2 : 0); // `null` → `""`
    let room = target - base;
    let text = '';
    for (let i = 0; room > 0; i++) {
      const k = mix[i % mix.length] as number;
      // Escaped characters are avoided; a glyph that does not fit is replaced by ASCII.
      const glyph = glyphBytes[k]! <= room ? glyphs[k]! : 'a';
      text += glyph;
      room -= glyph === 'a' ? 1 : glyphBytes[k]!;
    }
    if (droppable) call.properties.content = text;
    else call.properties.padding = text;
    return call;
  }

  const mixArbitrary = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 });
  const optionsArbitrary = (limits: fc.Arbitrary<Partial<ToSegmentBatchesOptions>>): fc.Arbitrary<ToSegmentBatchesOptions> =>
    fc
      .tuple(limits, fc.option(fc.constantFrom('2026-11-30T12:00:00.000Z', 'ünïcode'), { nil: undefined }), fc.option(fc.constantFrom('key', 'clé😀'), { nil: undefined }), fc.boolean())
      .map(([partial, sentAt, writeKey, dropOversizedContent]) => ({ ...partial, sentAt, writeKey, dropOversizedContent }));

  const compare = (calls: readonly Call[], options: ToSegmentBatchesOptions): void => {
    const result = toSegmentBatches(calls, options);
    expect(result).toEqual(previousToSegmentBatches(calls, options));
    // The properties above too, where they assume Segment's limits.
    if (options.maxBodyBytes === undefined) checkInvariants(calls, options, result);
    else for (const batch of result.batches) expect(batch.bytes).toBe(utf8Bytes(batch.json));
  };

  test('calls of 32 KB ± a few bytes, multibyte, alone and among small calls', () => {
    const callMax = segmentBatchLimits.maxCallBytes;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -6, max: 6 }), mixArbitrary, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        optionsArbitrary(fc.constant({})),
        (specs, options) => {
          const calls = specs.map(([delta, mix, droppable, small]) => sizedCall(small ? 200 + delta : callMax + delta, mix, droppable));
          compare(calls, options);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('bodies of 500,000 bytes ± a few', () => {
    const bodyMax = segmentBatchLimits.maxBodyBytes;
    fc.assert(
      fc.property(fc.integer({ min: -8, max: 8 }), fc.integer({ min: 15, max: 17 }), mixArbitrary, optionsArbitrary(fc.constant({})), (delta, count, mix, options) => {
        // `count` calls of about 30 KB whose sum, with the body's framing, lands `delta` bytes from the limit.
        const tail = (options.sentAt === undefined ? 0 : bytesOf(options.sentAt) + 10) + (options.writeKey === undefined ? 0 : bytesOf(options.writeKey) + 12);
        const framing = '{"batch":[]}'.length + tail + (count - 1);
        const each = Math.floor((bodyMax + delta - framing) / count);
        const calls = Array.from({ length: count }, (_, i) => sizedCall(i === count - 1 ? bodyMax + delta - framing - each * (count - 1) : each, mix, i % 2 === 0));
        compare(calls, options);
      }),
      { numRuns: 20 },
    );
  });

  test('2,500 calls ± 1 and small batches of the fast path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2499, max: 2501 }), optionsArbitrary(fc.constant({})), (count, options) => {
        const calls = Array.from({ length: count }, (_, i) => sizedCall(60 + (i % 7), [i % 4], i % 3 === 0));
        compare(calls, options);
      }),
      { numRuns: 6 },
    );
    fc.assert(
      fc.property(fc.array(callArbitrary(3), { minLength: 1, maxLength: 70 }), optionsArbitrary(fc.constant({})), (calls, options) => compare(calls, options)),
      { numRuns: 60 },
    );
  });

  test('calls counted only as a body nears its limit: limits at a body, a byte either side, or anywhere', () => {
    // Each call is far under a third of the call limit, so its bytes are bounded by 3 per UTF-16 unit
    // and counted only when a body's bound reaches the body limit, and then only the oldest ones until
    // the bound fits. Characters of 1 to 4 bytes, and lone surrogates (which JSON escapes in ASCII).
    const pieces = ['a', 'é', '€', '😀', '\ud83d', '\udc4b', '"'];
    const textArbitrary = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(textArbitrary, { minLength: 1, maxLength: 150 }),
        fc.nat(),
        fc.integer({ min: -1, max: 1 }),
        fc.boolean(),
        optionsArbitrary(fc.constant({})),
        (texts, at, delta, atABody, options) => {
          const calls: Call[] = texts.map((content, i) => ({ type: 'track', event: 'Email Sent', properties: { i, content } }));
          // The bytes of a body of the first k calls, measured here by encoding.
          const k = 1 + (at % calls.length);
          const framing = { ...(options.sentAt === undefined ? {} : { sentAt: options.sentAt }), ...(options.writeKey === undefined ? {} : { writeKey: options.writeKey }) };
          const prefix = bytesOf({ batch: calls.slice(0, k), ...framing });
          compare(calls, { ...options, maxBodyBytes: atABody ? prefix + delta : prefix + (at % 4000) });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('small custom limits, every one of them near the sizes of the calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 40, max: 160 }), mixArbitrary, fc.boolean()), { maxLength: 40 }),
        optionsArbitrary(
          fc.record({
            maxCallBytes: fc.integer({ min: 40, max: 170 }),
            maxBodyBytes: fc.integer({ min: 40, max: 700 }),
            maxCallsPerBody: fc.integer({ min: 1, max: 8 }),
          }),
        ),
        (specs, options) => {
          const calls = specs.map(([target, mix, droppable]) => sizedCall(target, mix, droppable));
          compare(calls, options);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('odd calls, mapped calls and custom limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(callArbitrary(40), fc.constantFrom(...(oddCallValues as Call[]))), { maxLength: 30 }),
        optionsArbitrary(
          fc.record({ maxCallBytes: fc.integer({ min: 200, max: 3000 }), maxBodyBytes: fc.integer({ min: 200, max: 6000 }), maxCallsPerBody: fc.integer({ min: 1, max: 40 }) }, { requiredKeys: [] }),
        ),
        (calls, options) => {
          let expected: unknown;
          try {
            expected = previousToSegmentBatches(calls, options);
          } catch (error) {
            expect(() => toSegmentBatches(calls, options)).toThrow((error as Error).constructor as new () => Error);
            return;
          }
          expect(toSegmentBatches(calls, options)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
