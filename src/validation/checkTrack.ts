import { describeValue } from '../json/describeValue';
import { isEmailAddress } from './isEmailAddress';
import { checkField } from './checkField';
import { isPlainObject } from '../json/isPlainObject';
import { integrationName, integrationVersion, type IntegrationVersion, v1IntegrationVersion } from '../catalog/integration';
import type { Issue } from './issue';
import { IssueCollector } from './IssueCollector';
import { isoTimestampPattern } from './isoTimestampPattern';
import { type TrackFieldRule, trackFieldRules } from '../catalog/trackFieldRules';

type Path = (string | number)[];

const isoTimestamp = /* @__PURE__ */ new RegExp(isoTimestampPattern);

function checkString(issues: IssueCollector, value: unknown, path: Path, required: boolean): void {
  if (value === undefined) {
    if (required) issues.add('missing_field', path, 'is required');
  } else if (typeof value !== 'string') issues.add('invalid_type', path, `must be a string, received ${describeValue(value)}`);
}

function checkTimestamp(issues: IssueCollector, value: unknown, key: string, required: boolean): void {
  if (value === undefined) {
    if (required) issues.add('missing_field', [key], 'is required');
    return;
  }
  if (typeof value === 'string' && isoTimestamp.test(value)) return;
  const received =
    typeof value === 'number'
      ? `the number ${value}; Segment timestamps are ISO 8601 strings`
      : typeof value === 'string'
        ? `${JSON.stringify(value.slice(0, 40))}`
        : describeValue(value);
  issues.add('invalid_timestamp', [key], `must be an ISO 8601 date-time such as "2021-06-16T13:04:06Z", received ${received}`);
}

const propertiesPath = ['properties'];

function checkProperties(issues: IssueCollector, properties: Record<string, unknown>, rules: readonly TrackFieldRule[]): void {
  for (const [name, type] of rules) {
    const value = properties[name];
    if (value !== undefined) checkField(issues, type, value, propertiesPath, name);
  }
}

