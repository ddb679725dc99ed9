// The public API, listed by hand: anything not named here is internal.

// Catalog
export { catalog, attributionFields, fieldTypes, channelLabels, metricLabelExceptions } from './catalog/catalog';
export { eventNameFor } from './catalog/eventNameFor';
export type {
  EventNameOf,
  FieldName,
  FieldsOf,
  FieldType,
  Identifiers,
  Metric,
  MetricOf,
  ObjectType,
  PushRecipient,
  SegmentEventName,
} from './catalog/types';

// Webhooks
export type { AnyWebhook, ReportingWebhook, ReportingWebhookOf, UnknownWebhook, WebhookData } from './webhook/reportingWebhook';

// One named type per catalog entry: `EmailOpenedWebhook`, `EmailOpenedTrack`, …
export type * from './events';

// Segment calls
export type {
  CommonTrackProperties,
  SegmentTrack,
  SegmentTrackFor,
  SegmentTrackOf,
  TrackContext,
  TrackFor,
  TrackLink,
  TrackProperties,
  UnknownSegmentTrack,
} from './segment/segmentTrack';

// Validation
export { issueCodes } from './validation/issue';
export type { Issue, IssueCode, SafeParseResult } from './validation/issue';
export { ValidationError } from './validation/ValidationError';
export { safeParseWebhook } from './validation/safeParseWebhook';
export type { SafeParseWebhookOptions } from './validation/safeParseWebhook';
export { parseWebhook } from './validation/parseWebhook';
export { isWebhook } from './validation/isWebhook';

// Mapping
export { toSegmentTrack } from './mapping/toSegmentTrack';
export type { RenamedTrack, ToSegmentTrackOptions } from './mapping/toSegmentTrack';
export { toDeliveredTrack } from './mapping/toDeliveredTrack';
export type { DeliveredTrack, ToDeliveredTrackOptions } from './mapping/toDeliveredTrack';

// Segment-side schemas (issue 3)
// @section schemas

// Receiving and sending (issue 4)
// @section receive

// v1 → v2 migration (issue 5)
// @section migration
