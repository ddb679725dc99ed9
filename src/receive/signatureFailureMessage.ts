import type { SignatureFailureReason } from './verifyWebhookSignature';

const messages: { readonly [R in SignatureFailureReason]: string } = {
  invalid_input: 'The verification was called with invalid settings (toleranceSeconds, now) or input.',
  missing_signing_key: 'No signing key is configured: set the reporting webhook signing key from Customer.io.',
  missing_body: 'The request has no body to verify.',
  body_already_parsed:
    'The body was already parsed into an object (for example by express.json()), and the signature covers the raw bytes: ' +
    'mount this route with express.raw({ type: "*/*" }) before any JSON parser, or read the raw body yourself.',
  body_too_large: 'The body is larger than maxBodyBytes.',
  missing_timestamp: 'The X-CIO-Timestamp header is missing.',
  malformed_timestamp: 'The X-CIO-Timestamp header is not unix seconds.',
  timestamp_too_old: 'The X-CIO-Timestamp is older than the tolerance allows (a replay, or a clock far behind).',
  timestamp_in_future: 'The X-CIO-Timestamp is further in the future than the tolerance allows (a clock far ahead).',
  missing_signature: 'The X-CIO-Signature header is missing.',
  malformed_signature: 'The X-CIO-Signature header is not 64 hex digits.',
  signature_mismatch: 'The X-CIO-Signature does not match the body for any configured signing key.',
  crypto_unavailable: 'Web Crypto (crypto.subtle) with HMAC-SHA256 is not available in this runtime.',
};

/**
 * Returns one sentence saying what a {@link SignatureFailureReason} means and, where it can, what to do.
 *
 * For logs and for the body of a 401 answer; `body_already_parsed` names the fix for Express.
 *
 * @example
 * if (!result.valid) console.warn(signatureFailureMessage(result.reason));
 */
export function signatureFailureMessage(reason: SignatureFailureReason): string {
  return Object.hasOwn(messages, reason) ? messages[reason] : `Unknown signature failure: ${String(reason)}.`;
}
