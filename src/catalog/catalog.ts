// Field lists that many entries share, named once: the catalog stays one line per entry and small
// in a bundle.
const failure = ['failure_message'] as const;
const recipient = ['recipient'] as const;
const body = ['recipient', 'content'] as const;
const click = ['recipient', 'href', 'link_id'] as const;
const bounce = ['recipient', 'subject', 'failure_message'] as const;
const emailFields = ['recipient', 'subject'] as const;
const person = ['email_address'] as const;
const preferences = ['email_address', 'content'] as const;
const devices = ['recipients'] as const;

/**
 * Every Customer.io reporting-webhook event this library knows, as `object_type` → `metric` → the
 * `data` fields that event carries.
 *
 * This table is the single source of the webhook and track types, the validators, the JSON Schemas,
 * `docs/mapping.md` and the test arbitraries. Adding a metric is one line here. Fields come from
 * Customer.io's reporting-webhook OpenAPI (see `docs/mapping.md` for the sources and the exceptions);
 * every field is optional at parse time, because real payloads omit fields the spec marks required.
 *
 * The attribution block (`delivery_id`, `campaign_id`, … `identifiers`) is listed once, in
 * {@link attributionFields}, and carried by every message event.
 */
export const catalog = {
  email: {
    drafted: emailFields,
    attempted: failure,
    sent: ['recipient', 'subject', 'content', 'headers'],
    delivered: emailFields,
    opened: ['recipient', 'subject', 'proxied', 'prefetched', 'synthetic'],
    clicked: ['recipient', 'subject', 'href', 'link_id', 'machine'],
    converted: emailFields,
    // The message-level unsubscribe (a click on the unsubscribe link) and the person-level change
    // reported with `object_type: "email"` share this pair, so it carries the fields of both.
    unsubscribed: ['recipient', 'subject', 'email_address'],
    bounced: bounce,
    dropped: bounce,
    spammed: emailFields,
    failed: bounce,
    undeliverable: bounce,
    deferred: bounce,
    subscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  push: {
    drafted: [],
    attempted: failure,
    sent: ['recipients', 'content'],
    delivered: devices,
    opened: devices,
    clicked: ['recipients', 'href', 'link_id'],
    converted: devices,
    bounced: devices,
    dropped: devices,
    failed: failure,
    undeliverable: failure,
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  sms: {
    drafted: [],
    attempted: failure,
    sent: body,
    delivered: recipient,
    clicked: click,
    converted: recipient,
    bounced: ['recipient', 'failure_message'],
    failed: failure,
    undeliverable: failure,
    replied: ['recipient', 'inbound_event_id', 'to'],
    // Listed among the events a webhook subscribes to; fields as WhatsApp's `dropped`.
    dropped: ['recipient', 'failure_message'],
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  whatsapp: {
    drafted: [],
    attempted: failure,
    sent: body,
    delivered: recipient,
    opened: recipient,
    clicked: click,
    converted: recipient,
    bounced: ['recipient', 'failure_message'],
    dropped: ['recipient', 'failure_message'],
    failed: failure,
    undeliverable: failure,
    replied: ['recipient', 'inbound_event_id', 'to'],
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  in_app: {
    drafted: [],
    attempted: failure,
    sent: body,
    opened: [],
    clicked: ['recipient', 'href', 'link_id', 'tracked_response'],
    converted: recipient,
    failed: failure,
    undeliverable: failure,
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  slack: {
    drafted: [],
    attempted: failure,
    sent: body,
    clicked: click,
    // Listed among the events a webhook subscribes to; fields as the other channels' `converted`.
    converted: recipient,
    failed: failure,
    undeliverable: failure,
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  webhook: {
    drafted: [],
    attempted: failure,
    sent: body,
    clicked: click,
    // Not in the OpenAPI; Customer.io's semantic-event list names "Webhook Converted".
    converted: recipient,
    failed: failure,
    undeliverable: failure,
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
  customer: {
    subscribed: person,
    unsubscribed: person,
    cio_subscription_preferences_changed: preferences,
  },
} as const;

/**
 * The attribution fields of Customer.io message events (campaign, broadcast, newsletter or
 * transactional variant), carried by every catalog entry.
 */
export const attributionFields = [
  'delivery_id',
  'action_id',
  'campaign_id',
  'broadcast_id',
  'newsletter_id',
  'content_id',
  'trigger_id',
  'parent_action_id',
  'journey_id',
  'trigger_event_id',
  'transactional_message_id',
  'customer_id',
  'identifiers',
] as const;

/**
 * The JSON type of every `data` field the catalog names, one type per field name wherever it appears.
 *
 * `action_id`, `journey_id` and `transactional_message_id` also accept strings: Customer.io's own
 * documents show `"n18"` and `15` where the OpenAPI says the other type (`docs/mapping.md`, "Types").
 */
export const fieldTypes = {
  delivery_id: 'string',
  action_id: 'integer|string',
  campaign_id: 'integer|null',
  broadcast_id: 'integer|null',
  newsletter_id: 'integer|null',
  content_id: 'integer',
  trigger_id: 'integer',
  parent_action_id: 'integer',
  journey_id: 'integer|string',
  trigger_event_id: 'string|null',
  transactional_message_id: 'integer|string',
  customer_id: 'string',
  identifiers: 'identifiers',
  recipient: 'string',
  recipients: 'recipients',
  subject: 'string',
  content: 'string',
  headers: 'headers',
  proxied: 'boolean',
  prefetched: 'boolean',
  synthetic: 'boolean',
  machine: 'boolean',
  href: 'string',
  link_id: 'integer',
  failure_message: 'string',
  tracked_response: 'string',
  inbound_event_id: 'string',
  to: 'string',
  email_address: 'string|null',
} as const;

/** The Segment channel word of each `object_type`, the first half of every event name. */
export const channelLabels = {
  email: 'Email',
  push: 'Push',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  in_app: 'In-App',
  slack: 'Slack',
  webhook: 'Webhook',
  customer: 'Customer',
} as const;

/** The metrics whose event name is not the title-cased metric, on every channel (Customer.io's published names). */
export const metricLabelExceptions = {
  clicked: 'Link Clicked',
  dropped: 'Suppressed',
  spammed: 'Marked as Spam',
  cio_subscription_preferences_changed: 'Subscription Preferences Changed',
} as const;

/** The event-name exceptions of one channel, which win over {@link metricLabelExceptions}: In-App clicks are "In-App Clicked". */
export const channelMetricLabels = {
  in_app: { clicked: 'Clicked' },
} as const;

/**
 * How `data.content` reaches `properties.content`, by metric (metrics outside the catalog too):
 * `bodyContent`, only with the Body Content setting ("Sent" events carry the message body); `always`,
 * whatever Body Content says (a preference change's topics are consent data, not a message body). Any
 * other metric sends `content: null`.
 */
export const contentRules: { readonly [metric: string]: 'bodyContent' | 'always' } = {
  sent: 'bodyContent',
  cio_subscription_preferences_changed: 'always',
};
