// The public API, listed by hand: anything not named here is internal.

// Catalog
export { catalog, attributionFields } from './catalog/catalog';
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
export type { AnyWebhook, ReportingWebhook, ReportingWebhookOf, UnknownWebhook, WebhookData } from './catalog/reportingWebhook';

// One named type per catalog entry: `EmailOpenedWebhook`, `EmailOpenedTrack`, …
export type * from './catalog/events';

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
} from './catalog/segmentTrack';

// Validation
export { issueCodes } from './validation/issue';
export type { Issue, IssueCode, SafeParseResult } from './validation/issue';
export { ValidationError } from './validation/ValidationError';
export { safeParseWebhook } from './validation/safeParseWebhook';
export type { SafeParseWebhookOptions } from './validation/safeParseWebhook';
export { parseWebhook } from './validation/parseWebhook';
export { isWebhook } from './validation/isWebhook';
export { subscriptionPreferencesOf } from './validation/subscriptionPreferencesOf';
export type { SubscriptionPreferences } from './validation/subscriptionPreferencesOf';
export { formatIssues } from './validation/formatIssues';

// Mapping
export { toSegmentTrack } from './mapping/toSegmentTrack';
export type { RenamedTrack, ToSegmentTrackOptions } from './mapping/toSegmentTrack';
export { toDeliveredTrack } from './mapping/toDeliveredTrack';
export type { DeliveredTrack, ToDeliveredTrackOptions } from './mapping/toDeliveredTrack';
export { mapWebhook } from './mapping/mapWebhook';
export type { MapWebhookOptions, MapWebhookResult } from './mapping/mapWebhook';

// Segment-side schemas
export { safeParseSegmentTrack } from './validation/safeParseSegmentTrack';
export type {
  ParsedAnySegmentTrack,
  ParsedSegmentTrack,
  SafeParseSegmentTrackOptions,
  SegmentDeliveryFields,
} from './validation/safeParseSegmentTrack';
export { parseSegmentTrack } from './validation/parseSegmentTrack';
export { isSegmentTrack } from './validation/isSegmentTrack';
export { safeParseV1Track } from './validation/safeParseV1Track';
export type { SegmentTrackV1, TrackV1Properties } from './validation/safeParseV1Track';
export { trackVersionOf } from './validation/trackVersionOf';
export type { StandardSchemaV1 } from './standardSchema/standardSchema';
export { webhookSchema } from './standardSchema/webhookSchema';
export { segmentTrackSchema } from './standardSchema/segmentTrackSchema';
export { segmentTrackV1Schema } from './standardSchema/segmentTrackV1Schema';
export type { JsonSchema } from './jsonSchema/fieldJsonSchema';
export { webhookJsonSchema } from './jsonSchema/webhookJsonSchema';
export { segmentTrackJsonSchema } from './jsonSchema/segmentTrackJsonSchema';
export { segmentEventJsonSchema } from './jsonSchema/segmentEventJsonSchema';
export { segmentTrackingPlanRules } from './jsonSchema/segmentTrackingPlanRules';
export type { TrackingPlanRule } from './jsonSchema/segmentTrackingPlanRules';
export { isoTimestampPattern } from './validation/isoTimestampPattern';

// Receiving and sending
export { verifyWebhookSignature, signatureFailureReasons } from './receive/verifyWebhookSignature';
export type {
  SignatureFailureReason,
  SignatureVerification,
  VerifyWebhookSignatureInput,
} from './receive/verifyWebhookSignature';
export { toSegmentBatches } from './send/toSegmentBatches';
export type {
  RejectedCall,
  RejectedCallReason,
  SegmentBatch,
  SegmentBatchBody,
  SegmentBatches,
  ToSegmentBatchesOptions,
} from './send/toSegmentBatches';
export { segmentBatchLimits } from './send/segmentBatchLimits';
export { segmentEndpoint } from './send/segmentEndpoint';
export { segmentHost } from './send/segmentHost';
export type { SegmentRegion } from './send/segmentHost';
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

// v1 → v2 migration
export { migrateTrackV1ToV2 } from './migration/migrateTrackV1ToV2';
export { migrateWarehouseRowV1ToV2 } from './migration/migrateWarehouseRowV1ToV2';
export type { LookupKind, MigrationConflict, MigrationConflictCode, MigrationResult, NameLookup } from './migration/MigrationResult';
export { foldNameLookups } from './migration/foldNameLookups';
export type { NameTables, RenamedId } from './migration/foldNameLookups';
// migrationSql and MigrationSqlError: the `customerio-segment/sql` entry (src/sql.ts).

// The web-standard webhook handler (the Node.js adapter: the `customerio-segment/node` entry, src/node.ts)
// @section handler
export { createWebhookHandler } from './receive/createWebhookHandler';
export type {
  WebhookHandler,
  WebhookHandlerLogEntry,
  WebhookHandlerOptions,
  WebhookHandlerOutcome,
  WebhookRejection,
} from './receive/createWebhookHandler';
export type { WebhookSink, WebhookSinkOutcome } from './receive/webhookSink';

// Delivering, receiving at scale, and signing
// @section deliver
export { createSegmentSender } from './send/createSegmentSender';
export type { SegmentSender, SegmentSenderOptions, SendOutcome } from './send/createSegmentSender';
export { createRedisFirstOccurrenceStore } from './receive/createRedisFirstOccurrenceStore';
export type {
  IoRedisClientLike,
  NodeRedisClientLike,
  RedisFirstOccurrenceStoreOptions,
} from './receive/createRedisFirstOccurrenceStore';
export { signWebhook } from './receive/signWebhook';
export type { SignWebhookInput, WebhookSignatureHeaders } from './receive/signWebhook';
export { verifyWebhookRequest } from './receive/verifyWebhookRequest';
export type {
  VerifyWebhookRequestOptions,
  WebhookRequestParts,
  WebhookRequestVerification,
} from './receive/verifyWebhookRequest';
export { signatureFailureMessage } from './receive/signatureFailureMessage';
