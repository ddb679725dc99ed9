// cyrb53 (public domain): a fast 53-bit string hash; two seeds give 106 bits for long ids.
function cyrb53(value: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Derives a Segment `messageId` from a webhook's `event_id`: `api-<event_id>`, the form of the
 * documented payloads, so that a Customer.io retry (same `event_id`) is deduplicated by Segment.
 *
 * Segment caps `messageId` at 100 characters; an `event_id` longer than 96 (never seen from Customer.io)
 * becomes `api-h` plus a 106-bit hash of it instead.
 */
export function messageIdFor(eventId: string): string {
  return eventId.length <= 96 ? `api-${eventId}` : `api-h${cyrb53(eventId, 1)}${cyrb53(eventId, 2)}`;
}
