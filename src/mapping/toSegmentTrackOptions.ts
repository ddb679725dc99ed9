import type { SegmentEventName } from '../catalog/types';
import type { AnyWebhook } from '../catalog/reportingWebhook';

/** Options of `toSegmentTrack`: the settings of Customer.io's hosted integration, and overrides. */
export interface ToSegmentTrackOptions {
  /**
   * The events to send, by their default name; any other event maps to `null`. Omitted: every event
   * is sent (the integration's event checkboxes).
   */
  readonly enabledEvents?: readonly (SegmentEventName | (string & {}))[] | undefined;
  /**
   * Body Content: put the message body (`data.content`) in `properties.content` of "Sent" events. Off
   * (the default): `content` is `null`, except on preference changes, whose `content` (the topics, not
   * a message body) is always kept.
   */
  readonly bodyContent?: boolean | undefined;
  /**
   * Send the events back to Customer.io destinations in Segment: `integrations["Customer.io"]` becomes
   * `true`. Off by default, as in the integration.
   */
  readonly sendBackToCustomerIo?: boolean | undefined;
  /** Put this write key on every call (for `/v1/track` or `/v1/batch` bodies authenticated in the body). */
  readonly writeKey?: string | undefined;
  /** Rename events: default name → the name to send. Names not listed keep their default. */
  readonly eventNames?: { readonly [defaultName: string]: string } | undefined;
  /** Make the `messageId` yourself; by default it is `api-<event_id>` (see `docs/mapping.md`). */
  readonly messageId?: ((webhook: AnyWebhook) => string) | undefined;
}
