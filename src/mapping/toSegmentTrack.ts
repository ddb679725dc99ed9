import { buildTrackCall, setDataProperty, trackEventOf } from './buildTrackCall';
import { checkTrackOptions } from './checkTrackOptions';
import { isPlainObject } from '../json/isPlainObject';
import { setProperty } from '../json/setProperty';
import { resolveIdentity } from '../validation/resolveIdentity';
import type { TrackFor, TrackLink } from '../catalog/segmentTrack';
import type { AnyWebhook } from '../catalog/reportingWebhook';
import type { ToSegmentTrackOptions } from './toSegmentTrackOptions';

export type { ToSegmentTrackOptions };


/** A call whose `event` an `eventNames` option may have renamed. */
export type RenamedTrack<TTrack> = TTrack extends unknown ? Omit<TTrack, 'event'> & { event: string } : never;

type Fixed = { readonly enabledEvents?: undefined; readonly eventNames?: undefined };

/**
 * Maps a validated Customer.io reporting webhook to the Segment `track` call that Customer.io's
 * Segment source sends for it.
 *
 * Pure: reads no clock and no randomness, and never mutates `webhook`. Every `data` field ends up in
 * the call: renamed where `docs/mapping.md` says so, carried through under its own name otherwise.
 *
 * @param webhook A webhook that passed {@link safeParseWebhook}.
 * @throws {TypeError} When `webhook` is not a validated webhook (no string `object_type`, `metric` or
 *   `event_id`, numeric `timestamp` or `data` object): validate untrusted input first.
 * @param options The integration's settings and overrides.
 * @returns The call, or `null` when `enabledEvents` leaves this event out. The return type follows the
 *   input type (`EmailOpenedWebhook` gives `EmailOpenedTrack`), includes `null` only when `enabledEvents`
 *   may be set, and has `event: string` only when `eventNames` may rename it.
 * @example
 * const parsed = safeParseWebhook(JSON.parse(body));
 * if (parsed.success) analytics.track(toSegmentTrack(parsed.value));
 */
export function toSegmentTrack<TWebhook extends AnyWebhook>(
  webhook: TWebhook,
  options?: ToSegmentTrackOptions & Fixed,
): TrackFor<TWebhook>;
export function toSegmentTrack<TWebhook extends AnyWebhook>(
  webhook: TWebhook,
  options: ToSegmentTrackOptions & { readonly eventNames?: undefined },
): TrackFor<TWebhook> | null;
export function toSegmentTrack<TWebhook extends AnyWebhook>(
  webhook: TWebhook,
  options: ToSegmentTrackOptions & { readonly enabledEvents?: undefined },
): RenamedTrack<TrackFor<TWebhook>>;
export function toSegmentTrack<TWebhook extends AnyWebhook>(
  webhook: TWebhook,
  options: ToSegmentTrackOptions,
): RenamedTrack<TrackFor<TWebhook>> | null;
export function toSegmentTrack(webhook: AnyWebhook, options?: ToSegmentTrackOptions): unknown {
  if (!looksLikeWebhook(webhook)) {
    throw new TypeError('toSegmentTrack expects a webhook that passed safeParseWebhook: validate the body first (safeParseWebhook or parseWebhook)');
  }
  checkTrackOptions(options);
  const { object_type: objectType, metric, data } = webhook;
  const event = trackEventOf(objectType, metric);
  if (options?.enabledEvents !== undefined && !options.enabledEvents.includes(event.event)) return null;

  const properties: Record<string, unknown> = {};
  let link: TrackLink | undefined;
  let identifiers: unknown;
  let customerId: unknown;
  let emailAddress: unknown;
  let recipient: unknown;
  let content: unknown;
  // One pass over `data`: the fields the identity needs are picked up here rather than read by name,
  // which for absent fields is a slow miss through the prototype chain. One case per renamed field of
  // the catalog (catalog/renamedFields.ts).
  for (const key in data) {
    const value = data[key];
    switch (key) {
      case 'identifiers':
        identifiers = value;
        if (!isPlainObject(value) && value !== undefined) setProperty(properties, 'identifiers', value);
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
        link.url = value as string;
        break;
      case 'link_id':
        if (link === undefined) properties.link = link = {};
        link.id = value as number;
        break;
      case 'content':
        content = value;
        break;
      default:
        setDataProperty(properties, key, value);
    }
  }
  const identity = resolveIdentity(objectType, identifiers, customerId, emailAddress, recipient);
  return buildTrackCall(webhook, event, properties, identity, identifiers, content, options);
}

// What the mapping reads without checking again; anything else is not a validated webhook.
function looksLikeWebhook(value: unknown): value is AnyWebhook {
  if (typeof value !== 'object' || value === null) return false;
  const { object_type: objectType, metric, data, event_id: eventId, timestamp } = value as Record<string, unknown>;
  return typeof objectType === 'string' && typeof metric === 'string' && typeof eventId === 'string' && typeof timestamp === 'number' && isPlainObject(data);
}
