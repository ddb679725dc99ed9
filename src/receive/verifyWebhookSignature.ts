/** Every reason {@link verifyWebhookSignature} can give for rejecting a request; the list is closed. */
export const signatureFailureReasons = [
  'invalid_input',
  'missing_signing_key',
  'missing_body',
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
  /** The reporting webhook's signing key, from Customer.io's webhook settings. */
  readonly signingKey: string | null | undefined;
  /** How far `timestamp` may lie from `now`, in either direction, in seconds. Default: 300. */
  readonly toleranceSeconds?: number | undefined;
  /** The current time. Default: `new Date()`. */
  readonly now?: Date | undefined;
}

/** The outcome of {@link verifyWebhookSignature}. */
export type SignatureVerification =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: SignatureFailureReason };

const defaultToleranceSeconds = 300;
// Unix seconds as Customer.io sends them: plain decimal digits. Fifteen digits keep it an exact number.
const timestampPattern = /^[0-9]{1,15}$/;
const signaturePattern = /^[0-9a-fA-F]{64}$/;
const encoder = /* @__PURE__ */ new TextEncoder();

// Derived from the global rather than named, so that no DOM or WebWorker lib is needed to compile.
type Subtle = typeof globalThis.crypto.subtle;
type HmacKey = Awaited<ReturnType<Subtle['importKey']>>;

// Importing the key costs more than the HMAC of a small body; a receiver uses one key, so remember the last.
let cachedKey: { readonly secret: string; readonly key: Promise<HmacKey> } | undefined;

/**
 * Checks a Customer.io reporting webhook's `X-CIO-Signature` against its body and `X-CIO-Timestamp`.
 *
 * The signature is HMAC-SHA256 over `"v0:" + timestamp + ":" + rawBody` keyed with the webhook's
 * signing key (`reference/customerio-webhooks.md` §4), computed with Web Crypto so that it runs in
 * Node.js ≥ 20, Deno, Bun, browsers and edge workers, and compared in constant time. A timestamp more
 * than `toleranceSeconds` away from `now`, in the past or the future, is rejected to stop replays.
 *
 * Never throws and never rejects: missing or malformed input is `{ valid: false, reason }`.
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

  if (typeof signingKey !== 'string' || signingKey === '') return failure('missing_signing_key');
  const body = bodyBytes(rawBody);
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
  const mac = new Uint8Array(await subtle.sign('HMAC', await hmacKey(subtle, signingKey), message));
  return equalsHex(mac, signature) ? { valid: true } : failure('signature_mismatch');
}

function failure(reason: SignatureFailureReason): SignatureVerification {
  return { valid: false, reason };
}

function bodyBytes(rawBody: unknown): Uint8Array | undefined {
  if (typeof rawBody === 'string') return encoder.encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  if (rawBody instanceof ArrayBuffer) return new Uint8Array(rawBody);
  if (ArrayBuffer.isView(rawBody)) return new Uint8Array(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  return undefined;
}

function hmacKey(subtle: Subtle, secret: string): Promise<HmacKey> {
  if (cachedKey?.secret !== secret) {
    const key = subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A failed import must not poison the cache for the next request.
    key.catch(() => {
      if (cachedKey?.key === key) cachedKey = undefined;
    });
    cachedKey = { secret, key };
  }
  return cachedKey.key;
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
