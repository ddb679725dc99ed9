/**
 * Segment's HTTP API limits that {@link toSegmentBatches} applies by default (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/).
 *
 * Segment states "32 KB" per call and "500 KB" per `/v1/batch` request without saying which kilobyte.
 * Its own client, `@segment/analytics-node`, counts 32 × 1024 bytes per event, so that is the call
 * limit; for the body the smaller reading, 500 × 1000 bytes, holds whichever kilobyte Segment means
 * (analytics-node itself stops at 480 × 1024). Above 2,500 calls Segment answers 200 but drops them.
 */
export const segmentBatchLimits = {
  /** Bytes of one call's JSON (UTF-8). */
  maxCallBytes: 32 * 1024,
  /** Bytes of one `/v1/batch` body's JSON (UTF-8), `sentAt` and `writeKey` included. */
  maxBodyBytes: 500 * 1000,
  /** Calls in one `/v1/batch` body. */
  maxCallsPerBody: 2500,
} as const;
