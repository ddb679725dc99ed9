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
