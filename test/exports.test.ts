import { expect, test } from 'vitest';
import * as api from '../src/index';
import * as sql from '../src/sql';
import * as node from '../src/node';

// The runtime surface of the main entry, by hand: a change to it shows up here in review.
// (Types are pinned by the *.test-d.ts files.)
const expected = [
  'ValidationError', 'attributionFields', 'catalog', 'createFirstOccurrenceFilter',
  'createMemoryFirstOccurrenceStore', 'eventNameFor', 'firstOccurrenceKey', 'foldNameLookups', 'formatIssues',
  'isSegmentTrack', 'isWebhook', 'isoTimestampPattern', 'issueCodes', 'mapWebhook', 'migrateTrackV1ToV2',
  'migrateWarehouseRowV1ToV2', 'parseSegmentTrack', 'parseWebhook', 'safeParseSegmentTrack',
  'safeParseV1Track', 'safeParseWebhook', 'segmentBatchLimits', 'segmentEndpoint', 'segmentEventJsonSchema', 'segmentHost',
  'segmentTrackJsonSchema', 'segmentTrackSchema', 'segmentTrackV1Schema', 'segmentTrackingPlanRules', 'subscriptionPreferencesOf',
  'signatureFailureReasons', 'toDeliveredTrack', 'toSegmentBatches', 'toSegmentTrack', 'trackVersionOf',
  'verifyWebhookSignature', 'webhookJsonSchema', 'webhookSchema',
];
// The sender, the stores and the signing helpers.
const expectedDeliver = [
  'createRedisFirstOccurrenceStore', 'createSegmentSender', 'signWebhook', 'signatureFailureMessage', 'verifyWebhookRequest',
];
// The web-standard handler.
const expectedHandler = ['createWebhookHandler'];

test('the main entry exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([...expected, ...expectedDeliver, ...expectedHandler].sort());
});

test('the API names fixed since the first release are all there (migrationSql in customerio-segment/sql)', () => {
  for (const name of [
    'toSegmentTrack', 'safeParseWebhook', 'parseWebhook', 'isWebhook', 'safeParseSegmentTrack', 'parseSegmentTrack',
    'isSegmentTrack', 'webhookSchema', 'segmentTrackSchema', 'verifyWebhookSignature', 'toSegmentBatches',
    'migrateTrackV1ToV2', 'migrateWarehouseRowV1ToV2',
  ]) {
    expect(api).toHaveProperty(name);
  }
  expect(Object.keys(sql).sort()).toEqual(['MigrationSqlError', 'migrationSql']);
  expect(Object.keys(node).sort()).toEqual(['toNodeHandler']);
});
