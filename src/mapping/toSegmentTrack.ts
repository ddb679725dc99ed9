import { carriesContent, findCatalogEntry } from '../catalog/catalogEntries';
import { checkTrackOptions } from './checkTrackOptions';
import { eventNameFor } from '../catalog/eventNameFor';
import { formatUnixSeconds } from './formatUnixSeconds';
import { isPlainObject } from '../json/isPlainObject';
import { messageIdFor } from './messageIdFor';
import { resolveIdentity } from '../validation/resolveIdentity';
import { setProperty } from '../json/setProperty';
import type { SegmentEventName } from '../catalog/types';
import type { TrackFor, TrackLink } from '../catalog/segmentTrack';
import type { AnyWebhook } from '../catalog/reportingWebhook';

/** Options of {@link toSegmentTrack}: the settings of Customer.io's hosted integration, and overrides. */
export interface ToSegmentTrackOptions {
  /**
   * The events to send, by their default name; any other event maps to `null`. Omitted: every event
   * is sent (the integration's event checkboxes).
   */
  readonly enabledEvents?: readonly (SegmentEventName | (string & {}))[] | undefined;
  /**
   * Body Content: put the message body (`data.content`) in `properties.content` of "Sent" events and
   * of preference changes. Off (the default): `content` is `null` on every event.
   */
  readonly bodyContent?: boolean | undefined;
  /**
   * Send the events back to Customer.io destinations in Segment: `integrations["Customer.io"]` becomes
   * `true`. Off by default, as in the integration.
   */
  readonly sendBackToCustomerIo?: boolean | undefined;
  /** Put this write key on every call (for `/v1/track` or `/v1/batch` bodies authenticated in the body). */
  readonly writeKey?: string | undefined;
  /** Rename events: default name → the name to send. Names not listed keep their default. */
  readonly eventNames?: { readonly [defaultName: string]: string } | undefined;
  /** Make the `messageId` yourself; by default it is `api-<event_id>` (see `docs/mapping.md`). */
  readonly messageId?: ((webhook: AnyWebhook) => string) | undefined;
}

/** A call whose `event` an `eventNames` option may have renamed. */
export type RenamedTrack<TTrack> = TTrack extends unknown ? Omit<TTrack, 'event'> & { event: string } : never;

type Fixed = { readonly enabledEvents?: undefined; readonly eventNames?: undefined };

/**
 * Maps a validated Customer.io reporting webhook to the Segment `track` call that Customer.io's
 * Segment source (2.0.0) sends for it.
 *
 * Pure: reads no clock and no randomness, and never mutates `webhook`. Every `data` field ends up in
 * the call: renamed where `docs/mapping.md` says so, carried through under its own name otherwise.
 *
 * @param webhook A webhook that passed {@link safeParseWebhook}.
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
  checkTrackOptions(options);
  const { object_type: objectType, metric, data } = webhook;
  const entry = findCatalogEntry(objectType, metric);
  const defaultName = entry === undefined ? eventNameFor(objectType, metric) : entry.event;
  if (options?.enabledEvents !== undefined && !options.enabledEvents.includes(defaultName)) return null;
  const withContent = entry === undefined ? carriesContent(metric) : entry.carriesContent;

  const properties: Record<string, unknown> = {};
  let link: TrackLink | undefined;
  let identifiers: unknown;
  let customerId: unknown;
  let emailAddress: unknown;
  let recipient: unknown;
  let content: unknown;
  // One pass over `data`: the fields the identity needs are picked up here rather than read by name,
  // which for absent fields is a slow miss through the prototype chain.
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
      // Names the mapping writes itself: an unknown field of the same name is kept under `data_<name>`.
      case 'userId':
      case 'cio_id':
      case 'link':
        properties[`data_${key}`] = value;
        break;
      default:
        setProperty(properties, key, value);
    }
  }
  const identity = resolveIdentity(objectType, identifiers, customerId, emailAddress, recipient);
  if (identity.cioId !== undefined) properties.cio_id = identity.cioId;
  if (isPlainObject(identifiers)) {
    const leftover = leftoverIdentifiers(identifiers, identity.email);
    if (leftover !== undefined) properties.identifiers = leftover;
  }
  if (!(withContent && options?.bodyContent === true)) properties.content = null;
  else if (typeof content === 'string') properties.content = content;

  const eventNames = options?.eventNames;
  const call: Record<string, unknown> = {
    type: 'track',
    event: eventNames !== undefined && Object.hasOwn(eventNames, defaultName) ? eventNames[defaultName] : defaultName,
    userId: identity.userId,
    messageId: options?.messageId === undefined ? messageIdFor(webhook.event_id) : options.messageId(webhook),
    timestamp: formatUnixSeconds(webhook.timestamp),
    context:
      identity.email === undefined
        ? { integration: { name: 'customer.io', version: '2.0.0' }, library: { name: 'unknown', version: 'unknown' } }
        : {
            integration: { name: 'customer.io', version: '2.0.0' },
            library: { name: 'unknown', version: 'unknown' },
            traits: { email: identity.email },
          },
    integrations: { 'Customer.io': options?.sendBackToCustomerIo === true },
    properties,
  };
  if (identity.userId === '') call.anonymousId = identity.email ?? identity.cioId;
  if (options?.writeKey !== undefined) call.writeKey = options.writeKey;
  return call;
}

// `id` became the userId and an email-shaped `email` the email trait; whatever else is in
// `identifiers` (cio_id aside) is handed back so that nothing is lost.
function leftoverIdentifiers(identifiers: Record<string, unknown>, email: string | undefined): Record<string, unknown> | undefined {
  let rest: Record<string, unknown> | undefined;
  for (const key in identifiers) {
    const value = identifiers[key];
    if (key === 'id' && (value === null || (typeof value === 'string' && value !== ''))) continue;
    if (key === 'email' && (value === null || (value === email && email !== undefined))) continue;
    if (key === 'cio_id' && typeof value === 'string' && value !== '') continue;
    setProperty((rest ??= {}), key, value);
  }
  return rest;
}
