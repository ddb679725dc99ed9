/** Options of {@link toDeliveredTrack}: the two clocks of a delivery. */
export interface ToDeliveredTrackOptions {
  /** When the sender sent the call (the sender's clock). */
  readonly sentAt: Date | string;
  /** When Segment received it (Segment's clock). */
  readonly receivedAt: Date | string;
  /** The write key Segment shows on the delivered call, when there is one. */
  readonly writeKey?: string | undefined;
}

/** A call as Segment shows it after receiving it: the sender's `timestamp` kept as `originalTimestamp`. */
export type DeliveredTrack<TTrack extends { timestamp: string }> = Omit<TTrack, 'timestamp'> & {
  originalTimestamp: string;
  sentAt: string;
  receivedAt: string;
  timestamp: string;
  writeKey?: string;
};

function toMillis(value: Date | string, name: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date: ${String(value)}`);
  return ms;
}

/**
 * Applies Segment's receive-side rules to a call, giving the form Segment's debugger and warehouses
 * show (and in which Customer.io documents the integration's payloads, `test/fixtures/seed-004/`).
 *
 * The call's `timestamp` becomes `originalTimestamp`, and `timestamp` is corrected for clock skew:
 * `receivedAt − (sentAt − originalTimestamp)` (https://segment.com/docs/connections/spec/common/#timestamps). Pure; throws a `RangeError`
 * only when a date given here is invalid, and a `TypeError` when `call` is not a track call.
 */
export function toDeliveredTrack<TTrack extends { timestamp: string }>(
  call: TTrack,
  options: ToDeliveredTrackOptions,
): DeliveredTrack<TTrack> {
  if (typeof call !== 'object' || call === null || typeof call.timestamp !== 'string') {
    throw new TypeError('toDeliveredTrack expects a track call with a string timestamp, as toSegmentTrack makes it: map a validated webhook first');
  }
  const original = toMillis(call.timestamp, 'timestamp');
  const sentAt = toMillis(options.sentAt, 'sentAt');
  const receivedAt = toMillis(options.receivedAt, 'receivedAt');
  const delivered = {
    ...call,
    originalTimestamp: call.timestamp,
    sentAt: new Date(sentAt).toISOString(),
    receivedAt: new Date(receivedAt).toISOString(),
    timestamp: new Date(receivedAt - (sentAt - original)).toISOString(),
  };
  return (options.writeKey === undefined ? delivered : { ...delivered, writeKey: options.writeKey }) as DeliveredTrack<TTrack>;
}
