import type { AnyWebhook } from '../catalog/reportingWebhook';

/**
 * Returns the key under which {@link createFirstOccurrenceFilter} counts occurrences of a webhook's event.
 *
 * "First occurrence" is Customer.io's Send Frequency setting, `full_resolution: false` in its
 * reporting-webhook API ("Set to `false` to send unique open and click events",
 * https://docs.customer.io/api/track/): only **opens and clicks** are made unique, once per message,
 * however often the person repeats them. So an `opened` or `clicked` webhook with a `data.delivery_id`
 * is keyed `d:` + `object_type`, `metric` and `delivery_id`: the second open of an email is a repeat, its
 * first click is not. Every other webhook (a second SMS reply, a second preference change, a repeated
 * `deferred`), and an open or click without a `delivery_id`, is its own first occurrence: the key is
 * `e:` + its `event_id`, which still recognises Customer.io's retries of that very event.
 *
 * @example
 * firstOccurrenceKey(webhook); // 'd:email:opened:dGVzdA==' or 'e:01E4C4CT6YDC7Y5M7FE1GWWPQJ'
 */
export function firstOccurrenceKey(webhook: AnyWebhook): string {
  const deliveryId = webhook.data.delivery_id;
  const metric: unknown = webhook.metric;
  // The prefixes keep the two kinds apart; `:` cannot occur in `object_type` or `metric`, so neither collides.
  if ((metric === 'opened' || metric === 'clicked') && typeof deliveryId === 'string' && deliveryId !== '') {
    return `d:${webhook.object_type}:${metric}:${deliveryId}`;
  }
  return `e:${webhook.event_id}`;
}
