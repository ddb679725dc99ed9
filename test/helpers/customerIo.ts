import { cioHeaders } from './signedRequest';

/**
 * Delivers one webhook body as Customer.io does: signed, POSTed, and sent again after every answer
 * that is not 2xx (at once here, where Customer.io would wait), at most `maxAttempts` times.
 * Returns the status of each attempt (0: no answer, a connection error).
 */
export async function deliverLikeCustomerIo(
  url: string,
  key: string,
  body: string,
  { maxAttempts = 10, timeoutMs = 4000 }: { maxAttempts?: number; timeoutMs?: number } = {},
): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: cioHeaders(key, body),
        body,
        // Customer.io's own timeout: an answer later than this is a failed delivery.
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    statuses.push(status);
    if (status >= 200 && status < 300) break;
  }
  return statuses;
}
