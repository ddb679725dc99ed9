/**
 * Reads an HTTP `Retry-After` header as a delay in milliseconds.
 *
 * Internal to the sender. The header is either delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, RFC 9110 §10.2.3); a date in the past is no delay. Anything else
 * (missing, negative, garbage) is `undefined`, so that the caller falls back to its own backoff.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (typeof header !== 'string') return undefined;
  const text = header.trim();
  if (text === '') return undefined;
  if (/^[0-9]+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // Only dates that name a weekday or month are taken as dates: `Date.parse` accepts far too much.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
