/**
 * The shape an email address must have to be used as `context.traits.email` or an `anonymousId`:
 * one `@`, no white space, `/` or `:` (so no URL, phone number or Slack channel passes), and a dot in
 * the domain. Deliberately loose beyond that: Customer.io has already validated the address.
 */
export const emailPattern = '^[^\\s@/:]+@[^\\s@/:]+\\.[^\\s@/:.]+$';

const emailRegExp = new RegExp(emailPattern, 'u');

/** Tells whether a value is a string shaped like an email address (at most 254 characters, RFC 5321). */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && emailRegExp.test(value);
}
