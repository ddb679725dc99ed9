/**
 * Counts the bytes a string takes in UTF-8, without encoding it.
 *
 * Internal: batching measures every call once, and an encoder would allocate a buffer per call only
 * to read its length. A lone surrogate counts 3 bytes, as `TextEncoder` writes it (U+FFFD).
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
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
