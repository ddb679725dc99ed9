/**
 * The shape an email address must have to be used as `context.traits.email` or an `anonymousId`:
 * one `@`, no white space, `/` or `:` (so no URL, phone number or Slack channel passes), and a dot in
 * the domain. Deliberately loose beyond that: Customer.io has already validated the address. The JSON
 * Schemas use this pattern; {@link isEmailAddress} is the same test, written out for speed.
 */
export const emailPattern = '^[^\\s@/:]+@[^\\s@/:]+\\.[^\\s@/:.]+$';

/**
 * The shape of an email `recipient` that lists addresses, for a string with a comma in it: one of the
 * comma-separated parts, trimmed, has the shape of {@link emailPattern} (the JSON Schemas' form of the
 * identity rule; the 254-code-point limit of each part is the validator's alone).
 */
export const recipientListPattern = '^(?:[^,]*,)*\\s*[^\\s@/:,]+@[^\\s@/:,]+\\.[^\\s@/:.,]+\\s*(?:,[\\s\\S]*)?$';

// The characters the pattern excludes everywhere (`@` is counted apart).
const excluded = /[\s/:]/;

/**
 * Tells whether a value is a string shaped like an email address ({@link emailPattern}, at most 254
 * code points, as RFC 5321 allows and JSON Schema's `maxLength` counts).
 *
 * Written with `indexOf` and a one-class regular expression rather than with the pattern, whose
 * backtracking over the domain's dots makes it slower, or a loop over char codes, which was slower
 * still: it runs for every webhook. A property test checks that it always agrees with the pattern.
 */
export function isEmailAddress(value: unknown): value is string {
  // 254 code points, as JSON Schema's maxLength counts them: up to 508 UTF-16 units.
  if (typeof value !== 'string' || value.length > 508) return false;
  if (value.length > 254 && [...value].length > 254) return false;
  // local@domain.tld: one `@` after a non-empty local part; the last dot after a non-empty domain
  // and before a non-empty tld.
  const at = value.indexOf('@');
  if (at < 1 || value.indexOf('@', at + 1) !== -1) return false;
  const lastDot = value.lastIndexOf('.');
  return lastDot > at + 1 && lastDot < value.length - 1 && !excluded.test(value);
}
