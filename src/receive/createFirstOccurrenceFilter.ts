import type { AnyWebhook } from '../catalog/reportingWebhook';
import { createMemoryFirstOccurrenceStore } from './createMemoryFirstOccurrenceStore';
import { firstOccurrenceKey } from './firstOccurrenceKey';
import type { FirstOccurrenceStore } from './firstOccurrenceStore';

/** Options of {@link createFirstOccurrenceFilter}. */
export interface FirstOccurrenceFilterOptions {
  /** Where seen events are remembered. Default: a new {@link createMemoryFirstOccurrenceStore}. */
  readonly store?: FirstOccurrenceStore | undefined;
  /**
   * How long an occurrence is remembered, in seconds. Default: 30 days, well past Customer.io's 7 days
   * of retries; a repeat after that passes again.
   */
  readonly ttlSeconds?: number | undefined;
  /** The occurrence key of a webhook. Default: {@link firstOccurrenceKey}. */
  readonly keyFor?: ((webhook: AnyWebhook) => string) | undefined;
}

/** What {@link FirstOccurrenceFilter.check} decided for one webhook. */
export type FirstOccurrenceDecision =
  | {
      /** Send it: the first occurrence of its event, or a retry of a first occurrence not yet confirmed sent. */
      readonly pass: true;
      readonly key: string;
      /** `true` when this `event_id` already held the key unconfirmed: a retry of an attempt that failed or is in flight. */
      readonly retry: boolean;
      /** Record that the event reached its destination: later deliveries of the same `event_id` are `already_sent`. */
      readonly confirm: () => Promise<void>;
      /** Forget the occurrence, so that the next delivery of this webhook passes as new: call it when sending failed. */
      readonly release: () => Promise<void>;
    }
  | {
      /**
       * Do not send it. `repeat`: another event (`firstEventId`) was the first occurrence.
       * `already_sent`: this very event was sent and confirmed; Customer.io is retrying a lost answer.
       */
      readonly pass: false;
      readonly reason: 'repeat' | 'already_sent';
      readonly key: string;
      readonly firstEventId: string;
    };

/** A Send Frequency "first occurrence" filter made by {@link createFirstOccurrenceFilter}. */
export interface FirstOccurrenceFilter {
  /** Claims the webhook's occurrence key for its `event_id`, and tells whether to send it. */
  check(webhook: AnyWebhook): Promise<FirstOccurrenceDecision>;
}

const defaultTtlSeconds = 30 * 24 * 60 * 60;
const pending = 'pending:';
const sent = 'sent:';

/**
 * Creates a filter that passes a webhook only the first time its event occurs (Send Frequency: first
 * occurrence), as {@link firstOccurrenceKey} defines an occurrence.
 *
 * As in Customer.io, only opens and clicks are made unique (once per delivery). Every other metric is
 * keyed by its own `event_id`, so it always passes: its `check` is `{ pass: true, retry: false }` with a
 * working `confirm`/`release`, and the only delivery it stops is Customer.io's retry of that same
 * event once confirmed sent (`already_sent`), which is not a repeat.
 *
 * Each key goes through two states. `check` claims it as pending for the webhook's `event_id`;
 * `confirm()` marks it sent once the destination took the event; `release()` frees it when sending
 * failed. A Customer.io retry carries the same `event_id`, so it is never mistaken for a repeat: while
 * the key is pending (the first attempt failed without `release`, crashed, or is still in flight) the
 * retry passes again (`retry: true`; Segment deduplicates on the `messageId` that `toSegmentTrack`
 * derives from `event_id`), and once it is sent the retry is `already_sent`, to be answered with a 2xx.
 *
 * @example
 * const decision = await filter.check(webhook);
 * if (!decision.pass) return respond(200); // a repeat or an answered retry: deliberately not sent
 * try { await send(toSegmentTrack(webhook)); } catch { await decision.release(); return respond(503); }
 * await decision.confirm();
 */
export function createFirstOccurrenceFilter(options?: FirstOccurrenceFilterOptions): FirstOccurrenceFilter {
  const store = options?.store ?? createMemoryFirstOccurrenceStore();
  const ttlSeconds = options?.ttlSeconds ?? defaultTtlSeconds;
  if (!(ttlSeconds > 0) || !Number.isFinite(ttlSeconds)) {
    throw new RangeError(`ttlSeconds must be a positive number, received ${String(ttlSeconds)}`);
  }
  const keyFor = options?.keyFor ?? firstOccurrenceKey;

  return {
    async check(webhook) {
      const key = keyFor(webhook);
      const eventId = webhook.event_id;
      const claim = pending + eventId;
      const holder = await store.setIfAbsent(key, claim, ttlSeconds);
      if (holder === sent + eventId) return { pass: false, reason: 'already_sent', key, firstEventId: eventId };
      if (holder !== undefined && holder !== claim) {
        return { pass: false, reason: 'repeat', key, firstEventId: holderEventId(holder) };
      }
      return {
        pass: true,
        key,
        retry: holder !== undefined,
        confirm: () => store.set(key, sent + eventId, ttlSeconds),
        release: () => store.deleteIfValue(key, claim),
      };
    },
  };
}

// A value written by another version or by hand is handed back whole rather than misread.
function holderEventId(holder: string): string {
  if (holder.startsWith(pending)) return holder.slice(pending.length);
  if (holder.startsWith(sent)) return holder.slice(sent.length);
  return holder;
}
