/**
 * The properties every call may carry besides the webhook's own `data` fields, with their JSON types.
 *
 * The track types (`CommonTrackProperties`), the track validator and the JSON Schemas read this table.
 */
export const commonProperties = {
  /** The webhook's deprecated `data.customer_id`, under the name Customer.io's source uses. */
  userId: 'string',
  /** The person's `identifiers.cio_id`. */
  cio_id: 'string',
  /** The message body: see the `bodyContent` option. */
  content: 'string|null',
  /** Whatever of `identifiers` went nowhere else (unknown keys, an email that is not an address). */
  identifiers: 'object',
  /** The clicked link, from the webhook's `href` and `link_id`. */
  link: 'link',
  /** Set by `toSegmentBatches` when it dropped an oversized `content`. */
  content_dropped: 'boolean',
} as const;
