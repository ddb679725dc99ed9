import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { utf8ByteLength } from '../../src/send/utf8ByteLength';

// Node has Buffer, and utf8ByteLength counts with it there; edge runtimes do not, and it counts by hand.
describe.each([
  ['with Buffer (Node)', false],
  ['without Buffer (edge runtimes)', true],
])('utf8ByteLength %s', (_, hideBuffer) => {
  beforeEach(() => {
    if (hideBuffer) vi.stubGlobal('Buffer', undefined);
    expect((globalThis as { Buffer?: unknown }).Buffer === undefined).toBe(hideBuffer);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('counts what TextEncoder writes, lone surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()), (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['€', 3],
    ['👋', 4],
    ['\ud83d', 3],
    ['\udc4b', 3],
    ['\ud83da', 4],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });
});

