/**
 * What a {@link WebhookSink} did with the calls it was handed.
 *
 * The shape is the one a Segment sender's `send` answers with, so a sender can be a sink as it is:
 * `sent` (the destination or a queue took every call), `failed` (nothing is known to be taken: the
 * handler answers 503 so that Customer.io sends the event again), `rejected` (the calls can never be
 * taken, for example too large for Segment: the handler answers 2xx and hands them to `onRejected`).
 */
export type WebhookSinkOutcome =
  | { readonly status: 'sent'; readonly count?: number | undefined }
  | {
      readonly status: 'failed';
      readonly reason: string;
      readonly httpStatus?: number | undefined;
      readonly retryable?: boolean | undefined;
    }
  | { readonly status: 'rejected'; readonly rejected: readonly { readonly reason: string }[] };

/**
 * Where the webhook handler puts the Segment calls it made: a Segment sender (the default), or a
 * durable queue the user owns (SQS, Kafka, Redis Streams, Cloudflare Queues).
 *
 * It resolves once the calls are taken: the handler answers 200 only then. Resolving with nothing
 * (`undefined`) means taken; throwing, or rejecting, means failed. `signal` aborts when the handler's
 * answer budget runs out and it answers 503: work still under way is then wasted, since Customer.io
 * will send the event again.
 *
 * @example
 * const sink: WebhookSink = async (calls, { signal }) => {
 *   await queue.send(JSON.stringify(calls), { signal }); // answered 200 once the queue has it
 * };
 */
export type WebhookSink = (
  calls: readonly object[],
  options: { readonly signal: AbortSignal },
) => Promise<WebhookSinkOutcome | undefined | void>;
