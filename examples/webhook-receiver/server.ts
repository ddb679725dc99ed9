// Customer.io reporting webhooks → Segment, on node:http: the library's handler and its Node adapter.
// Walkthrough, the reasons behind each status code, and recipes for Express, Hono, Next.js and
// Cloudflare Workers: docs/receiving.md. The same server without code: `npx customerio-segment serve`.
//
// npm install customerio-segment
// CIO_SIGNING_KEY=… SEGMENT_WRITE_KEY=… node server.ts   (or tsx server.ts on Node 20)
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createWebhookHandler, type WebhookHandler, type WebhookHandlerOptions } from 'customerio-segment';
import { toNodeHandler } from 'customerio-segment/node';

/** The receiver: a handler (verify, validate, map, send to Segment, answer) behind node:http. */
export function createReceiver(options: WebhookHandlerOptions): { server: Server; handler: WebhookHandler } {
  const handler = createWebhookHandler({
    // A signed body that can never be delivered is answered 2xx (so it does not hold back the webhook's
    // later events) and handed here: keep it somewhere you will look.
    onRejected: (rejection) => console.error(JSON.stringify({ rejected: rejection.reason, issues: rejection.issues, body: rejection.body })),
    ...options,
  });
  return { server: createServer(toNodeHandler(handler)), handler };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { server, handler } = createReceiver({
    signingKey: (process.env.CIO_SIGNING_KEY ?? '').split(','), // several while rotating the key
    writeKey: process.env.SEGMENT_WRITE_KEY ?? '',
    region: process.env.SEGMENT_REGION === 'eu' ? 'eu' : 'us',
    onEvent: (entry) => console.log(JSON.stringify(entry)),
  });
  server.listen(Number(process.env.PORT ?? 3000));
  process.once('SIGTERM', () => server.close(() => void handler.close()));
}
