import { fieldTypes } from '../catalog/catalog';
import { findCatalogEntry, isKnownObjectType } from '../catalog/catalogEntries';
import { describeValue } from '../json/describeValue';
import { isPlainObject } from '../json/isPlainObject';
import { namesPerson } from './resolveIdentity';
import type { AnyWebhook, ReportingWebhook } from '../catalog/reportingWebhook';
import { checkField } from './checkField';
import type { Issue, SafeParseResult } from './issue';
import { IssueCollector } from './IssueCollector';

/** Options of {@link safeParseWebhook}. */
export interface SafeParseWebhookOptions {
  /**
   * Accept an `object_type`/`metric` pair outside the catalog (lowercase words joined by `_`, at most
   * 64 characters each) instead of reporting `unknown_event`. Its event name follows the naming rule.
   */
  allowUnknownEvents?: boolean;
}

/** Lowercase words joined by `_`: what an unknown `object_type` or `metric` must look like to be accepted. */
export const unknownNamePattern = '^[a-z][a-z0-9_]{0,63}$';
const unknownName = /* @__PURE__ */ new RegExp(unknownNamePattern);

/** Timestamps at or above this are not plausible unix seconds (year 5138) but are milliseconds since 1973. */
export const maxTimestampSeconds = 1e11;

// Field name → type, without a prototype: `data` is walked once with for-in and each own key looked up
// here, because reading the catalog's field names off `data` one by one misses (through the prototype
// chain) for every absent field and dominated the cost of validation.
const fieldTypeOf: Record<string, string> = /* @__PURE__ */ Object.assign(Object.create(null) as object, fieldTypes);

function timestampProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `must be unix seconds, received ${describeValue(value)}`;
    if (!Number.isInteger(value)) return `must be whole unix seconds, received ${value}`;
    if (value < 0) return `must be unix seconds after 1970, received ${value}`;
    if (value >= maxTimestampSeconds) {
      return `received ${value}, which looks like milliseconds (or finer); Customer.io sends unix seconds: divide by 1000`;
    }
    return undefined;
  }
  if (typeof value === 'string') {
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
      return `received the numeric string "${value.slice(0, 40)}"; Customer.io sends unix seconds as a JSON number`;
    }
    if (value.length <= 64 && !Number.isNaN(Date.parse(value))) {
      return `received the date string "${value}"; Customer.io sends unix seconds as a JSON number, not ISO 8601`;
    }
    return `must be unix seconds as a JSON number, received a string`;
  }
  return `must be unix seconds as a JSON number, received ${describeValue(value)}`;
}

const dataPath = ['data'];

// Checks every catalog field of `data`; returns whether the webhook names a person.
function checkData(issues: IssueCollector, objectType: unknown, data: Record<string, unknown>): boolean {
  let identifiers: unknown;
  let customerId: unknown;
  let emailAddress: unknown;
  let recipient: unknown;
  for (const name in data) {
    const type = fieldTypeOf[name];
    if (type === undefined) continue;
    const value = data[name];
    if (value === undefined) continue;
    checkField(issues, type, value, dataPath, name);
    if (name === 'identifiers') identifiers = value;
    else if (name === 'customer_id') customerId = value;
    else if (name === 'email_address') emailAddress = value;
    else if (name === 'recipient') recipient = value;
  }
  return namesPerson(objectType, identifiers, customerId, emailAddress, recipient);
}

/**
 * Validates an unknown value as a Customer.io reporting webhook, without throwing.
 *
 * Requires what the mapping needs (`event_id`, unix-seconds `timestamp`, a known `object_type` and
 * `metric`, a `data` object and someone to attribute the event to) and checks the type of every field
 * the catalog knows; everything else is optional, and unknown fields are kept. On success `value` is the
 * input itself, except that a preferences change sent without `object_type` (or with the OpenAPI's
 * `object_type_type` spelling) comes back as a copy with `object_type` filled in.
 *
 * @param input A parsed JSON body, of any shape.
 * @returns `{ success: true, value }`, or `{ success: false, issues }` with every problem found.
 */
