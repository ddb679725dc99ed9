import { buildTrackCall, setDataProperty, trackEventOf } from './buildTrackCall';
import { checkTrackOptions } from './checkTrackOptions';
import { checkField } from '../validation/checkField';
import { catalogEntryOf, checkWebhookEnvelope, failure, filledObjectType, notAWebhook, reportMissingIdentity, validWebhookOf } from '../validation/checkWebhookEnvelope';
import { isPlainObject } from '../json/isPlainObject';
import { IssueCollector } from '../validation/IssueCollector';
import { resolveIdentity } from '../validation/resolveIdentity';
import type { SafeParseResult } from '../validation/issue';
import type { SafeParseWebhookOptions } from '../validation/safeParseWebhook';
import type { SegmentTrack, TrackLink, UnknownSegmentTrack } from '../catalog/segmentTrack';
import type { RenamedTrack, ToSegmentTrackOptions } from './toSegmentTrack';

/** Options of {@link mapWebhook}: those of `toSegmentTrack`, and `allowUnknownEvents` of `safeParseWebhook`. */
export type MapWebhookOptions = ToSegmentTrackOptions & SafeParseWebhookOptions;

/**
 * What {@link mapWebhook} returns: the call (`null` when `enabledEvents` leaves the event out), or the
 * issues of the body.
 */
export type MapWebhookResult = SafeParseResult<RenamedTrack<SegmentTrack> | UnknownSegmentTrack | null>;

const dataPath = ['data'];

// What a valid field of each scalar type looks like; `undefined` (no field, to JSON) is not checked.
const isString = (value: unknown): boolean => typeof value === 'string' || value === undefined;
const isInteger = (value: unknown): boolean => Number.isInteger(value) || value === undefined;
const isBoolean = (value: unknown): boolean => typeof value === 'boolean' || value === undefined;
const isIntegerOrNull = (value: unknown): boolean => value === null || isInteger(value);
const isStringOrNull = (value: unknown): boolean => value === null || isString(value);
const isIntegerOrString = (value: unknown): boolean => typeof value === 'string' || isInteger(value);

/**
 * Validates a webhook body and maps it to its Segment `track` call in one walk of `data`: the result
 * of `safeParseWebhook(input, { allowUnknownEvents })` followed by `toSegmentTrack(value, options)`,
 * without walking the body twice.
 *
 * The same issues in the same order as `safeParseWebhook`, and the same call, byte for byte, as
 * `toSegmentTrack`; use the two apart when something must happen between them. Never throws for a bad
 * body; throws the `TypeError` of `toSegmentTrack` for bad `enabledEvents` or `eventNames`, whatever
 * the body (they are settings, checked once per options object).
 *
 * @param input A parsed JSON body, of any shape.
 * @param options The integration's settings and overrides, and `allowUnknownEvents`.
 * @returns `{ success: true, value }` with the call, or `null` when `enabledEvents` leaves the event out;
 *   or `{ success: false, issues }` with every problem of the body.
 * @example
 * const result = mapWebhook(JSON.parse(body));
 * if (result.success && result.value !== null) analytics.track(result.value);
 */
