import { metricLabelExceptions } from '../catalog/catalog';
import { describeValue } from '../json/describeValue';
import { isPlainObject } from '../json/isPlainObject';
import type { Issue, SafeParseResult } from './issue';
import { IssueCollector } from './IssueCollector';

/** What a subscription preferences change says: each topic, and whether the person is now subscribed to it. */
export interface SubscriptionPreferences {
  /** Topic → subscribed, as Customer.io names topics (`topic_7`). */
  readonly topics: { readonly [topic: string]: boolean };
  /** Anything else Customer.io puts beside `topics`, kept as it came. */
  readonly [key: string]: unknown;
}

const preferencesMetric = 'cio_subscription_preferences_changed';

// The default names of preference-change events end with this label, on every channel (eventNameFor),
// so a call is recognised without the catalog in the bundle.
function isPreferenceEvent(event: string): boolean {
  return event.endsWith(` ${metricLabelExceptions[preferencesMetric]}`);
}

/**
 * Reads the `content` of a subscription preferences change, checked, as `{ topics: { [topic]: boolean } }`.
 *
 * Takes the webhook (`data.content`), the track call made from it (`properties.content`, by its default
 * event name), or the `content` string itself (for a call whose event was renamed). Never throws:
 * content that is not JSON, not an object, without `topics`, or with a topic that is not a boolean is a
 * failure with its issues, each at its place below the `content` field.
 *
 * @returns `undefined` when the input is no preference change or carries no content; else a result.
 * @example
 * const preferences = subscriptionPreferencesOf(webhook);
 * if (preferences?.success) for (const [topic, on] of Object.entries(preferences.value.topics)) …
 */
export function subscriptionPreferencesOf(input: unknown): SafeParseResult<SubscriptionPreferences> | undefined {
  let content: unknown;
  let path: readonly string[];
  if (typeof input === 'string') {
    content = input;
    path = [];
  } else if (isPlainObject(input) && input.metric === preferencesMetric && isPlainObject(input.data)) {
    content = input.data.content;
    path = ['data', 'content'];
  } else if (isPlainObject(input) && typeof input.event === 'string' && isPreferenceEvent(input.event) && isPlainObject(input.properties)) {
    content = input.properties.content;
    path = ['properties', 'content'];
  } else return undefined;
  if (content === undefined || content === null) return undefined;

  const issues = new IssueCollector();
  if (typeof content !== 'string') {
    issues.add('invalid_type', path, `must be the preferences as a JSON string, received ${describeValue(content)}`);
    return failure(issues);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    issues.add('invalid_value', path, `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return failure(issues);
  }
  if (!isPlainObject(parsed)) {
    issues.add('invalid_type', path, `must hold a JSON object {"topics": {…}}, received ${describeValue(parsed)}`);
    return failure(issues);
  }
  const topics = parsed.topics;
  if (topics === undefined) issues.add('missing_field', [...path, 'topics'], 'is required');
  else if (!isPlainObject(topics)) issues.add('invalid_type', [...path, 'topics'], `must be an object, received ${describeValue(topics)}`);
  else {
    for (const topic in topics) {
      const subscribed = topics[topic];
      if (typeof subscribed !== 'boolean') {
        issues.add('invalid_type', [...path, 'topics', topic], `must be a boolean, received ${describeValue(subscribed)}`);
      }
    }
  }
  return issues.issues === undefined ? { success: true, value: parsed as SubscriptionPreferences } : failure(issues);
}

function failure(issues: IssueCollector): SafeParseResult<never> {
  return { success: false, issues: issues.issues as [Issue, ...Issue[]] };
}
