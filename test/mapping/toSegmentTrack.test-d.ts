import type { TrackParams } from '@segment/analytics-node';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type AnyWebhook,
  type EmailOpenedTrack,
  type EmailOpenedWebhook,
  type InAppClickedWebhook,
  type ReportingWebhook,
  type SegmentEventName,
  type SegmentTrack,
  type SmsSentWebhook,
  safeParseWebhook,
  toSegmentTrack,
  type ToSegmentTrackOptions,
  type UnknownSegmentTrack,
} from '../../src/index';

declare const emailOpened: EmailOpenedWebhook;
declare const anyKnown: ReportingWebhook;

describe('toSegmentTrack types', () => {
  test('the return type narrows with the input type', () => {
    const call = toSegmentTrack(emailOpened);
    expectTypeOf(call.event).toEqualTypeOf<'Email Opened'>();
    expectTypeOf(call).toEqualTypeOf<EmailOpenedTrack>();
    expectTypeOf(call.properties.subject).toEqualTypeOf<string | undefined>();
    expectTypeOf(call.properties.proxied).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(toSegmentTrack({} as InAppClickedWebhook).event).toEqualTypeOf<'In-App Clicked'>();
    expectTypeOf(toSegmentTrack({} as SmsSentWebhook).event).toEqualTypeOf<'SMS Sent'>();
    expectTypeOf(toSegmentTrack(anyKnown)).toEqualTypeOf<SegmentTrack>();
    expectTypeOf(toSegmentTrack({} as AnyWebhook)).toEqualTypeOf<SegmentTrack | UnknownSegmentTrack>();
  });

  test('a link is typed on click events only', () => {
    expectTypeOf(toSegmentTrack({} as InAppClickedWebhook).properties.link).toEqualTypeOf<{ id?: number; url?: string } | undefined>();
  });

  test('options change the type only where they can change the value', () => {
    expectTypeOf(toSegmentTrack(emailOpened, { bodyContent: true }).event).toEqualTypeOf<'Email Opened'>();
    expectTypeOf(toSegmentTrack(emailOpened, { enabledEvents: ['Email Opened'] })).toEqualTypeOf<EmailOpenedTrack | null>();
    expectTypeOf(toSegmentTrack(emailOpened, { eventNames: { 'Email Opened': 'Opened' } }).event).toEqualTypeOf<string>();
    const loose: ToSegmentTrackOptions = {};
    expectTypeOf(toSegmentTrack(emailOpened, loose)).toMatchTypeOf<{ event: string } | null>();
    // @ts-expect-error the result may be null when enabledEvents is set
    toSegmentTrack(emailOpened, { enabledEvents: [] }).event;
  });

  test('a SegmentTrack is assignable to TrackParams of @segment/analytics-node', () => {
    expectTypeOf<SegmentTrack>().toMatchTypeOf<TrackParams>();
    expectTypeOf<UnknownSegmentTrack>().toMatchTypeOf<TrackParams>();
  });

  test('safeParseWebhook narrows to the webhook union, and switching on it is exhaustive', () => {
    const result = safeParseWebhook({});
    if (result.success) {
      expectTypeOf(result.value).toEqualTypeOf<ReportingWebhook>();
      if (result.value.object_type === 'email' && result.value.metric === 'opened') {
        expectTypeOf(result.value).toEqualTypeOf<EmailOpenedWebhook>();
      }
    }
  });

  test('a table over every event name fails to compile when an entry is missing', () => {
    type Handlers = Record<SegmentEventName, true>;
    const partial = { 'Email Opened': true } as const;
    // @ts-expect-error every catalog event needs an entry
    const handlers: Handlers = partial;
    expectTypeOf(handlers).toEqualTypeOf<Handlers>();

    function describeCall(call: SegmentTrack): string {
      switch (call.event) {
        case 'Email Opened':
          return call.properties.subject ?? '';
        default:
          return call.event;
      }
    }
    expectTypeOf(describeCall).returns.toEqualTypeOf<string>();

    function exhaustive(call: SegmentTrack): number {
      switch (call.event.split(' ')[0]) {
        default:
          return 0;
      }
    }
    expectTypeOf(exhaustive).returns.toEqualTypeOf<number>();
  });

  test('an unhandled catalog event is caught by a never check', () => {
    function only(call: SegmentTrack): void {
      if (call.event === 'Email Opened') return;
      // @ts-expect-error 'SMS Sent' and every other event remain: not never
      const rest: never = call;
      void rest;
    }
    expectTypeOf(only).toBeFunction();
  });
});
