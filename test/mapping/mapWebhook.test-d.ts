import type { TrackParams } from '@segment/analytics-node';
import { expectTypeOf, test } from 'vitest';
import { type Issue, type MapWebhookOptions, mapWebhook, type RenamedTrack, type SegmentTrack, type UnknownSegmentTrack } from '../../src/index';

test('mapWebhook: a call that may be renamed, unknown or null on success; the issues on failure', () => {
  const result = mapWebhook(JSON.parse('{}') as unknown, { bodyContent: true, allowUnknownEvents: true });
  if (result.success) {
    expectTypeOf(result.value).toEqualTypeOf<RenamedTrack<SegmentTrack> | UnknownSegmentTrack | null>();
    if (result.value !== null) expectTypeOf(result.value).toExtend<TrackParams>();
  } else expectTypeOf(result.issues).toEqualTypeOf<readonly [Issue, ...Issue[]]>();
});

test('MapWebhookOptions takes the options of both functions, and nothing else', () => {
  expectTypeOf<{ allowUnknownEvents: true; enabledEvents: ['Email Opened']; writeKey: 'w' }>().toExtend<MapWebhookOptions>();
  // @ts-expect-error: not an option
  mapWebhook({}, { allowUnknown: true });
});
