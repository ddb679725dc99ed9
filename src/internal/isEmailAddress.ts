/**
 * The shape an email address must have to be used as `context.traits.email` or an `anonymousId`:
 * one `@`, no white space, `/` or `:` (so no URL, phone number or Slack channel passes), and a dot in
 * the domain. Deliberately loose beyond that: Customer.io has already validated the address. The JSON
 * Schemas use this pattern; {@link isEmailAddress} is the same test, written out for speed.
 */
export const emailPattern = '^[^\\s@/:]+@[^\\s@/:]+\\.[^\\s@/:.]+$';

// The characters of JavaScript's `\s`, which the pattern excludes.
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Tells whether a value is a string shaped like an email address ({@link emailPattern}, at most 254
 * code points, as RFC 5321 allows and JSON Schema's `maxLength` counts).
 *
 * A hand-written scan rather than the regular expression: it runs for every webhook, and the scan is
 * several times faster; a property test checks that the two always agree.
 */
export function isEmailAddress(value: unknown): value is string {
  // 254 code points, as JSON Schema's maxLength counts them: up to 508 UTF-16 units.
  if (typeof value !== 'string' || value.length > 508) return false;
  if (value.length > 254 && [...value].length > 254) return false;
  let at = -1;
  let lastDot = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Letters and most symbols first: nothing between `@` (64) and U+00A0 is excluded.
    if (c > 64) {
      if (c >= 0xa0 && isSpace(c)) return false;
    } else if (c === 64 /* @ */) {
      if (at !== -1) return false;
      at = i;
    } else if (c === 47 /* / */ || c === 58 /* : */ || (c <= 32 && isSpace(c))) return false;
    else if (c === 46 /* . */ && at !== -1) lastDot = i;
  }
  // local@domain.tld: a non-empty local part, a non-empty domain before the last dot, a non-empty tld.
  return at > 0 && lastDot > at + 1 && lastDot < value.length - 1;
}
