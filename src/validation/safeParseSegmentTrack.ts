import { integrationVersion } from '../catalog/integration';
import type { SegmentTrack, UnknownSegmentTrack } from '../catalog/segmentTrack';
import type { Issue, SafeParseResult } from './issue';
import { checkTrack } from './checkTrack';

/** Options of {@link safeParseSegmentTrack}. */
export interface SafeParseSegmentTrackOptions {
  /**
   * Accept any non-empty event name instead of reporting `unknown_event`: for calls renamed with
   * `toSegmentTrack`'s `eventNames`, or made from webhooks outside the catalog. Such calls get the
   * checks every call gets (envelope, identity, attribution fields), not an event's own fields.
   */
  allowUnknownEvents?: boolean;
}

/**
 * The fields Segment adds when it receives a call (https://segment.com/docs/connections/spec/common/#timestamps): present in the
 * delivered form that Segment Functions, destinations and warehouses see, absent before sending.
 */
export interface SegmentDeliveryFields {
  /** The sender's `timestamp`, kept when Segment corrects `timestamp` for clock skew. */
  originalTimestamp?: string;
  /** When the sender sent the call, by its clock. */
  sentAt?: string;
  /** When Segment received the call, by Segment's clock. */
  receivedAt?: string;
}

/** A 2.0.0 call that validation accepted, in the form `toSegmentTrack` makes or as delivered. */
export type ParsedSegmentTrack = SegmentTrack & SegmentDeliveryFields;

/** A call accepted with `allowUnknownEvents`: a catalog event, or any other name. */
export type ParsedAnySegmentTrack = (SegmentTrack | UnknownSegmentTrack) & SegmentDeliveryFields;

/**
 * Validates an unknown value as a 2.0.0 track call of Customer.io's Segment source, without throwing.
 *
 * Accepts the call as `toSegmentTrack` makes it and as Segment delivers it (with `originalTimestamp`,
 * `sentAt`, `receivedAt`, `writeKey`), including the six payloads Customer.io documents, as printed (`test/fixtures/seed-004/`). Requires
 * `type: "track"`, a catalog `event`, a string `userId` (`""` only with a non-empty `anonymousId`), a
 * `messageId`, ISO 8601 timestamps, `context.integration` `customer.io` `2.0.0`, `context.library`,
 * `integrations` and `properties`, and checks the type of every property the event's catalog entry
 * knows. Unknown properties are kept. On success `value` is the input itself.
 *
 * @param input A parsed JSON body, of any shape.
 * @returns `{ success: true, value }`, narrowed by `value.event`, or `{ success: false, issues }`.
 */
export function safeParseSegmentTrack(input: unknown): SafeParseResult<ParsedSegmentTrack>;
export function safeParseSegmentTrack(
  input: unknown,
  options: SafeParseSegmentTrackOptions & { allowUnknownEvents: true },
): SafeParseResult<ParsedAnySegmentTrack>;
export function safeParseSegmentTrack(
  input: unknown,
  options?: SafeParseSegmentTrackOptions,
): SafeParseResult<ParsedAnySegmentTrack>;
export function safeParseSegmentTrack(
  input: unknown,
  options?: SafeParseSegmentTrackOptions,
): SafeParseResult<ParsedAnySegmentTrack> {
  const issues = checkTrack(input, integrationVersion, options?.allowUnknownEvents === true);
  if (issues === undefined) return { success: true, value: input as ParsedAnySegmentTrack };
  return { success: false, issues: issues as [Issue, ...Issue[]] };
}