export function mapWebhook(input: unknown, options?: MapWebhookOptions): MapWebhookResult {
  checkTrackOptions(options);
  if (!isPlainObject(input)) return notAWebhook(input);
  const issues = new IssueCollector();
  const filled = filledObjectType(input);
  const objectType = filled ?? input.object_type;
  const entry = catalogEntryOf(objectType, input.metric);
  const data = checkWebhookEnvelope(issues, input, objectType, entry, options?.allowUnknownEvents === true);
  if (data === undefined) return failure(issues.issues!);

  const properties: Record<string, unknown> = {};
  let link: TrackLink | undefined;
  // The data fields the identity and the content rule read.
  let identifiers: unknown, customerId: unknown, emailAddress: unknown, recipient: unknown, content: unknown;
  // The one place where validation and mapping are written together rather than shared, for speed: a
  // case per catalog field (catalog/catalog.ts `fieldTypes`) that checks its type inline and stores it
  // under a literal name, which V8 turns into cheap named stores. The checks report through checkField,
  // the renamed fields follow toSegmentTrack's walk, and any other field goes to setDataProperty, as
  // there. The property tests of mapWebhook hold both to the same issues and the same calls.
  for (const key in data) {
    const value = data[key];
    switch (key) {
      case 'identifiers':
        // Left to checkField: walking identifiers here (to skip the leftover walk) or reading its members
        // inline both counted more instructions per event.
        if (value !== undefined) checkField(issues, 'identifiers', value, dataPath, key);
        identifiers = value;
        break;
      case 'customer_id':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.userId = customerId = value;
        break;
      case 'email_address':
        if (!isStringOrNull(value)) checkField(issues, 'string|null', value, dataPath, key);
        properties.email_address = emailAddress = value;
        break;
      case 'recipient':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.recipient = recipient = value;
        break;
      case 'href':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        if (link === undefined) properties.link = link = {};
        link.url = value as string;
        break;
      case 'link_id':
        if (!isInteger(value)) checkField(issues, 'integer', value, dataPath, key);
        if (link === undefined) properties.link = link = {};
        link.id = value as number;
        break;
      case 'content':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        content = value;
        break;
      case 'delivery_id':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.delivery_id = value;
        break;
      case 'action_id':
        if (!isIntegerOrString(value)) checkField(issues, 'integer|string', value, dataPath, key);
        properties.action_id = value;
        break;
      case 'campaign_id':
        if (!isIntegerOrNull(value)) checkField(issues, 'integer|null', value, dataPath, key);
        properties.campaign_id = value;
        break;
      case 'broadcast_id':
        if (!isIntegerOrNull(value)) checkField(issues, 'integer|null', value, dataPath, key);
        properties.broadcast_id = value;
        break;
      case 'newsletter_id':
        if (!isIntegerOrNull(value)) checkField(issues, 'integer|null', value, dataPath, key);
        properties.newsletter_id = value;
        break;
      case 'content_id':
        if (!isInteger(value)) checkField(issues, 'integer', value, dataPath, key);
        properties.content_id = value;
        break;
      case 'trigger_id':
        if (!isInteger(value)) checkField(issues, 'integer', value, dataPath, key);
        properties.trigger_id = value;
        break;
      case 'parent_action_id':
        if (!isInteger(value)) checkField(issues, 'integer', value, dataPath, key);
        properties.parent_action_id = value;
        break;
      case 'journey_id':
        if (!isIntegerOrString(value)) checkField(issues, 'integer|string', value, dataPath, key);
        properties.journey_id = value;
        break;
      case 'trigger_event_id':
        if (!isStringOrNull(value)) checkField(issues, 'string|null', value, dataPath, key);
        properties.trigger_event_id = value;
        break;
      case 'transactional_message_id':
        if (!isIntegerOrString(value)) checkField(issues, 'integer|string', value, dataPath, key);
        properties.transactional_message_id = value;
        break;
      case 'recipients':
        if (value !== undefined) checkField(issues, 'recipients', value, dataPath, key);
        properties.recipients = value;
        break;
      case 'subject':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.subject = value;
        break;
      case 'headers':
        if (value !== undefined) checkField(issues, 'headers', value, dataPath, key);
        properties.headers = value;
        break;
      case 'proxied':
        if (!isBoolean(value)) checkField(issues, 'boolean', value, dataPath, key);
        properties.proxied = value;
        break;
      case 'prefetched':
        if (!isBoolean(value)) checkField(issues, 'boolean', value, dataPath, key);
        properties.prefetched = value;
        break;
      case 'synthetic':
        if (!isBoolean(value)) checkField(issues, 'boolean', value, dataPath, key);
        properties.synthetic = value;
        break;
      case 'machine':
        if (!isBoolean(value)) checkField(issues, 'boolean', value, dataPath, key);
        properties.machine = value;
        break;
      case 'failure_message':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.failure_message = value;
        break;
      case 'tracked_response':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.tracked_response = value;
        break;
      case 'inbound_event_id':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.inbound_event_id = value;
        break;
      case 'to':
        if (!isString(value)) checkField(issues, 'string', value, dataPath, key);
        properties.to = value;
        break;
      default:
        setDataProperty(properties, key, value);
    }
  }
  const identity = resolveIdentity(objectType, identifiers, customerId, emailAddress, recipient);
  if (identity.userId === '' && identity.email === undefined && identity.cioId === undefined) reportMissingIdentity(issues);
  if (issues.issues !== undefined) return failure(issues.issues);

  const webhook = validWebhookOf(input, filled);
  const event = entry ?? trackEventOf(webhook.object_type, webhook.metric);
  if (options?.enabledEvents !== undefined && !options.enabledEvents.includes(event.event)) return { success: true, value: null };
  const call = buildTrackCall(webhook, event, properties, identity, identifiers, content, options);
  return { success: true, value: call as unknown as RenamedTrack<SegmentTrack> | UnknownSegmentTrack };
}
