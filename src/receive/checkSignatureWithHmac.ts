import type { SignatureFailureReason } from './verifyWebhookSignature';

/** HMAC-SHA256 of `message` keyed with `key`, as lowercase hex. */
export type HmacSha256Hex = (key: string, message: Uint8Array) => string;

const timestampPattern = /^[0-9]{1,15}$/;
const signaturePattern = /^[0-9a-fA-F]{64}$/;
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Checks a webhook's signature as {@link verifyWebhookSignature} does, reason for reason, but with a
 * synchronous HMAC the caller supplies: the Node adapter passes node:crypto's, which costs a few
 * microseconds where Web Crypto's asynchronous `subtle.sign` costs tens on Node.js. Internal; a property
 * test holds it to `verifyWebhookSignature` on the same inputs.
 *
 * @returns `undefined` when one of `keys` signed it, else the reason it failed.
 */
export function checkSignatureWithHmac(
  hmac: HmacSha256Hex,
  keys: readonly string[],
  rawBody: Uint8Array,
  timestamp: string | null,
  signature: string | null,
  toleranceSeconds: number,
  nowMs: number,
): SignatureFailureReason | undefined {
  if (timestamp === null || timestamp === '') return 'missing_timestamp';
  if (!timestampPattern.test(timestamp)) return 'malformed_timestamp';
  if (signature === null || signature === '') return 'missing_signature';
  if (!signaturePattern.test(signature)) return 'malformed_signature';
  const skewMs = nowMs - Number(timestamp) * 1000;
  if (skewMs > toleranceSeconds * 1000) return 'timestamp_too_old';
  if (-skewMs > toleranceSeconds * 1000) return 'timestamp_in_future';
  const prefix = encoder.encode(`v0:${timestamp}:`);
  const message = new Uint8Array(prefix.length + rawBody.length);
  message.set(prefix, 0);
  message.set(rawBody, prefix.length);
  const expected = signature.toLowerCase();
  for (const key of keys) if (equalHex(hmac(key, message), expected)) return undefined;
  return 'signature_mismatch';
}

// Visits every character whatever the first difference, so the time taken says nothing about where it is.
function equalHex(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
