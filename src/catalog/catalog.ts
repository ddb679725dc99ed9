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
    drafted: ['recipient', 'subject'],
    attempted: ['failure_message'],
    sent: ['recipient', 'subject', 'content', 'headers'],
    delivered: ['recipient', 'subject'],
    opened: ['recipient', 'subject', 'proxied', 'prefetched', 'synthetic'],
    clicked: ['recipient', 'subject', 'href', 'link_id', 'machine'],
    converted: ['recipient', 'subject'],
    // The message-level unsubscribe (a click on the unsubscribe link) and the person-level change
    // reported with `object_type: "email"` share this pair, so it carries the fields of both.
    unsubscribed: ['recipient', 'subject', 'email_address'],
    bounced: ['recipient', 'subject', 'failure_message'],
    dropped: ['recipient', 'subject', 'failure_message'],
    spammed: ['recipient', 'subject'],
    failed: ['recipient', 'subject', 'failure_message'],
    undeliverable: ['recipient', 'subject', 'failure_message'],
    deferred: ['recipient', 'subject', 'failure_message'],
    subscribed: ['email_address'],
    cio_subscription_preferences_changed: ['email_address', 'content'],
  },
  push: {
    drafted: [],
    attempted: ['failure_message'],
    sent: ['recipients', 'content'],
    delivered: ['recipients'],
    opened: ['recipients'],
    clicked: ['recipients', 'href', 'link_id'],
    converted: ['recipients'],
    bounced: ['recipients'],
    dropped: ['recipients'],
    failed: ['failure_message'],
    undeliverable: ['failure_message'],
    subscribed: ['email_address'],
    unsubscribed: ['email_address'],
    cio_subscription_preferences_changed: ['email_address', 'content'],
  },
  sms: {
    drafted: [],
    attempted: ['failure_message'],
    sent: ['recipient', 'content'],
    delivered: ['recipient'],
    clicked: ['recipient', 'href', 'link_id'],
    converted: ['recipient'],
    bounced: ['recipient', 'failure_message'],
    failed: ['failure_message'],
    undeliverable: ['failure_message'],
    replied: ['recipient', 'inbound_event_id', 'to'],
    subscribed: ['email_address'],
    unsubscribed: ['email_address'],
    cio_subscription_preferences_changed: ['email_address', 'content'],
  },
  whatsapp: {
    drafted: [],
    attempted: ['failure_message'],
    sent: ['recipient', 'content'],
    delivered: ['recipient'],
    opened: ['recipient'],
    clicked: ['recipient', 'href', 'link_id'],
    converted: ['recipient'],
    bounced: ['recipient', 'failure_message'],
    dropped: ['recipient', 'failure_message'],
    failed: ['failure_message'],
    undeliverable: ['failure_message'],
    replied: ['recipient', 'inbound_event_id', 'to'],
    subscribed: ['email_address'],
    unsubscribed: ['email_address'],
    cio_subscription_preferences_changed: ['email_address', 'content'],
  },
  in_app: {
    drafted: [],
    attempted: ['failure_message'],
    sent: ['recipient', 'content'],
    opened: [],
    clicked: ['recipient', 'href', 'link_id', 'tracked_response'],
    converted: ['recipient'],
    failed: ['failure_message'],
    undeliverable: ['failure_message'],
    subscribed: ['email_address'],
    unsubscribed: ['email_address'],
    cio_subscription_preferences_changed: ['email_address', 'content'],
  },
  slack: {
    drafted: [],
    attempted: ['failure_message'],
    sent: ['recipient', 'content'],
    clicked: ['recipient', 'href', 'link_id'],
    failed: ['failure_message'],
    undeliverable: ['failure_message'],
  },
  webhook: {
    drafted: [],
    attempted: ['failure_message'],
    sent: ['recipient', 'content'],
    clicked: ['recipient', 'href', 'link_id'],
    // Not in the OpenAPI; Customer.io's semantic-event list names "Webhook Converted".
    converted: ['recipient'],
    failed: ['failure_message'],
    undeliverable: ['failure_message'],
  },
  customer: {
    subscribed: ['email_address'],
    unsubscribed: ['email_address'],
    cio_subscription_preferences_changed: ['email_address', 'content'],
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
  headers: 'object',
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

/**
 * The metrics whose event name is not the title-cased metric (Customer.io's published names);
 * In-App clicks are "In-App Clicked", the one per-channel exception.
 */
export const metricLabelExceptions = {
  clicked: 'Link Clicked',
  dropped: 'Suppressed',
  spammed: 'Marked as Spam',
  cio_subscription_preferences_changed: 'Subscription Preferences Changed',
} as const;
