import { describeValue } from '../json/describeValue';
import { isEmailAddress } from './isEmailAddress';
import { addIssue, checkField, isValidField } from './checkField';
import { isPlainObject } from '../json/isPlainObject';
import type { Issue } from './issue';
import { isoTimestampPattern } from './isoTimestampPattern';
import { type TrackFieldRule, trackFieldRules } from '../catalog/trackFieldRules';

type Path = (string | number)[];

const isoTimestamp = /* @__PURE__ */ new RegExp(isoTimestampPattern);

const add = addIssue;

function checkString(
  issues: Issue[] | undefined,
  value: unknown,
  path: Path,
  required: boolean,
): Issue[] | undefined {
  if (value === undefined) return required ? add(issues, 'missing_field', path, 'is required') : issues;
  if (typeof value !== 'string') return add(issues, 'invalid_type', path, `must be a string, received ${describeValue(value)}`);
  return issues;
}

function checkTimestamp(issues: Issue[] | undefined, value: unknown, key: string, required: boolean): Issue[] | undefined {
  if (value === undefined) return required ? add(issues, 'missing_field', [key], 'is required') : issues;
  if (typeof value === 'string' && isoTimestamp.test(value)) return issues;
  const received =
    typeof value === 'number'
      ? `the number ${value}; Segment timestamps are ISO 8601 strings`
      : typeof value === 'string'
        ? `${JSON.stringify(value.slice(0, 40))}`
        : describeValue(value);
  return add(issues, 'invalid_timestamp', [key], `must be an ISO 8601 date-time such as "2021-06-16T13:04:06Z", received ${received}`);
}

function checkProperties(issues: Issue[] | undefined, properties: Record<string, unknown>, rules: readonly TrackFieldRule[]) {
  for (const [name, type] of rules) {
    const value = properties[name];
    if (value !== undefined && !isValidField(type, value)) issues = checkField(issues, type, value, ['properties', name]);
  }
  return issues;
}

function checkContext(issues: Issue[] | undefined, context: unknown, version: '1.0.0' | '2.0.0'): Issue[] | undefined {
  if (context === undefined) return add(issues, 'missing_field', ['context'], 'is required');
  if (!isPlainObject(context)) return add(issues, 'invalid_type', ['context'], `must be an object, received ${describeValue(context)}`);
  const integration = context.integration;
  if (integration === undefined) issues = add(issues, 'missing_field', ['context', 'integration'], 'is required');
  else if (!isPlainObject(integration)) {
    issues = add(issues, 'invalid_type', ['context', 'integration'], `must be an object, received ${describeValue(integration)}`);
  } else {
    const { name, version: actual } = integration;
    if (name === undefined) issues = add(issues, 'missing_field', ['context', 'integration', 'name'], 'is required');
    else if (name !== 'customer.io') {
      issues = add(issues, 'invalid_value', ['context', 'integration', 'name'], `must be "customer.io", received ${show(name)}`);
    }
    if (actual === undefined) issues = add(issues, 'missing_field', ['context', 'integration', 'version'], 'is required');
    else if (actual !== version) {
      const hint =
        actual === '1.0.0' ? '; a 1.0.0 call: use safeParseV1Track or migrateTrackV1ToV2' : actual === '2.0.0' ? '; a 2.0.0 call: use safeParseSegmentTrack' : '';
      issues = add(issues, 'invalid_value', ['context', 'integration', 'version'], `must be "${version}", received ${show(actual)}${hint}`);
    }
  }
  const library = context.library;
  if (library === undefined) {
    if (version === '2.0.0') issues = add(issues, 'missing_field', ['context', 'library'], 'is required');
  } else if (!isPlainObject(library)) {
    issues = add(issues, 'invalid_type', ['context', 'library'], `must be an object, received ${describeValue(library)}`);
  }
  const traits = context.traits;
  if (traits !== undefined) {
    if (!isPlainObject(traits)) {
      issues = add(issues, 'invalid_type', ['context', 'traits'], `must be an object, received ${describeValue(traits)}`);
    } else {
      const email = traits.email;
      if (email !== undefined && typeof email !== 'string') {
        issues = add(issues, 'invalid_type', ['context', 'traits', 'email'], `must be a string, received ${describeValue(email)}`);
      } else if (email !== undefined && !isEmailAddress(email)) {
        issues = add(issues, 'invalid_value', ['context', 'traits', 'email'], 'must be an email address: the source never puts a phone number, channel or URL here');
      }
    }
  }
  return issues;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : describeValue(value);
}

