import fc from 'fast-check';
import { expect, test } from 'vitest';
import { emailPattern, isEmailAddress } from '../../src/validation/isEmailAddress';

const pattern = new RegExp(emailPattern, 'u');
const oracle = (value: string) => [...value].length <= 254 && pattern.test(value);

test('isEmailAddress agrees with emailPattern (the JSON Schemas use the pattern)', () => {
  const pieces = fc.constantFrom('a', 'B', '7', '.', '@', '/', ':', ' ', '\u00a0', '\u2003', '\ufeff', '\n', '-', '+', 'é', '😀', '#');
  const shaped = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(shaped, fc.string({ unit: 'binary', maxLength: 30 }), fc.emailAddress()), (value) => {
      expect(isEmailAddress(value)).toBe(oracle(value));
    }),
    { numRuns: 20_000 },
  );
  for (const value of ['a@b.co', 'a@b.c.d', 'cool.person@example.com', '#a@a.aa']) expect(isEmailAddress(value)).toBe(true);
  for (const value of ['a@b', 'a@.co', '@b.co', 'a@b.', 'a@@b.co', '+15555555555', '#general', 'https://a@b.co/x', 'a b@c.de', `${'a'.repeat(250)}@b.co`]) {
    expect(isEmailAddress(value)).toBe(false);
  }
  expect(isEmailAddress(42)).toBe(false);
  // Length counts code points, as JSON Schema's maxLength does: 137 code points, 262 UTF-16 units.
  expect(isEmailAddress(`${'😀'.repeat(125)}@example.com`)).toBe(true);
  expect(isEmailAddress(`${'😀'.repeat(243)}@example.com`)).toBe(false);
});

// The implementation before the pattern was used directly (indexOf calls and a one-class expression),
// kept as a second oracle.
const excluded = /[\s/:]/;
function previousIsEmailAddress(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 508) return false;
  if (value.length > 254 && [...value].length > 254) return false;
  const at = value.indexOf('@');
  if (at < 1 || value.indexOf('@', at + 1) !== -1) return false;
  const lastDot = value.lastIndexOf('.');
  return lastDot > at + 1 && lastDot < value.length - 1 && !excluded.test(value);
}

test('isEmailAddress gives the answers of the previous implementation, near misses and length limits included', () => {
  // Every character `\s` matches, control characters it does not, the excluded `/` and `:`, and
  // multibyte characters, around the places an address can fail.
  const spaces = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x85, 0x180e];
  const odd = fc.constantFrom(...spaces.map((code) => String.fromCharCode(code)), '\u0000', '\u001f', '/', ':', '@', '.', '..', 'é', '😀', '\ud800', '\udc00');
  const word = fc.stringMatching(/^[a-z0-9+_-]{1,8}$/);
  const nearMiss = fc
    .tuple(fc.array(fc.oneof(word, odd), { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(word, odd, fc.constant('.')), { maxLength: 6 }))
    .map(([local, domain]) => `${local.join('')}@${domain.join('')}`);
  // Around 254 code points and 508 UTF-16 units.
  const long = fc
    .tuple(fc.integer({ min: 240, max: 260 }), fc.constantFrom('a', 'é', '😀'), fc.constantFrom('@b.co', '@b.c', '@b', 'b.co'))
    .map(([count, unit, tail]) => `${unit.repeat(Math.max(0, count - tail.length))}${tail}`);
  fc.assert(
    fc.property(fc.oneof(nearMiss, long, fc.emailAddress(), fc.string({ unit: 'binary', maxLength: 40 }), fc.anything()), (value) => {
      expect(isEmailAddress(value)).toBe(previousIsEmailAddress(value));
    }),
    { numRuns: 20_000 },
  );
});
