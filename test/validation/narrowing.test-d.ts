import { describe, expectTypeOf, test } from 'vitest';
import {
  type PushRecipient,
  parseSegmentTrack,
  safeParseSegmentTrack,
  safeParseV1Track,
  type TrackLink,
} from '../../src/index';

describe('a parsed call narrows on event', () => {
  test('each switch branch has its own property types', () => {
    const result = safeParseSegmentTrack(JSON.parse('{}'));
    if (!result.success) return;
    const call = result.value;
    switch (call.event) {
      case 'Email Opened':
        expectTypeOf(call.properties.subject).toEqualTypeOf<string | undefined>();
        expectTypeOf(call.properties.prefetched).toEqualTypeOf<boolean | undefined>();
        expectTypeOf(call.properties.action_id).toEqualTypeOf<number | string | undefined>();
        break;
      case 'Push Sent':
        expectTypeOf(call.properties.recipients).toEqualTypeOf<PushRecipient[] | undefined>();
        // `subject` is not a push field: only the index signature's `unknown` is left.
        expectTypeOf(call.properties.subject).toEqualTypeOf<unknown>();
        break;
      case 'SMS Link Clicked':
        expectTypeOf(call.properties.link).toEqualTypeOf<TrackLink | undefined>();
        expectTypeOf(call.properties.recipient).toEqualTypeOf<string | undefined>();
        break;
      case 'In-App Clicked':
        expectTypeOf(call.properties.tracked_response).toEqualTypeOf<string | undefined>();
        break;
      default:
        expectTypeOf(call.event).not.toEqualTypeOf<'Email Opened'>();
    }
    expectTypeOf(call.type).toEqualTypeOf<'track'>();
    expectTypeOf(call.userId).toEqualTypeOf<string>();
    expectTypeOf(call.originalTimestamp).toEqualTypeOf<string | undefined>();
  });

  test('an unknown event name is not one of the branches', () => {
    const call = parseSegmentTrack({});
    // @ts-expect-error "Email Dropped" is not a catalog event name.
    if (call.event === 'Email Dropped') return;
  });

  test('with allowUnknownEvents the event is any string', () => {
    const call = parseSegmentTrack({}, { allowUnknownEvents: true });
    expectTypeOf(call.event).toEqualTypeOf<string>();
  });

  test('a 1.0.0 call has its own fields', () => {
    const result = safeParseV1Track({});
    if (!result.success) return;
    expectTypeOf(result.value.properties.email_id).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.value.properties.campaign_name).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(result.value.context.integration.version).toEqualTypeOf<'1.0.0'>();
  });
});
