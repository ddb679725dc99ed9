import { type CatalogEntry, findCatalogEntry, isKnownObjectType } from '../catalog/catalogEntries';
import { describeValue } from '../json/describeValue';
import { isPlainObject } from '../json/isPlainObject';
import type { AnyWebhook } from '../catalog/reportingWebhook';
import type { Issue, SafeParseResult } from './issue';
import type { IssueCollector } from './IssueCollector';

/** Lowercase words joined by `_`: what an unknown `object_type` or `metric` must look like to be accepted. */
export const unknownNamePattern = '^[a-z][a-z0-9_]{0,63}$';
const unknownName = /* @__PURE__ */ new RegExp(unknownNamePattern);

/** Timestamps at or above this are not plausible unix seconds (year 5138) but are milliseconds since 1973. */
export const maxTimestampSeconds = 1e11;

/**
 * The `object_type` to fill in on a preferences change sent without one, or `undefined` when the
 * webhook keeps its own.
 *
 * The OpenAPI names this key `object_type_type` and does not require it
 * (https://docs.customer.io/integrations/api/webhooks/); without either, the change is a customer's.
 */
export function filledObjectType(input: Record<string, unknown>): string | undefined {
  if (input.object_type !== undefined || input.metric !== 'cio_subscription_preferences_changed') return undefined;
  const typo = input.object_type_type;
  return typeof typo === 'string' ? typo : 'customer';
}

/**
 * The webhook a body that passed validation stands for: the body itself, or a copy of it with the
 * `object_type` that {@link filledObjectType} fills in (the body is never changed).
 *
 * Shared by `safeParseWebhook`, `mapWebhook` and the webhook handler, so that all three hand on the same
 * webhook.
 */
export function validWebhookOf(input: Record<string, unknown>, filled: string | undefined = filledObjectType(input)): AnyWebhook {
  return (filled === undefined ? input : { ...input, object_type: filled }) as unknown as AnyWebhook;
}

/**
 * The catalog entry of a body's `object_type` (as filled in) and `metric`, or `undefined` (also when
 * either is not a string). Looked up once per body: the envelope's check and the mapping both read it.
 */
export function catalogEntryOf(objectType: unknown, metric: unknown): CatalogEntry | undefined {
  return typeof objectType === 'string' && typeof metric === 'string' ? findCatalogEntry(objectType, metric) : undefined;
}

/**
 * Checks everything of a webhook but the fields inside `data`: `event_id`, `timestamp`, the
 * `object_type` (as filled in by {@link filledObjectType}) and `metric`, and that `data` is an object.
 *
 * Shared by `safeParseWebhook` and `mapWebhook`, so that both report the same issues in the same order;
 * the caller checks the fields of `data` after it and then {@link reportMissingIdentity}.
 *
 * @param entry The body's catalog entry, as {@link catalogEntryOf} gives it.
 * @returns `data` when it is an object, else `undefined` (with its issue reported).
 */
export function checkWebhookEnvelope(
  issues: IssueCollector,
  input: Record<string, unknown>,
  objectType: unknown,
  entry: CatalogEntry | undefined,
  allowUnknownEvents: boolean,
): Record<string, unknown> | undefined {
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
  if (objectType === undefined) issues.add('missing_field', ['object_type'], 'is required');
  else if (typeof objectType !== 'string') {
    issues.add('invalid_type', ['object_type'], `must be a string, received ${describeValue(objectType)}`);
  }
  if (metric === undefined) issues.add('missing_field', ['metric'], 'is required');
  else if (typeof metric !== 'string') {
    issues.add('invalid_type', ['metric'], `must be a string, received ${describeValue(metric)}`);
  }
  if (entry === undefined && typeof objectType === 'string' && typeof metric === 'string') {
    const acceptable = allowUnknownEvents && unknownName.test(objectType) && unknownName.test(metric);
    if (!acceptable) unknownEvent(issues, objectType, metric, allowUnknownEvents);
  }

  const data = input.data;
  if (data === undefined) issues.add('missing_field', ['data'], 'is required');
  else if (!isPlainObject(data)) {
    issues.add('invalid_type', ['data'], `must be an object, received ${describeValue(data)}`);
  } else return data;
  return undefined;
}

/** The result for an input that is no JSON object at all. */
export function notAWebhook(input: unknown): SafeParseResult<never> {
  return failure([{ code: 'invalid_type', path: [], message: `a webhook must be a JSON object, received ${describeValue(input)}` }]);
}

/** A failed result with the issues found (at least one). */
export function failure(issues: Issue[]): SafeParseResult<never> {
  return { success: false, issues: issues as [Issue, ...Issue[]] };
}

/** Reports that the fields of `data` name no person: the last check of a webhook. */
export function reportMissingIdentity(issues: IssueCollector): void {
  issues.add(
    'missing_identity',
    ['data', 'identifiers'],
    'names no person: a Segment call needs identifiers.id (or customer_id), an email address or identifiers.cio_id',
  );
}

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
