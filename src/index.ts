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
export { safeParseSegmentTrack } from './schemas/safeParseSegmentTrack';
export type {
  ParsedAnySegmentTrack,
  ParsedSegmentTrack,
  SafeParseSegmentTrackOptions,
  SegmentDeliveryFields,
} from './schemas/safeParseSegmentTrack';
export { parseSegmentTrack } from './schemas/parseSegmentTrack';
export { isSegmentTrack } from './schemas/isSegmentTrack';
export { safeParseV1Track } from './schemas/safeParseV1Track';
export type { SegmentTrackV1, TrackV1Properties } from './schemas/safeParseV1Track';
export { trackVersionOf } from './schemas/trackVersionOf';
export type { StandardSchemaV1 } from './schemas/standardSchema';
export { webhookSchema } from './schemas/webhookSchema';
export { segmentTrackSchema } from './schemas/segmentTrackSchema';
export { segmentTrackV1Schema } from './schemas/segmentTrackV1Schema';
export type { JsonSchema } from './schemas/fieldJsonSchema';
export { webhookJsonSchema } from './schemas/webhookJsonSchema';
export { segmentTrackJsonSchema } from './schemas/segmentTrackJsonSchema';
export { segmentEventJsonSchema } from './schemas/segmentEventJsonSchema';
export { segmentTrackingPlanRules } from './schemas/segmentTrackingPlanRules';
export type { TrackingPlanRule } from './schemas/segmentTrackingPlanRules';
export { isoTimestampPattern } from './schemas/isoTimestampPattern';

// Receiving and sending (issue 4)
// @section receive
export { verifyWebhookSignature, signatureFailureReasons } from './receive/verifyWebhookSignature';
export type {
  SignatureFailureReason,
  SignatureVerification,
  VerifyWebhookSignatureInput,
} from './receive/verifyWebhookSignature';
export { toSegmentBatches } from './receive/toSegmentBatches';
export type {
  RejectedCall,
  RejectedCallReason,
  SegmentBatch,
  SegmentBatchBody,
  SegmentBatches,
  ToSegmentBatchesOptions,
} from './receive/toSegmentBatches';
export { segmentBatchLimits } from './receive/segmentBatchLimits';
export { segmentEndpoint } from './receive/segmentEndpoint';
export { segmentHost } from './receive/segmentHost';
export type { SegmentRegion } from './receive/segmentHost';
export { firstOccurrenceKey } from './receive/firstOccurrenceKey';
export { createFirstOccurrenceFilter } from './receive/createFirstOccurrenceFilter';
export type {
  FirstOccurrenceDecision,
  FirstOccurrenceFilter,
  FirstOccurrenceFilterOptions,
} from './receive/createFirstOccurrenceFilter';
export { createMemoryFirstOccurrenceStore } from './receive/createMemoryFirstOccurrenceStore';
export type { MemoryFirstOccurrenceStoreOptions } from './receive/createMemoryFirstOccurrenceStore';
export type { FirstOccurrenceStore } from './receive/firstOccurrenceStore';

// v1 → v2 migration (issue 5)
// @section migration
export { migrateTrackV1ToV2 } from './migration/migrateTrackV1ToV2';
export { migrateWarehouseRowV1ToV2 } from './migration/migrateWarehouseRowV1ToV2';
export type { LookupKind, MigrationConflict, MigrationConflictCode, MigrationResult, NameLookup } from './migration/MigrationResult';
export { foldNameLookups } from './migration/foldNameLookups';
export type { NameTables, RenamedId } from './migration/foldNameLookups';
// migrationSql and MigrationSqlError: the `customerio-segment/sql` entry (src/sql.ts).
