/**
 * The shape an email address must have to be used as `context.traits.email` or an `anonymousId`:
 * one `@`, no white space, `/` or `:` (so no URL, phone number or Slack channel passes), and a dot in
 * the domain. Deliberately loose beyond that: Customer.io has already validated the address. The JSON
 * Schemas use this pattern; {@link isEmailAddress} is the same test with the length limit.
 */
export const emailPattern = '^[^\\s@/:]+@[^\\s@/:]+\\.[^\\s@/:.]+$';

/**
 * The shape of an email `recipient` that lists addresses, for a string with a comma in it: one of the
 * comma-separated parts, trimmed, has the shape of {@link emailPattern} (the JSON Schemas' form of the
 * identity rule; the 254-code-point limit of each part is the validator's alone).
 */
export const recipientListPattern = '^(?:[^,]*,)*\\s*[^\\s@/:,]+@[^\\s@/:,]+\\.[^\\s@/:.,]+\\s*(?:,[\\s\\S]*)?$';

// The pattern compiled once. Without the `u` flag it reads UTF-16 units, and gives the same answers:
// no surrogate is white space, `@`, `/`, `:` or `.`.
const email = /* @__PURE__ */ new RegExp(emailPattern);

/**
 * Tells whether a value is a string shaped like an email address ({@link emailPattern}, at most 254
 * code points, as RFC 5321 allows and JSON Schema's `maxLength` counts).
 *
 * The pattern itself, anchored at both ends, so one pass of the regular expression engine settles it:
 * counted with callgrind over the benchmark's addresses, it costs 1,040 instructions per address, against
 * 1,200 for `indexOf` calls plus a one-class expression and 1,460 for a loop over char codes (each
 * `charCodeAt` dispatches on the string's representation). It runs for every webhook. A property test
 * checks that it always agrees with the pattern, another with the earlier implementation.
 */
export function isEmailAddress(value: unknown): value is string {
  // 254 code points, as JSON Schema's maxLength counts them: up to 508 UTF-16 units.
  if (typeof value !== 'string' || value.length > 508) return false;
  if (value.length > 254 && [...value].length > 254) return false;
  return email.test(value);
}
