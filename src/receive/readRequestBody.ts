/**
 * Reads a request's body as bytes, stopping as soon as it passes `limit`, so that a huge body, signed
 * or not, is refused without being held in memory. Internal to the handler and `verifyWebhookRequest`.
 *
 * @returns The bytes; `'too_large'` past the limit (declared by `content-length` or read); `'unreadable'`
 *   when the body was already read or its stream failed. A request without a body gives no bytes.
 */
export async function readRequestBody(request: Request, limit: number): Promise<Uint8Array | 'too_large' | 'unreadable'> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return 'too_large';
  }
  if (request.bodyUsed) return 'unreadable';
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return 'too_large';
      }
      chunks.push(value);
    }
  } catch {
    return 'unreadable';
  }
  return concatChunks(chunks, size);
}

/** Joins chunks of bytes into one array of `size` bytes (the chunk itself when there is only one). */
export function concatChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
