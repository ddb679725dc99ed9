import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumber, parseExact, stringifyExact } from '../../src/cli/exactJson';

// Whether a decimal integer survives Number(): the oracle is BigInt, which is exact.
const survives = (digits: string): boolean => BigInt(Number(digits).toLocaleString('fullwide', { useGrouping: false })) === BigInt(digits);

describe('parseExact and stringifyExact', () => {
  it('give JSON.parse and JSON.stringify results for any JSON text those keep exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const parsed = parseExact(text);
        expect(parsed).toStrictEqual({ value: JSON.parse(text), bigints: false });
        if ('value' in parsed) expect(stringifyExact(parsed.value, parsed.bigints)).toBe(text);
      }),
      { numRuns: 300 },
    );
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
    for (const exact of ['1e21', '1.5E3', '0.1', '-0', '0.000001', '123456789012345', '5e-324', '1.7976931348623157e308', '100000000000000000000']) {
      expect(checkNumber(exact), exact).toBeUndefined();
    }
  });

  it('call an integer big exactly when Number() would change it (oracle: BigInt)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[1-9][0-9]{0,29}$/), (digits) => {
        expect(checkNumber(digits) === 'big').toBe(!survives(digits));
      }),
      { numRuns: 2000 },
    );
  });
});
