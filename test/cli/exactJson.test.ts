import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumber, parseExact, stringifyExact } from '../../src/cli/exactJson';

// Whether a decimal integer is within 2^53, where a double holds every integer: the oracle is BigInt.
const safe = (digits: string): boolean => BigInt(digits) <= 2n ** 53n - 1n && BigInt(digits) >= -(2n ** 53n - 1n);

describe('parseExact and stringifyExact', () => {
  it('give JSON.parse results for any JSON text, integers beyond 2^53 as bigints with the digits of the text, and the text back', () => {
    // What JSON.stringify wrote as plain digits but a double does not hold exactly comes back as that integer.
    const expected = (value: unknown): unknown => {
      if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21) return BigInt(String(value));
      if (Array.isArray(value)) return value.map(expected);
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expected(v)]));
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const parsed = parseExact(text);
        if (!('value' in parsed)) throw new Error(parsed.fail.join('; '));
        expect(parsed.value).toStrictEqual(expected(JSON.parse(text)));
        expect(stringifyExact(parsed.value, parsed.bigints)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('read a line that is a bare number like any other (found by the property above: 2^53 alone)', () => {
    expect(parseExact('9007199254740992')).toStrictEqual({ value: 9007199254740992n, bigints: true });
    expect(parseExact(' -9007199254740993')).toStrictEqual({ value: -9007199254740993n, bigints: true });
    expect(parseExact('9007199254740991')).toStrictEqual({ value: 9007199254740991, bigints: false });
    expect(parseExact('1e400')).toHaveProperty('fail');
  });

  it('carry integers beyond 2^53 with every digit, wherever they are', () => {
    const text = fc.string().filter((s) => !s.includes('\u0000'));
    const big = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).filter((n) => n > 2n ** 53n || n < -(2n ** 53n));
    const withBigints = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, big, text, fc.integer(), tie('object'), tie('array')),
      object: fc.dictionary(text, tie('value'), { maxKeys: 4, noNullPrototype: true }),
      array: fc.array(tie('value'), { maxLength: 4 }),
    })).object;
    fc.assert(
      fc.property(withBigints, (value) => {
        const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0001${v}` : v)).replace(/"\\u0001(-?\d+)"/g, '$1');
        const parsed = parseExact(text);
        if (!('value' in parsed)) throw new Error(parsed.fail.join('; '));
        expect(parsed.value).toStrictEqual(value);
        expect(stringifyExact(parsed.value, parsed.bigints)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('fail a line with a duplicate key, with the key, even when a string holds ":', () => {
    expect(parseExact('{"a":1,"b":{"c":"x\\":y","c":2}}')).toStrictEqual({ fail: ['duplicate key "c" (JSON.parse keeps only its last value)'] });
    expect(parseExact('{"a":1,"\\u0061":2}')).toStrictEqual({ fail: ['duplicate key "a" (JSON.parse keeps only its last value)'] });
    expect(parseExact('{"a":"\\":","b":[{"a":1},{"a":2}]}')).toStrictEqual({ value: { a: '":', b: [{ a: 1 }, { a: 2 }] }, bigints: false });
  });

  it('fail numbers a double cannot hold, and accept those it holds whatever their spelling', () => {
    expect(checkNumber('1e400')).toMatch(/out of range/);
    expect(checkNumber('-1e400')).toMatch(/out of range/);
    expect(checkNumber('1e-400')).toMatch(/too small/);
    expect(checkNumber('4.9e-324')).toMatch(/more precision/);
    expect(checkNumber('0.1000000000000000055511151231257827')).toMatch(/more precision/);
    for (const exact of ['1e21', '1.5E3', '0.1', '-0', '0.000001', '123456789012345', '5e-324', '1.7976931348623157e308', '100000000000000000000.0']) {
      expect(checkNumber(exact), exact).toBeUndefined();
    }
  });

  it('carry an integer as a bigint exactly when it is beyond 2^53 (oracle: BigInt), even if a double holds it (1e21 would be respelt)', () => {
    expect(checkNumber('9007199254740993')).toBe('big');
    expect(checkNumber('100000000000000000000000')).toBe('big');
    expect(checkNumber('9007199254740991')).toBeUndefined();
    fc.assert(
      fc.property(fc.stringMatching(/^-?[1-9][0-9]{0,29}$/), (digits) => {
        expect(checkNumber(digits) === 'big').toBe(!safe(digits));
      }),
      { numRuns: 2000 },
    );
  });

  it('fail exactly the lines with a duplicate key or a number that would change, whatever the fast path sees (oracle: how the line was built)', () => {
    interface Built {
      text: string;
      bad: boolean;
    }
    const numberToken = fc.constantFrom<[string, boolean]>(['1', false], ['-2.5', false], ['1e3', false], ['9007199254740993', false], ['1e400', true], ['0.1000000000000000055511151231257827', true]);
    const stringToken = fc.constantFrom('"a"', '"x\\":1"', '"\\u0041"', '"q\\":"', '"e1"').map((t): Built => ({ text: t, bad: false }));
    const built: fc.Arbitrary<Built> = fc.letrec<{ value: Built; object: Built; array: Built }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, numberToken.map(([text, bad]) => ({ text, bad })), stringToken, tie('object'), tie('array')),
      object: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '\\u0061'), tie('value')), { maxLength: 4 }).map((entries) => ({
        text: `{${entries.map(([k, v]) => `"${k}":${v.text}`).join(',')}}`,
        bad: entries.some(([, v]) => v.bad) || new Set(entries.map(([k]) => JSON.parse(`"${k}"`) as string)).size !== entries.length,
      })),
      array: fc.array(tie('value'), { maxLength: 3 }).map((items) => ({ text: `[${items.map((i) => i.text).join(',')}]`, bad: items.some((i) => i.bad) })),
    })).object;
    fc.assert(
      fc.property(built, ({ text, bad }) => {
        const parsed = parseExact(text);
        expect('fail' in parsed).toBe(bad);
      }),
      { numRuns: 1000 },
    );
  });
});
