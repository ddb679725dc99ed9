import { hmacSha256 } from './hmacSha256';

/** What {@link signWebhook} signs. */
export interface SignWebhookInput {
  /** The body exactly as it will be sent: a string (signed as UTF-8) or its bytes. */
  readonly body: string | Uint8Array | ArrayBuffer | ArrayBufferView;
  /** The reporting webhook's signing key. */
  readonly key: string;
  /** When the request is sent: unix seconds, or a Date (rounded down to the second). Default: now. */
  readonly timestamp?: number | Date | undefined;
}

/**
 * The two headers Customer.io sends with a signed reporting webhook. A type rather than an interface,
 * so that it can be passed as `HeadersInit` or a header record as it is.
 */
export type WebhookSignatureHeaders = {
  readonly 'x-cio-timestamp': string;
  readonly 'x-cio-signature': string;
};

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Signs a body as Customer.io signs a reporting webhook, and returns the `X-CIO-Timestamp` and
 * `X-CIO-Signature` headers: for tests of your receiver, and for replaying events you stored.
 *
 * The signature is HMAC-SHA256, in lowercase hex, over `"v0:" + timestamp + ":" + body` keyed with the
 * signing key, as {@link verifyWebhookSignature} checks it. Web Crypto, so it runs on any runtime.
 *
 * @throws {TypeError} (as a rejection) For an empty key, a body that is neither text nor bytes, or a
 *   timestamp that is not a whole number of seconds of 0 or more.
 * @example
 * const body = JSON.stringify(webhook);
 * const headers = await signWebhook({ body, key: 'test-key' });
 * await handler(new Request('http://localhost/', { method: 'POST', body, headers }));
 */
export async function signWebhook(input: SignWebhookInput): Promise<WebhookSignatureHeaders> {
  if (typeof input !== 'object' || input === null) throw new TypeError('signWebhook: input must be { body, key, timestamp? }');
  const { body, key, timestamp } = input;
  if (typeof key !== 'string' || key === '') throw new TypeError('signWebhook: key must be a non-empty string');
  const bytes =
    typeof body === 'string'
      ? encoder.encode(body)
      : body instanceof ArrayBuffer
        ? new Uint8Array(body)
        : ArrayBuffer.isView(body)
          ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
          : undefined;
  if (bytes === undefined) throw new TypeError('signWebhook: body must be a string or bytes (the exact body to send)');
  const seconds =
    timestamp === undefined ? Math.floor(Date.now() / 1000) : timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TypeError(`signWebhook: timestamp must be unix seconds (a whole number of 0 or more) or a Date, received ${String(timestamp)}`);
  }
  const prefix = encoder.encode(`v0:${seconds}:`);
  const message = new Uint8Array(prefix.length + bytes.length);
  message.set(prefix, 0);
  message.set(bytes, prefix.length);
  const mac = await hmacSha256(key, message);
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return { 'x-cio-timestamp': String(seconds), 'x-cio-signature': hex };
}
