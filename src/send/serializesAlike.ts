/**
 * Tells whether a call serializes the same inside an array as alone, as `{…}`: an object whose
 * prototype is `Object.prototype` or `null`, without `toJSON` (an array element passes its index to
 * it), and not raw JSON (Node 21+).
 *
 * Internal: `serializeCalls` and `toSegmentBatches` serialize many calls in one `JSON.stringify` only
 * when every one of them passes.
 */
export function serializesAlike(call: unknown): boolean {
  if (typeof call !== 'object' || call === null) return false;
  const prototype: unknown = Object.getPrototypeOf(call);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return typeof (call as { toJSON?: unknown }).toJSON !== 'function' && !isRawJson(call);
}

function isRawJson(value: object): boolean {
  const isRawJSON = (JSON as { isRawJSON?: (value: unknown) => boolean }).isRawJSON;
  return isRawJSON !== undefined && isRawJSON(value);
}
