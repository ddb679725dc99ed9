// Derived from the global rather than named, so that no DOM or WebWorker lib is needed to compile.
type Subtle = typeof globalThis.crypto.subtle;
type HmacKey = Awaited<ReturnType<Subtle['importKey']>>;

const encoder = /* @__PURE__ */ new TextEncoder();
// Importing a key costs more than the HMAC of a small body; a receiver uses one key, or a few while it
// rotates them, so the last few are remembered.
const cachedKeys = /* @__PURE__ */ new Map<string, Promise<HmacKey>>();
const maxCachedKeys = 8;

/**
 * Computes HMAC-SHA256 of `message` keyed with the UTF-8 bytes of `secret`, with Web Crypto.
 *
 * Internal to signing and verification. Rejects when Web Crypto is missing or refuses HMAC.
 */
export async function hmacSha256(secret: string, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('Web Crypto (crypto.subtle) is not available');
  return new Uint8Array(await subtle.sign('HMAC', await hmacKey(subtle, secret), message));
}

function hmacKey(subtle: Subtle, secret: string): Promise<HmacKey> {
  const cached = cachedKeys.get(secret);
  if (cached !== undefined) return cached;
  const key = subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // A failed import must not poison the cache for the next request.
  key.catch(() => {
    if (cachedKeys.get(secret) === key) cachedKeys.delete(secret);
  });
  if (cachedKeys.size >= maxCachedKeys) cachedKeys.clear();
  cachedKeys.set(secret, key);
  return key;
}
