// The same receiver for runtimes with the Web `Request`/`Response`/`fetch` API (Cloudflare Workers,
// Deno, Bun, Vercel Edge, Node ≥ 20): no node: import, no analytics-node, one fetch to /v1/batch.
// Walkthrough: docs/receiving.md. In your project, import from 'customerio-segment'.
import {
  createFirstOccurrenceFilter,
  type FirstOccurrenceFilter,
  safeParseWebhook,
  segmentEndpoint,
  type SegmentRegion,
  toSegmentBatches,
  toSegmentTrack,
  type ToSegmentTrackOptions,
  verifyWebhookSignature,
} from '../../src/index';

/** Settings of {@link createEdgeWebhookHandler}. */
export interface EdgeWebhookHandlerOptions {
  readonly signingKey: string;
  readonly writeKey: string;
  /** Default: `'us'`. */
  readonly region?: SegmentRegion | undefined;
  /** The full `/v1/batch` URL; overrides `region` (a proxy, or a stand-in in tests). */
  readonly endpoint?: string | undefined;
  /**
   * Send Frequency "first occurrence", or `null` for every occurrence. An isolate's memory is not
   * shared and not kept, so on an edge platform pass a filter over a shared store (docs/receiving.md).
   */
  readonly filter?: FirstOccurrenceFilter | null | undefined;
  readonly mapping?: ToSegmentTrackOptions | undefined;
}

const json = (status: number, body: Record<string, unknown>): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Creates a `(request: Request) => Promise<Response>` handler for Customer.io reporting webhooks. */
export function createEdgeWebhookHandler(options: EdgeWebhookHandlerOptions): (request: Request) => Promise<Response> {
  const filter = options.filter === undefined ? createFirstOccurrenceFilter() : options.filter;
  const endpoint = options.endpoint ?? segmentEndpoint(options.region ?? 'us');
  const authorization = `Basic ${btoa(`${options.writeKey}:`)}`;

  return async (request) => {
    if (request.method !== 'POST') return json(405, { outcome: 'rejected', reason: 'use POST' });
    // The bytes as received: parsing first and re-serializing would change what was signed.
    const rawBody = new Uint8Array(await request.arrayBuffer());
    const verification = await verifyWebhookSignature({
      rawBody,
      timestamp: request.headers.get('x-cio-timestamp'),
      signature: request.headers.get('x-cio-signature'),
      signingKey: options.signingKey,
    });
    if (!verification.valid) return json(401, { outcome: 'unauthorized', reason: verification.reason });

    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
    } catch {
      return json(400, { outcome: 'invalid', reason: 'body is not JSON' });
    }
    const parsed = safeParseWebhook(body, { allowUnknownEvents: true });
    if (!parsed.success) return json(400, { outcome: 'invalid', issues: parsed.issues });

    const call = toSegmentTrack(parsed.value, options.mapping ?? {});
    if (call === null) return json(200, { outcome: 'not_sent', reason: 'event disabled' });
    const decision = filter === null ? undefined : await filter.check(parsed.value);
    if (decision !== undefined && !decision.pass) return json(200, { outcome: 'not_sent', reason: decision.reason });

    const { batches, rejected } = toSegmentBatches([call], {
      writeKey: options.writeKey,
      sentAt: new Date(),
      dropOversizedContent: true,
    });
    // Too large for Segment even without its body: no retry can change that, so it is not sent.
    if (rejected.length > 0 || batches[0] === undefined) {
      await decision?.confirm();
      return json(200, { outcome: 'not_sent', reason: 'too large for Segment' });
    }
    let sent = false;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: batches[0].json,
        signal: AbortSignal.timeout(3000),
      });
      sent = response.ok;
    } catch {
      sent = false;
    }
    if (!sent) {
      await decision?.release();
      return json(503, { outcome: 'failed', reason: 'Segment did not take the event' });
    }
    await decision?.confirm();
    return json(200, { outcome: 'sent' });
  };
}
