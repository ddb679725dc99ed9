import { hmacSha256 } from './hmacSha256';

/** Every reason {@link verifyWebhookSignature} can give for rejecting a request; the list is closed. */
export const signatureFailureReasons = [
  'invalid_input',
  'missing_signing_key',
  'missing_body',
  'body_already_parsed',
  'body_too_large',
  'missing_timestamp',
  'malformed_timestamp',
  'timestamp_too_old',
  'timestamp_in_future',
  'missing_signature',
  'malformed_signature',
  'signature_mismatch',
  'crypto_unavailable',
] as const;

/** Why {@link verifyWebhookSignature} rejected a request. */
export type SignatureFailureReason = (typeof signatureFailureReasons)[number];

/** The request parts and settings that {@link verifyWebhookSignature} checks. */
export interface VerifyWebhookSignatureInput {
  /** The request body exactly as received: a string, or its bytes (hashed as given, never re-encoded). */
  readonly rawBody: string | Uint8Array | ArrayBuffer | ArrayBufferView | null | undefined;
  /** The `X-CIO-Timestamp` header: unix seconds, as a string. Arrays (repeated headers) are rejected. */
  readonly timestamp: string | readonly string[] | null | undefined;
  /** The `X-CIO-Signature` header: the HMAC-SHA256 in hex (lowercase, or uppercase). */
  readonly signature: string | readonly string[] | null | undefined;
  /**
   * The reporting webhook's signing key, from Customer.io's webhook settings. Several keys while you
   * rotate it: the signature passes if it matches any of them.
   */
  readonly signingKey: string | readonly string[] | null | undefined;
  /** How far `timestamp` may lie from `now`, in either direction, in seconds. Default: 300. */
  readonly toleranceSeconds?: number | undefined;
  /** The current time. Default: `new Date()`. */
  readonly now?: Date | undefined;
}

/** The outcome of {@link verifyWebhookSignature}. */
export type SignatureVerification =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: SignatureFailureReason };

/** How far `X-CIO-Timestamp` may be from now, in seconds, when no `toleranceSeconds` is given. */
export const defaultToleranceSeconds = 300;
// Unix seconds as Customer.io sends them: plain decimal digits. Fifteen digits keep it an exact number.
const timestampPattern = /^[0-9]{1,15}$/;
const signaturePattern = /^[0-9a-fA-F]{64}$/;
const encoder = /* @__PURE__ */ new TextEncoder();


/**
 * Checks a Customer.io reporting webhook's `X-CIO-Signature` against its body and `X-CIO-Timestamp`.
 *
 * The signature is HMAC-SHA256 over `"v0:" + timestamp + ":" + rawBody` keyed with the webhook's
 * signing key (https://docs.customer.io/journeys/webhooks/), computed with Web Crypto so that it runs in
 * Node.js ≥ 20, Deno, Bun, browsers and edge workers, and compared in constant time. A timestamp more
 * than `toleranceSeconds` away from `now`, in the past or the future, is rejected to stop replays.
 *
 * With several signing keys (rotation), every key is tried, each compared in constant time, and the
 * signature passes if any matches. A body that is already a parsed object (a framework's JSON body
 * parser ran first) is `body_already_parsed`: the signature covers the bytes as sent, which a parsed
 * object no longer has.
 *
 * Never throws and never rejects: missing or malformed input is `{ valid: false, reason }`
 * ({@link signatureFailureMessage} says what each reason means and what to do).
 *
 * @example
 * const result = await verifyWebhookSignature({
 *   rawBody,
 *   timestamp: request.headers.get('x-cio-timestamp'),
 *   signature: request.headers.get('x-cio-signature'),
 *   signingKey: env.CIO_SIGNING_KEY,
 * });
 * if (!result.valid) return new Response(result.reason, { status: 401 });
 */
export async function verifyWebhookSignature(input: VerifyWebhookSignatureInput): Promise<SignatureVerification> {
  try {
    return await verify(input);
  } catch {
    // Only Web Crypto can throw past the checks in `verify` (missing, or a runtime that refuses HMAC).
    return failure('crypto_unavailable');
  }
}

async function verify(input: VerifyWebhookSignatureInput): Promise<SignatureVerification> {
  if (typeof input !== 'object' || input === null) return failure('invalid_input');
  const { rawBody, timestamp, signature, signingKey, toleranceSeconds = defaultToleranceSeconds, now } = input;
  if (typeof toleranceSeconds !== 'number' || Number.isNaN(toleranceSeconds) || toleranceSeconds < 0) {
    return failure('invalid_input');
  }
  const nowMs = now === undefined ? Date.now() : now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(nowMs)) return failure('invalid_input');

  const keys: readonly unknown[] = Array.isArray(signingKey) ? signingKey : [signingKey];
  if (keys.length === 0 || !keys.every((k): k is string => typeof k === 'string' && k !== '')) {
    return failure('missing_signing_key');
  }
  const body = bodyBytes(rawBody);
  if (body === 'parsed') return failure('body_already_parsed');
  if (body === undefined) return failure('missing_body');
  if (timestamp === undefined || timestamp === null || timestamp === '') return failure('missing_timestamp');
  if (typeof timestamp !== 'string' || !timestampPattern.test(timestamp)) return failure('malformed_timestamp');
  if (signature === undefined || signature === null || signature === '') return failure('missing_signature');
  if (typeof signature !== 'string' || !signaturePattern.test(signature)) return failure('malformed_signature');

  // Compared in milliseconds so that a fractional `now` cannot round a stale request into the window.
  const skewMs = nowMs - Number(timestamp) * 1000;
  if (skewMs > toleranceSeconds * 1000) return failure('timestamp_too_old');
  if (-skewMs > toleranceSeconds * 1000) return failure('timestamp_in_future');

  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return failure('crypto_unavailable');
  const prefix = encoder.encode(`v0:${timestamp}:`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix, 0);
  message.set(body, prefix.length);
  // Every key is tried, whichever matches: the time taken does not tell which one did.
  let matched = false;
  for (const secret of keys as readonly string[]) {
    const mac = await hmacSha256(secret, message);
    matched = equalsHex(mac, signature) || matched;
  }
  return matched ? { valid: true } : failure('signature_mismatch');
}

function failure(reason: SignatureFailureReason): SignatureVerification {
  return { valid: false, reason };
}

function bodyBytes(rawBody: unknown): Uint8Array | 'parsed' | undefined {
  if (typeof rawBody === 'string') return encoder.encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  if (ArrayBuffer.isView(rawBody)) return new Uint8Array(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  // Any other object is what a body parser made of the bytes (Express's `req.body` after express.json()).
  if (typeof rawBody === 'object' && rawBody !== null) return 'parsed';
  return undefined;
}

// Visits every byte whatever the first difference, so the time taken says nothing about where it is.
// `hex` is known to be 64 hex digits here.
function equalsHex(mac: Uint8Array, hex: string): boolean {
  let difference = mac.length ^ (hex.length >>> 1);
  for (let i = 0; i < mac.length; i++) {
    difference |= (mac[i] ?? 0) ^ hexByte(hex, i * 2);
  }
  return difference === 0;
}

function hexByte(hex: string, at: number): number {
  return (hexDigit(hex.charCodeAt(at)) << 4) | hexDigit(hex.charCodeAt(at + 1));
}

// Branch-free on the digit's value: 0-9 is `code & 0xf`, a-f/A-F is `(code & 0xf) + 9`.
function hexDigit(code: number): number {
  return (code & 0xf) + 9 * (code >>> 6);
}