/**
 * Checks a value as a Customer.io source track call of one integration version, returning every
 * problem found, or `undefined` when there is none.
 *
 * Shared by the 2.0.0 and 1.0.0 parsers; `docs/validation.md` lists the rules. 1.0.0 calls may lack
 * `messageId`, `context.library` and `integrations`, which the 1.0.0 source is not documented to send,
 * and may carry any event name, since its event list is not documented either.
 */
export function checkTrack(input: unknown, version: '1.0.0' | '2.0.0', allowUnknownEvents: boolean): Issue[] | undefined {
  if (!isPlainObject(input)) {
    return add(undefined, 'invalid_type', [], `a track call must be a JSON object, received ${describeValue(input)}`);
  }
  let issues: Issue[] | undefined;
  const v2 = version === '2.0.0';

  const type = input.type;
  if (type === undefined) issues = add(issues, 'missing_field', ['type'], 'is required');
  else if (type !== 'track') issues = add(issues, 'invalid_value', ['type'], `must be "track", received ${show(type)}`);

  const event = input.event;
  let rules: readonly TrackFieldRule[] | undefined;
  if (event === undefined) issues = add(issues, 'missing_field', ['event'], 'is required');
  else if (typeof event !== 'string') issues = add(issues, 'invalid_type', ['event'], `must be a string, received ${describeValue(event)}`);
  else if (!v2) {
    rules = trackFieldRules.v1;
    if (event === '') issues = add(issues, 'invalid_value', ['event'], 'must not be empty');
  } else {
    rules = trackFieldRules.byEvent[event];
    if (rules === undefined) {
      if (allowUnknownEvents && event !== '') rules = trackFieldRules.unknownEvent;
      else {
        const hint = allowUnknownEvents ? '' : '; pass { allowUnknownEvents: true } to accept renamed events and events outside the catalog';
        issues = add(issues, 'unknown_event', ['event'], `is not an event of the catalog: ${show(event)}${hint}`);
      }
    }
  }

  const userId = input.userId;
  const anonymousId = input.anonymousId;
  issues = checkString(issues, anonymousId, ['anonymousId'], false);
  const hasAnonymousId = typeof anonymousId === 'string' && anonymousId !== '';
  if (userId === undefined) {
    issues = hasAnonymousId
      ? add(issues, 'missing_field', ['userId'], 'is required: the source sends "" when the person has no id')
      : add(issues, 'missing_identity', ['userId'], 'is missing and there is no anonymousId: a call needs a userId or a non-empty anonymousId');
  } else if (typeof userId !== 'string') {
    issues = add(issues, 'invalid_type', ['userId'], `must be a string, received ${describeValue(userId)}`);
  } else if (userId === '' && !hasAnonymousId && (anonymousId === undefined || typeof anonymousId === 'string')) {
    issues = add(issues, 'missing_identity', ['anonymousId'], 'must be a non-empty string when userId is "": the call names no one');
  }

  const messageId = input.messageId;
  issues = checkString(issues, messageId, ['messageId'], v2);
  if (messageId === '') issues = add(issues, 'invalid_value', ['messageId'], 'must not be empty');

  issues = checkTimestamp(issues, input.timestamp, 'timestamp', true);
  issues = checkTimestamp(issues, input.originalTimestamp, 'originalTimestamp', false);
  issues = checkTimestamp(issues, input.sentAt, 'sentAt', false);
  issues = checkTimestamp(issues, input.receivedAt, 'receivedAt', false);
  issues = checkString(issues, input.writeKey, ['writeKey'], false);

  issues = checkContext(issues, input.context, version);

  const integrations = input.integrations;
  if (integrations === undefined) {
    if (v2) issues = add(issues, 'missing_field', ['integrations'], 'is required');
  } else if (!isPlainObject(integrations)) {
    issues = add(issues, 'invalid_type', ['integrations'], `must be an object, received ${describeValue(integrations)}`);
  } else {
    const sendBack = integrations['Customer.io'];
    if (sendBack === undefined) {
      if (v2) issues = add(issues, 'missing_field', ['integrations', 'Customer.io'], 'is required');
    } else if (typeof sendBack !== 'boolean') {
      issues = add(issues, 'invalid_type', ['integrations', 'Customer.io'], `must be a boolean, received ${describeValue(sendBack)}`);
    }
  }

  const properties = input.properties;
  if (properties === undefined) issues = add(issues, 'missing_field', ['properties'], 'is required');
  else if (!isPlainObject(properties)) {
    issues = add(issues, 'invalid_type', ['properties'], `must be an object, received ${describeValue(properties)}`);
  } else if (rules !== undefined) {
    issues = checkProperties(issues, properties, rules);
  }
  return issues;
}