function checkContext(issues: IssueCollector, context: unknown, version: IntegrationVersion): void {
  if (context === undefined) return issues.add('missing_field', ['context'], 'is required');
  if (!isPlainObject(context)) return issues.add('invalid_type', ['context'], `must be an object, received ${describeValue(context)}`);
  const integration = context.integration;
  if (integration === undefined) issues.add('missing_field', ['context', 'integration'], 'is required');
  else if (!isPlainObject(integration)) {
    issues.add('invalid_type', ['context', 'integration'], `must be an object, received ${describeValue(integration)}`);
  } else {
    const { name, version: actual } = integration;
    if (name === undefined) issues.add('missing_field', ['context', 'integration', 'name'], 'is required');
    else if (name !== integrationName) {
      issues.add('invalid_value', ['context', 'integration', 'name'], `must be "${integrationName}", received ${show(name)}`);
    }
    if (actual === undefined) issues.add('missing_field', ['context', 'integration', 'version'], 'is required');
    else if (actual !== version) {
      const hint =
        actual === v1IntegrationVersion
          ? `; a ${v1IntegrationVersion} call: use safeParseV1Track or migrateTrackV1ToV2`
          : actual === integrationVersion
            ? `; a ${integrationVersion} call: use safeParseSegmentTrack`
            : '';
      issues.add('invalid_value', ['context', 'integration', 'version'], `must be "${version}", received ${show(actual)}${hint}`);
    }
  }
  const library = context.library;
  if (library === undefined) {
    if (version === integrationVersion) issues.add('missing_field', ['context', 'library'], 'is required');
  } else if (!isPlainObject(library)) {
    issues.add('invalid_type', ['context', 'library'], `must be an object, received ${describeValue(library)}`);
  }
  const traits = context.traits;
  if (traits !== undefined) {
    if (!isPlainObject(traits)) {
      issues.add('invalid_type', ['context', 'traits'], `must be an object, received ${describeValue(traits)}`);
    } else {
      const email = traits.email;
      if (email !== undefined && typeof email !== 'string') {
        issues.add('invalid_type', ['context', 'traits', 'email'], `must be a string, received ${describeValue(email)}`);
      } else if (email !== undefined && !isEmailAddress(email)) {
        issues.add('invalid_value', ['context', 'traits', 'email'], 'must be an email address: the source never puts a phone number, channel or URL here');
      }
    }
  }
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
export function checkTrack(input: unknown, version: IntegrationVersion, allowUnknownEvents: boolean): Issue[] | undefined {
  if (!isPlainObject(input)) {
    return [{ code: 'invalid_type', path: [], message: `a track call must be a JSON object, received ${describeValue(input)}` }];
  }
  const issues = new IssueCollector();
  const v2 = version === integrationVersion;

  const type = input.type;
  if (type === undefined) issues.add('missing_field', ['type'], 'is required');
  else if (type !== 'track') issues.add('invalid_value', ['type'], `must be "track", received ${show(type)}`);

  const event = input.event;
  let rules: readonly TrackFieldRule[] | undefined;
  if (event === undefined) issues.add('missing_field', ['event'], 'is required');
  else if (typeof event !== 'string') issues.add('invalid_type', ['event'], `must be a string, received ${describeValue(event)}`);
  else if (!v2) {
    rules = trackFieldRules.v1;
    if (event === '') issues.add('invalid_value', ['event'], 'must not be empty');
  } else {
    rules = trackFieldRules.byEvent[event];
    if (rules === undefined) {
      if (allowUnknownEvents && event !== '') rules = trackFieldRules.unknownEvent;
      else {
        const hint = allowUnknownEvents ? '' : '; pass { allowUnknownEvents: true } to accept renamed events and events outside the catalog';
        issues.add('unknown_event', ['event'], `is not an event of the catalog: ${show(event)}${hint}`);
      }
    }
  }

  const userId = input.userId;
  const anonymousId = input.anonymousId;
  checkString(issues, anonymousId, ['anonymousId'], false);
  const hasAnonymousId = typeof anonymousId === 'string' && anonymousId !== '';
  if (userId === undefined) {
    if (hasAnonymousId) issues.add('missing_field', ['userId'], 'is required: the source sends "" when the person has no id');
    else issues.add('missing_identity', ['userId'], 'is missing and there is no anonymousId: a call needs a userId or a non-empty anonymousId');
  } else if (typeof userId !== 'string') {
    issues.add('invalid_type', ['userId'], `must be a string, received ${describeValue(userId)}`);
  } else if (userId === '' && !hasAnonymousId && (anonymousId === undefined || typeof anonymousId === 'string')) {
    issues.add('missing_identity', ['anonymousId'], 'must be a non-empty string when userId is "": the call names no one');
  }

  const messageId = input.messageId;
  checkString(issues, messageId, ['messageId'], v2);
  if (messageId === '') issues.add('invalid_value', ['messageId'], 'must not be empty');

  checkTimestamp(issues, input.timestamp, 'timestamp', true);
  checkTimestamp(issues, input.originalTimestamp, 'originalTimestamp', false);
  checkTimestamp(issues, input.sentAt, 'sentAt', false);
  checkTimestamp(issues, input.receivedAt, 'receivedAt', false);
  checkString(issues, input.writeKey, ['writeKey'], false);

  checkContext(issues, input.context, version);

  const integrations = input.integrations;
  if (integrations === undefined) {
    if (v2) issues.add('missing_field', ['integrations'], 'is required');
  } else if (!isPlainObject(integrations)) {
    issues.add('invalid_type', ['integrations'], `must be an object, received ${describeValue(integrations)}`);
  } else {
    const sendBack = integrations['Customer.io'];
    if (sendBack === undefined) {
      if (v2) issues.add('missing_field', ['integrations', 'Customer.io'], 'is required');
    } else if (typeof sendBack !== 'boolean') {
      issues.add('invalid_type', ['integrations', 'Customer.io'], `must be a boolean, received ${describeValue(sendBack)}`);
    }
  }

  const properties = input.properties;
  if (properties === undefined) issues.add('missing_field', ['properties'], 'is required');
  else if (!isPlainObject(properties)) {
    issues.add('invalid_type', ['properties'], `must be an object, received ${describeValue(properties)}`);
  } else if (rules !== undefined) {
    checkProperties(issues, properties, rules);
  }
  return issues.issues;
}
