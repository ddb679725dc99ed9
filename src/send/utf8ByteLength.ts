const nonAscii = /[^\x00-\x7f]/;

/**
 * Counts the bytes a string takes in UTF-8, without encoding it.
 *
 * Internal: batching measures every call once, and an encoder would allocate a buffer per call only
 * to read its length. A lone surrogate counts 3 bytes, as `TextEncoder` writes it (U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  // Node's Buffer.byteLength counts natively, faster than any loop here; edge runtimes have no Buffer.
  const nodeBuffer = (globalThis as { Buffer?: { byteLength?: (text: string, encoding: 'utf8') => number } }).Buffer;
  if (typeof nodeBuffer?.byteLength === 'function') return nodeBuffer.byteLength(text, 'utf8');
  // Most calls are ASCII: the regular expression engine scans for anything else many times faster
  // than a loop over char codes, and then every UTF-16 unit is one byte.
  const first = text.search(nonAscii);
  if (first === -1) return text.length;
  let bytes = text.length;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is 2 UTF-16 units and 4 UTF-8 bytes; a lone high surrogate falls through to 3.
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
