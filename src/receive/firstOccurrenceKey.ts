import type { AnyWebhook } from '../catalog/reportingWebhook';

/**
 * Returns the key under which {@link createFirstOccurrenceFilter} counts occurrences of a webhook's event.
 *
 * "First occurrence" is Customer.io's Send Frequency setting: a message's metric (an open, a click) is
 * reported once, however often the person repeats it. A message is identified by `data.delivery_id`,
 * so the key is `d:` + `object_type`, `metric` and `delivery_id`: the second open of an email is a repeat,
 * its first click is not. A webhook without a `delivery_id` (customer events such as Customer
 * Subscribed) has no message to repeat on, so each event is its own first occurrence: the key is `e:` + its
 * `event_id`, which still catches Customer.io's retries of it.
 *
 * @example
 * firstOccurrenceKey(webhook); // 'd:email:opened:dGVzdA==' or 'e:01E4C4CT6YDC7Y5M7FE1GWWPQJ'
 */
export function firstOccurrenceKey(webhook: AnyWebhook): string {
  const deliveryId = webhook.data.delivery_id;
  // The prefixes keep the two kinds apart; `:` cannot occur in `object_type` or `metric`, so neither collides.
  if (typeof deliveryId === 'string' && deliveryId !== '') {
    return `d:${webhook.object_type}:${webhook.metric}:${deliveryId}`;
  }
  return `e:${webhook.event_id}`;
}