export function safeParseWebhook(input: unknown): SafeParseResult<ReportingWebhook>;
export function safeParseWebhook(
  input: unknown,
  options: SafeParseWebhookOptions & { allowUnknownEvents: true },
): SafeParseResult<AnyWebhook>;
export function safeParseWebhook(input: unknown, options?: SafeParseWebhookOptions): SafeParseResult<AnyWebhook>;
export function safeParseWebhook(input: unknown, options?: SafeParseWebhookOptions): SafeParseResult<AnyWebhook> {
  if (!isPlainObject(input)) {
    return failure([{ code: 'invalid_type', path: [], message: `a webhook must be a JSON object, received ${describeValue(input)}` }]);
  }
  const issues = new IssueCollector();

  const eventId = input.event_id;
  if (eventId === undefined) issues.add('missing_field', ['event_id'], 'is required');
  else if (typeof eventId !== 'string') {
    issues.add('invalid_type', ['event_id'], `must be a string, received ${describeValue(eventId)}`);
  } else if (eventId === '') issues.add('invalid_value', ['event_id'], 'must not be empty');

  const timestamp = input.timestamp;
  if (timestamp === undefined) issues.add('missing_field', ['timestamp'], 'is required');
  else {
    const problem = timestampProblem(timestamp);
    if (problem !== undefined) issues.add('invalid_timestamp', ['timestamp'], problem);
  }

  const metric = input.metric;
  let objectType = input.object_type;
  let normalisedObjectType: string | undefined;
  if (objectType === undefined && metric === 'cio_subscription_preferences_changed') {
    // The OpenAPI names this key `object_type_type` and does not require it (https://docs.customer.io/integrations/api/webhooks/).
    const typo = input.object_type_type;
    normalisedObjectType = objectType = typeof typo === 'string' ? typo : 'customer';
  }
  if (objectType === undefined) issues.add('missing_field', ['object_type'], 'is required');
  else if (typeof objectType !== 'string') {
    issues.add('invalid_type', ['object_type'], `must be a string, received ${describeValue(objectType)}`);
  }
  if (metric === undefined) issues.add('missing_field', ['metric'], 'is required');
  else if (typeof metric !== 'string') {
    issues.add('invalid_type', ['metric'], `must be a string, received ${describeValue(metric)}`);
  }
  if (typeof objectType === 'string' && typeof metric === 'string' && !findCatalogEntry(objectType, metric)) {
    const acceptable = options?.allowUnknownEvents === true && unknownName.test(objectType) && unknownName.test(metric);
    if (!acceptable) unknownEvent(issues, objectType, metric, options?.allowUnknownEvents === true);
  }

  const data = input.data;
  if (data === undefined) issues.add('missing_field', ['data'], 'is required');
  else if (!isPlainObject(data)) {
    issues.add('invalid_type', ['data'], `must be an object, received ${describeValue(data)}`);
  } else if (!checkData(issues, objectType, data)) {
    issues.add(
      'missing_identity',
      ['data', 'identifiers'],
      'names no person: a Segment call needs identifiers.id (or customer_id), an email address or identifiers.cio_id',
    );
  }

  if (issues.issues !== undefined) return failure(issues.issues);
  const value = normalisedObjectType === undefined ? input : { ...input, object_type: normalisedObjectType };
  return { success: true, value: value as unknown as AnyWebhook };
}

function unknownEvent(issues: IssueCollector, objectType: string, metric: string, allowUnknown: boolean): void {
  const lower = { objectType: objectType.toLowerCase(), metric: metric.toLowerCase() };
  const known = findCatalogEntry(lower.objectType, lower.metric);
  const shown = `object_type ${JSON.stringify(objectType.slice(0, 64))} with metric ${JSON.stringify(metric.slice(0, 64))}`;
  const hint = known
    ? `; Customer.io sends lowercase names: did you mean ${JSON.stringify(lower.objectType)}/${JSON.stringify(lower.metric)}?`
    : allowUnknown
      ? '; unknown names must be lowercase words joined by "_"'
      : '; pass { allowUnknownEvents: true } to accept events outside the catalog';
  const path = isKnownObjectType(objectType) ? ['metric'] : ['object_type'];
  issues.add('unknown_event', path, `is not a known event: ${shown}${hint}`);
}

function failure(issues: Issue[]): SafeParseResult<never> {
  return { success: false, issues: issues as [Issue, ...Issue[]] };
}
