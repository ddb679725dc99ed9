import { contentRuleOf, findCatalogEntry, type ContentRule } from '../catalog/catalogEntries';
import { eventNameFor } from '../catalog/eventNameFor';
import { commonProperties } from '../catalog/commonProperties';
import { integrationName, integrationVersion, sourceLibraryName, sourceLibraryVersion } from '../catalog/integration';
import { renamedFields } from '../catalog/renamedFields';
import { formatUnixSeconds } from './formatUnixSeconds';
import { isPlainObject } from '../json/isPlainObject';
import { messageIdFor } from './messageIdFor';
import type { Identity } from '../validation/resolveIdentity';
import { setProperty } from '../json/setProperty';
import type { AnyWebhook } from '../catalog/reportingWebhook';
import type { ToSegmentTrackOptions } from './toSegmentTrackOptions';

/** The default event name of a webhook and how its `data.content` reaches the call. */
export interface TrackEvent {
  readonly event: string;
  readonly content: ContentRule | undefined;
}

/** The catalog entry of an `object_type` and `metric`, or the naming rule's event for a pair outside it. */
export function trackEventOf(objectType: string, metric: string): TrackEvent {
  return findCatalogEntry(objectType, metric) ?? { event: eventNameFor(objectType, metric), content: contentRuleOf(metric) };
}

// The names of the common properties that no data field of the same name fills: `userId`, `cio_id`,
// `link`, `content_dropped` (catalog/commonProperties.ts without catalog/renamedFields.ts).
const reservedNames = /* @__PURE__ */ Object.keys(commonProperties).filter((name) => !(renamedFields as readonly string[]).includes(name));

// `data_…_data_<reserved>` → one more `data_`; any other name is kept. The map is one to one, so no
// two data fields share a property, and dropping one `data_` gives the field's name back.
function dataFieldName(key: string): string {
  let rest = key;
  while (rest.startsWith('data_')) rest = rest.slice(5);
  return reservedNames.includes(rest) ? `data_${key}` : key;
}

/**
 * Puts a `data` field that the mapping carries through under its own name into `properties`: a field
 * named like a property the mapping writes itself (`userId`, `cio_id`, `link`, `content_dropped`), also
 * behind `data_` prefixes, takes one more `data_`, so that no two fields ever land on one name; a
 * `__proto__` key stays an own property.
 */
export function setDataProperty(properties: Record<string, unknown>, key: string, value: unknown): void {
  if (key === 'userId' || key === 'cio_id' || key === 'link' || key === 'content_dropped') properties[`data_${key}`] = value;
  else setProperty(properties, key.startsWith('data_') ? dataFieldName(key) : key, value);
}

/**
 * Finishes a track call once the `data` fields are in `properties`: the `cio_id`, the leftover
 * identifiers, the content rule, then the call itself.
 *
 * The one end of both `toSegmentTrack` and `mapWebhook`, which differ only in how they walk `data`.
 *
 * @param webhook The validated webhook (for `event_id`, `timestamp` and the `messageId` option).
 * @param identifiers `data.identifiers` as it came.
 * @param content `data.content` as it came.
 */
export function buildTrackCall(
  webhook: AnyWebhook,
  event: TrackEvent,
  properties: Record<string, unknown>,
  identity: Identity,
  identifiers: unknown,
  content: unknown,
  options: ToSegmentTrackOptions | undefined,
): Record<string, unknown> {
  if (identity.cioId !== undefined) properties.cio_id = identity.cioId;
  if (isPlainObject(identifiers)) {
    const leftover = leftoverIdentifiers(identifiers, identity.email);
    if (leftover !== undefined) properties.identifiers = leftover;
  }
  const contentRule = event.content;
  if (contentRule === 'always' || (contentRule === 'bodyContent' && options?.bodyContent === true)) {
    if (typeof content === 'string') properties.content = content;
  } else properties.content = null;

  const defaultName = event.event;
  const eventNames = options?.eventNames;
  const call: Record<string, unknown> = {
    type: 'track',
    event: eventNames !== undefined && Object.hasOwn(eventNames, defaultName) ? eventNames[defaultName] : defaultName,
    userId: identity.userId,
    messageId: options?.messageId === undefined ? messageIdFor(webhook.event_id) : options.messageId(webhook),
    timestamp: formatUnixSeconds(webhook.timestamp),
    // Fresh objects per call (a caller may change one call's context), of the same shape every time.
    context:
      identity.email === undefined
        ? { integration: { name: integrationName, version: integrationVersion }, library: { name: sourceLibraryName, version: sourceLibraryVersion } }
        : {
            integration: { name: integrationName, version: integrationVersion },
            library: { name: sourceLibraryName, version: sourceLibraryVersion },
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
