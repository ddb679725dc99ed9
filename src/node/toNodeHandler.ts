import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerWebhook } from '../receive/answerWebhook';
import type { IncomingWebhook, WebhookAnswer } from '../receive/createWebhookHandler';
import { concatChunks } from '../receive/readRequestBody';

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** The largest body read, in bytes; a larger one is answered 413 without reading on. Default: 1 MiB. */
  readonly maxBodyBytes?: number | undefined;
}

/** A `node:http` request listener, also usable as Express middleware (it always answers). */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

const defaultMaxBodyBytes = 1024 * 1024;

/**
 * Turns a web-standard `(request: Request) => Promise<Response>` handler, such as the one
 * `createWebhookHandler` makes, into a `node:http` request listener, for `http.createServer` and Express.
 *
 * It reads the raw body itself, because the signature covers the bytes exactly as sent. When a framework
 * has already consumed the body (`express.json()` mounted before the route), the bytes are gone: it
 * answers 500 with a message that says so, rather than a misleading signature failure. A body that
 * `express.raw()` left as bytes in `req.body` is used as it is.
 *
 * @throws {RangeError} When `maxBodyBytes` is not a positive integer.
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(createWebhookHandler({ signingKey, sink }))).listen(3000);
 * // Express: app.post('/customerio', toNodeHandler(handler)), mounted before express.json()
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
  options?: NodeHandlerOptions,
): NodeRequestListener {
  const maxBodyBytes = options?.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new RangeError(`maxBodyBytes must be a positive integer, received ${String(maxBodyBytes)}`);
  }
  return (request, response) => {
    serve(handler, request, response, maxBodyBytes).catch((error: unknown) => {
      answer(response, 500, { outcome: 'failed', reason: `internal_error: ${error instanceof Error ? error.message : String(error)}` });
    });
  };
}

async function serve(
  handler: (request: Request) => Promise<Response>,
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes: number,
): Promise<void> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let body: Uint8Array | undefined;
  if (hasBody) {
    const read = await rawBody(request, maxBodyBytes);
    if (typeof read === 'string') {
      answer(response, read === tooLarge ? 413 : 500, {
        outcome: read === tooLarge ? 'body_too_large' : 'failed',
        reason: read === tooLarge ? `the body is over ${maxBodyBytes} bytes` : read,
      });
      return;
    }
    body = read;
  }
  // A handler from createWebhookHandler is called in its transport-neutral form: building a Request and
  // a Response for each webhook cost more than the rest of the handler (docs/performance.md#receiver).
  const core = (handler as { [answerWebhook]?: (incoming: IncomingWebhook) => Promise<WebhookAnswer> })[answerWebhook];
  if (typeof core === 'function') {
    const bytes = body ?? new Uint8Array(0);
    const answer = await core({
      method: request.method ?? 'GET',
      header: (name) => headerValue(request.headers[name]),
      body: (limit) => Promise.resolve(bytes.byteLength > limit ? undefined : bytes),
      hmacSha256Hex,
    });
    if (!response.headersSent) response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return;
  }
  const url = `http://${hostOf(request)}${request.url ?? '/'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const webRequest = new Request(url, { method: request.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
  const webResponse = await handler(webRequest);
  const payload = new Uint8Array(await webResponse.arrayBuffer());
  const outgoing: Record<string, string> = {};
  webResponse.headers.forEach((value, name) => {
    outgoing[name] = value;
  });
  if (!response.headersSent) response.writeHead(webResponse.status, outgoing);
  response.end(payload);
}

const tooLarge = 'too_large';
const alreadyRead =
  'the request body was already read by a body parser (such as express.json()) before this handler, so its raw bytes, which the signature covers, are gone: mount this route before express.json(), or give it express.raw({ type: "*/*" })';

// The raw body; or `tooLarge`; or, when a framework got there first, the sentence to answer with.
async function rawBody(request: IncomingMessage, limit: number): Promise<Uint8Array | string> {
  const parsed = (request as IncomingMessage & { body?: unknown }).body;
  if (parsed instanceof Uint8Array) return parsed.byteLength > limit ? tooLarge : parsed; // express.raw()
  // body-parser marks what it consumed with `_body`; a stream that has ended cannot be read again.
  if ((request as IncomingMessage & { _body?: unknown })._body === true || request.readableEnded) return alreadyRead;
  const declared = Number(request.headers['content-length']);
  if (declared > limit) {
    request.resume();
    return tooLarge;
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const onData = (chunk: Uint8Array): void => {
      size += chunk.byteLength;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // The rest is discarded as it arrives rather than held, and the 413 goes out at once.
      request.off('data', onData);
      request.off('end', onEnd);
      request.resume();
      resolve(tooLarge);
    };
    const onEnd = (): void => resolve(concatChunks(chunks, size));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

// node:crypto's HMAC, synchronous: a few microseconds where Web Crypto's asynchronous sign costs tens on Node.
function hmacSha256Hex(key: string, message: Uint8Array): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

// As `Headers.get` reads it: repeated values joined by ", ".
function headerValue(value: string | readonly string[] | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : value.join(', ');
}

function hostOf(request: IncomingMessage): string {
  const host = request.headers.host;
  // An absent or odd Host header must not make the URL invalid: the handler does not route on it.
  return typeof host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : 'localhost';
}

function answer(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
