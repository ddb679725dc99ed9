// The floor of validate + map: what any mapper must do to a parsed webhook of the benchmark corpus,
// with none of the library's checks. It builds the same call object `toSegmentTrack` builds for the
// corpus (same keys, same order, same values) and formats the timestamp with the library's formatter,
// and nothing else: no type checks, no email check, no `__proto__` guard, no options. It is honest only
// on the corpus, which `assertFloorMatches` checks at the start of every benchmark run.
import { catalogEntries } from '../src/catalog/catalogEntries';
import { formatUnixSeconds } from '../src/mapping/formatUnixSeconds';
import { safeParseWebhook } from '../src/validation/safeParseWebhook';
import { toSegmentTrack } from '../src/mapping/toSegmentTrack';
import type { SegmentTrack } from '../src/catalog/segmentTrack';

const eventNames: Record<string, Record<string, string>> = Object.create(null);
for (const entry of catalogEntries) {
  (eventNames[entry.objectType] ??= Object.create(null))[entry.metric] = entry.event;
}

/** The corpus' webhook mapped with no checks (it trusts its input, as no real mapper may): the same JSON as `toSegmentTrack` on every corpus body. */
export function floorTrack(webhook: any): Record<string, unknown> {
  const data = webhook.data;
  const properties: Record<string, unknown> = {};
  let identifiers: any;
  let customerId: any;
  let emailAddress: any;
  let recipient: any;
  let link: { url?: string; id?: number } | undefined;
  let content: any;
  for (const key in data) {
    const value = data[key];
    switch (key) {
      case 'identifiers':
        identifiers = value;
        break;
      case 'customer_id':
        properties.userId = customerId = value;
        break;
      case 'email_address':
        properties.email_address = emailAddress = value;
        break;
      case 'recipient':
        properties.recipient = recipient = value;
        break;
      case 'href':
        if (link === undefined) properties.link = link = {};
        link.url = value;
        break;
      case 'link_id':
        if (link === undefined) properties.link = link = {};
        link.id = value;
        break;
      case 'content':
        content = value;
        break;
      default:
        properties[key] = value;
    }
  }
  const userId: string = identifiers?.id || customerId || '';
  const email: string | undefined =
    identifiers?.email || emailAddress || (webhook.object_type === 'email' && typeof recipient === 'string' && recipient.includes('@') ? recipient : undefined);
  const cioId: string | undefined = identifiers?.cio_id || undefined;
  if (cioId !== undefined) properties.cio_id = cioId;
  // A preference change keeps its content (the topics); any other event sends null without Body Content.
  properties.content = webhook.metric === 'cio_subscription_preferences_changed' && typeof content === 'string' ? content : null;
  const call: Record<string, unknown> = {
    type: 'track',
    event: eventNames[webhook.object_type]![webhook.metric],
    userId,
    messageId: `api-${webhook.event_id}`,
    timestamp: formatUnixSeconds(webhook.timestamp),
    context:
      email === undefined
        ? { integration: { name: 'customer.io', version: '2.0.0' }, library: { name: 'unknown', version: 'unknown' } }
        : { integration: { name: 'customer.io', version: '2.0.0' }, library: { name: 'unknown', version: 'unknown' }, traits: { email } },
    integrations: { 'Customer.io': false },
    properties,
  };
  if (userId === '') call.anonymousId = email ?? cioId;
  return call;
}

/** What the library makes of a corpus body: `safeParseWebhook`, then `toSegmentTrack`. */
export function libraryTrack(body: string): SegmentTrack {
  const parsed = safeParseWebhook(JSON.parse(body));
  if (!parsed.success) throw new Error('the corpus holds an invalid webhook');
  return toSegmentTrack(parsed.value);
}

/**
 * Fails unless the floor gives, for every body, the same JSON as the library (so that the floor does
 * the same work, not less): a test run at the start of the benchmark.
 */
export function assertFloorMatches(bodies: readonly string[]): void {
  for (const body of bodies) {
    const expected = JSON.stringify(libraryTrack(body));
    const actual = JSON.stringify(floorTrack(JSON.parse(body)));
    if (actual !== expected) throw new Error(`the floor differs from the library on ${body}:\n${actual}\n${expected}`);
  }
}
