// The same receiver as a Cloudflare Worker (or any runtime with Request/Response: Deno, Bun, Vercel
// Edge): the handler is the whole Worker. Its settings come from the Worker's environment (secrets).
// Walkthrough: docs/receiving.md.
import { createWebhookHandler, type WebhookHandler } from 'customerio-segment';

/** The Worker's bindings: `wrangler secret put CIO_SIGNING_KEY`, … */
export interface Env {
  readonly CIO_SIGNING_KEY: string;
  readonly SEGMENT_WRITE_KEY: string;
  readonly SEGMENT_REGION?: string;
  /** "true": the message body in "Sent" events (Body Content). */
  readonly BODY_CONTENT?: string;
  /** A base URL instead of Segment's (a proxy, or a stand-in in tests). */
  readonly SEGMENT_ENDPOINT?: string;
}

let handler: WebhookHandler | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    // Made once per isolate, on the first request, when the environment is known.
    handler ??= createWebhookHandler({
      signingKey: env.CIO_SIGNING_KEY.split(','),
      writeKey: env.SEGMENT_WRITE_KEY,
      region: env.SEGMENT_REGION === 'eu' ? 'eu' : 'us',
      mapping: { bodyContent: env.BODY_CONTENT === 'true' },
      ...(env.SEGMENT_ENDPOINT === undefined ? {} : { endpoint: env.SEGMENT_ENDPOINT }),
    });
    return handler(request);
  },
};
