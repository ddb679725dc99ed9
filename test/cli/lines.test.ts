import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineOutcome, processLines } from '../../src/cli/lines';
import type { Output } from '../../src/cli/outputFile';

// The reference: the whole input at once, split on LF, each line handled on its own.
function reference(input: Buffer, maxLineBytes: number, handle: (line: string) => LineOutcome): { out: Buffer; failed: number[]; blank: number } {
  const parts: Buffer[] = [];
  const failed: number[] = [];
  let blank = 0;
  let body = input;
  const bom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  if (bom) {
    parts.push(body.subarray(0, 3));
    body = body.subarray(3);
  }
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 10) {
      lines.push(body.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < body.length) lines.push(body.subarray(start));
  lines.forEach((bytes, index) => {
    if (bytes.length > maxLineBytes) return void failed.push(index + 1);
    const text = bytes.toString('utf8');
    if (text.trim() === '') return void blank++;
    const outcome = handle(text);
    const valid = Buffer.from(text).equals(bytes);
    if ('keep' in outcome) parts.push(bytes, Buffer.from('\n'));
    else if ('write' in outcome) {
      if (!valid) failed.push(index + 1);
      else parts.push(Buffer.from(outcome.write), Buffer.from(text.endsWith('\r') ? '\r\n' : '\n'));
    } else if ('fail' in outcome) failed.push(index + 1);
  });
  return { out: Buffer.concat(parts), failed, blank };
}

async function run(chunks: Buffer[], maxLineBytes: number, handle: (line: string) => LineOutcome) {
  const written: Buffer[] = [];
  const output: Output = {
    name: 'memory',
    write: (chunk) => void written.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)),
    commit: async () => {},
    abort: () => {},
  };
  let errors = '';
  const errorStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      errors += chunk.toString();
      done();
    },
  });
  const counts = await processLines({ input: Readable.from(chunks), output, errors: errorStream, command: 't', progress: false, maxLineBytes, keepBom: true, handle });
  const failed = [...errors.matchAll(/^t: line (\d+): /gm)].map((m) => Number(m[1]));
  return { out: Buffer.concat(written), failed: [...new Set(failed)], counts };
}

// Bytes that make lines: text, LF, CR, multi-byte UTF-8, and bytes that are not UTF-8.
const pieces = fc.oneof(
  fc.constantFrom('\n', '\r\n', ' ', '{"a":1}', 'é', '€', '😀', 'x'.repeat(40)).map((s) => Buffer.from(s)),
  fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe9]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xf0, 0x9f])),
);

describe('processLines', () => {
  it('gives what handling the whole input line by line gives, however the input is cut into chunks (fast path vs reference)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }), fc.constantFrom(8, 30, 1000), fc.nat(2), async (parts, cuts, maxLineBytes, mode) => {
        const input = Buffer.concat(parts);
        const chunks: Buffer[] = [];
        let at = 0;
        for (let i = 0; at < input.length; i++) {
          const size = cuts[i % cuts.length]!;
          chunks.push(input.subarray(at, at + size));
          at += size;
        }
        // keep every line, change every line, or fail the lines with an 'x'.
        const handle = (line: string): LineOutcome => (mode === 0 ? { keep: true } : mode === 1 ? { write: `[${line.length}]` } : line.includes('x') ? { fail: ['x'] } : { keep: true });
        const expected = reference(input, maxLineBytes, handle);
        const actual = await run(chunks, maxLineBytes, handle);
        expect(actual.out.equals(expected.out)).toBe(true);
        expect(actual.failed).toStrictEqual(expected.failed);
        expect(actual.counts.blank).toBe(expected.blank);
      }),
      { numRuns: 400 },
    );
  });
});
