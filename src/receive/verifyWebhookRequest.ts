import { signatureFailureMessage } from './signatureFailureMessage';
import type { SignatureFailureReason } from './verifyWebhookSignature';
import { verifyWebhookSignature } from './verifyWebhookSignature';
import { readRequestBody } from './readRequestBody';

/** A request already taken apart: its headers and its raw body, as a Node server or a framework has them. */
export interface WebhookRequestParts {
  /** A `Headers` object, or a record such as Node's `req.headers` (names matched case-insensitively). */
  readonly headers:
    | { get(name: string): string | null }
    | Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * The body exactly as received: text or bytes. An object here is a body a framework already parsed
   * (`body_already_parsed`).
   */
  readonly rawBody: unknown;
}

/** Options of {@link verifyWebhookRequest}. */
export interface VerifyWebhookRequestOptions {
  /** How far `X-CIO-Timestamp` may lie from `now`, in seconds. Default: 300. */
  readonly toleranceSeconds?: number | undefined;
  /** The current time. Default: `new Date()`. */
  readonly now?: Date | undefined;
  /** The largest body read, in bytes; a larger one is `body_too_large`, and is not read to the end. Default: 1 MiB. */
  readonly maxBodyBytes?: number | undefined;
}

/** The outcome of {@link verifyWebhookRequest}: the verification, with the body read once. */
export type WebhookRequestVerification =
  | {
      readonly valid: true;
      /** The body as text (UTF-8; an invalid sequence reads as U+FFFD, and JSON parsing will tell). */
      readonly rawBody: string;
    }
  | {
      readonly valid: false;
      readonly reason: SignatureFailureReason;
      /** One sentence for a log line or the 401 body ({@link signatureFailureMessage}). */
      readonly message: string;
      /** The body as text when it could be read, for a dead-letter log; `undefined` otherwise. */
      readonly rawBody: string | undefined;
    };

const defaultMaxBodyBytes = 1024 * 1024;
const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Verifies a Customer.io reporting webhook in one call: reads the body once, takes the
 * `X-CIO-Timestamp` and `X-CIO-Signature` headers, and checks the signature against one signing key
 * or several (rotation: any of them may match).
 *
 * Takes a web-standard `Request` (Deno, Bun, Workers, Next.js, Hono, Node ≥ 20), or `{ headers, rawBody }`
 * from a Node server or a framework. Returns the verification of {@link verifyWebhookSignature} with a
 * `message`, and the body as text, ready for `JSON.parse`. Never throws and never rejects.
 *
 * @example
 * const result = await verifyWebhookRequest(request, env.CIO_SIGNING_KEY.split(','));
 * if (!result.valid) return new Response(result.message, { status: 401 });
 * const json = JSON.parse(result.rawBody);
 */
export async function verifyWebhookRequest(
  request: Request | WebhookRequestParts,
  keys: string | readonly string[],
  options?: VerifyWebhookRequestOptions,
): Promise<WebhookRequestVerification> {
  const maxBodyBytes = options?.maxBodyBytes ?? defaultMaxBodyBytes;
  if (typeof maxBodyBytes !== 'number' || !(maxBodyBytes >= 0)) return failure('invalid_input', undefined);
  if (typeof request !== 'object' || request === null) return failure('invalid_input', undefined);

  let timestamp: unknown;
  let signature: unknown;
  let body: Uint8Array | string | unknown;
  if (isRequest(request)) {
    timestamp = request.headers.get('x-cio-timestamp');
    signature = request.headers.get('x-cio-signature');
    const bytes = await readRequestBody(request, maxBodyBytes);
    const read = bytes === 'too_large' ? 'body_too_large' : bytes === 'unreadable' || (bytes.byteLength === 0 && request.body === null) ? 'missing_body' : bytes;
    if (typeof read === 'string') return failure(read, undefined);
    body = read;
  } else {
    const { headers, rawBody } = request as WebhookRequestParts;
    if (typeof headers !== 'object' || headers === null) return failure('invalid_input', undefined);
    timestamp = header(headers, 'x-cio-timestamp');
    signature = header(headers, 'x-cio-signature');
    body = rawBody;
    const size = typeof rawBody === 'string' ? rawBody.length : ArrayBuffer.isView(rawBody) || rawBody instanceof ArrayBuffer ? rawBody.byteLength : 0;
    // A string's UTF-8 is at least as long as its UTF-16 units: over the limit in units is over in bytes.
    if (size > maxBodyBytes) return failure('body_too_large', undefined);
  }

  const text = textOf(body);
  const result = await verifyWebhookSignature({
    rawBody: body as string,
    timestamp: timestamp as string,
    signature: signature as string,
    signingKey: keys,
    toleranceSeconds: options?.toleranceSeconds,
    now: options?.now,
  });
  if (result.valid) return { valid: true, rawBody: text ?? '' };
  return failure(result.reason, text);
}

function failure(reason: SignatureFailureReason, rawBody: string | undefined): WebhookRequestVerification {
  return { valid: false, reason, message: signatureFailureMessage(reason), rawBody };
}

function isRequest(value: object): value is Request {
  return (
    typeof (value as Request).arrayBuffer === 'function' &&
    typeof (value as Request).headers === 'object' &&
    typeof (value as Request).headers?.get === 'function'
  );
}

function textOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return decoder.decode(body);
  if (ArrayBuffer.isView(body)) return decoder.decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  return undefined;
}

// A header from a Headers object, or from a record whose names may not be lower-case.
function header(headers: WebhookRequestParts['headers'], name: string): unknown {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(name: string): string | null }).get(name);
  const record = headers as Readonly<Record<string, unknown>>;
  if (Object.hasOwn(record, name)) return record[name];
  for (const key of Object.keys(record)) if (key.toLowerCase() === name) return record[key];
  return undefined;
}
