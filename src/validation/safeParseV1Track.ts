import type { TrackLink } from '../catalog/segmentTrack';
import type { Issue, SafeParseResult } from './issue';
import { checkTrack } from './checkTrack';
import type { SegmentDeliveryFields } from './safeParseSegmentTrack';

/** The `properties` of a 1.0.0 call: the names 2.0.0 dropped or renamed, and the ones both share. */
export interface TrackV1Properties {
  /** Duplicated `delivery_id`; dropped in 2.0.0. */
  email_id?: string;
  /** Renamed `subject` in 2.0.0. */
  email_subject?: string;
  action_name?: string | null;
  campaign_name?: string | null;
  newsletter_name?: string | null;
  transactional_message_name?: string | null;
  delivery_id?: string;
  action_id?: number | string;
  campaign_id?: number | null;
  broadcast_id?: number | null;
  newsletter_id?: number | null;
  content_id?: number;
  trigger_id?: number;
  parent_action_id?: number;
  journey_id?: number | string;
  trigger_event_id?: string | null;
  transactional_message_id?: number | string;
  userId?: string;
  cio_id?: string;
  content?: string | null;
  identifiers?: { [key: string]: unknown };
  link?: TrackLink;
  [key: string]: unknown;
}

/**
 * A track call of the Customer.io source's version 1.0.0, the shape before May 2022 (seed 004,
 * "Differences between versions 1.0 and 2.0").
 */
export interface SegmentTrackV1 extends SegmentDeliveryFields {
  type: 'track';
  event: string;
  userId: string;
  anonymousId?: string;
  messageId?: string;
  timestamp: string;
  context: {
    integration: { name: 'customer.io'; version: '1.0.0' };
    library?: { [key: string]: unknown };
    traits?: { email?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
  integrations?: { 'Customer.io'?: boolean; [key: string]: unknown };
  properties: TrackV1Properties;
  writeKey?: string;
}

/**
 * Validates an unknown value as a 1.0.0 track call of Customer.io's Segment source, without throwing.
 *
 * The real check migration needs to tell versions apart: `context.integration.version` must be
 * `"1.0.0"` (a 2.0.0 call fails with `invalid_value` there), and the 1.0.0 fields (`email_id`,
 * `email_subject`, the `*_name` fields) are type-checked with the fields both versions share. The
 * envelope rules are those of `safeParseSegmentTrack`, except that `messageId`, `context.library` and
 * `integrations` may be missing and any non-empty event name is accepted.
 */
export function safeParseV1Track(input: unknown): SafeParseResult<SegmentTrackV1> {
  const issues = checkTrack(input, '1.0.0', true);
  if (issues === undefined) return { success: true, value: input as SegmentTrackV1 };
  return { success: false, issues: issues as [Issue, ...Issue[]] };
}
