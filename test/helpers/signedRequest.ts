import { createHmac } from 'node:crypto';

/** Customer.io's signature, computed independently of the library with node:crypto. */
export function cioSignature(key: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', key).update(`v0:${timestamp}:`).update(body).digest('hex');
}

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

/** The headers Customer.io sends with `body`, signed with `key`. */
export function cioHeaders(key: string, body: string | Uint8Array, timestamp = nowSeconds()): Record<string, string> {
  return { 'content-type': 'application/json', 'x-cio-timestamp': timestamp, 'x-cio-signature': cioSignature(key, timestamp, body) };
}

/** A Request as Customer.io would POST it. */
export function signedRequest(key: string, body: string, options: { timestamp?: string; signedBody?: string } = {}): Request {
  return new Request('http://receiver.test/customerio', {
    method: 'POST',
    headers: cioHeaders(key, options.signedBody ?? body, options.timestamp),
    body,
  });
}
