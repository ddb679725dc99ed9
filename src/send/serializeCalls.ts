import { serializesAlike } from './serializesAlike';

// Node 20's JSON.stringify costs more per call than per byte (docs/performance.md), so calls are
// serialized a chunk at a time, as one array with a marker string between neighbours, and the array's
// JSON is cut where a call's closing brace meets the marker. A shape chosen for speed: the oracle test
// beside it (test/send/serializeCalls.test.ts) holds it to `calls.map((call) => JSON.stringify(call))`.
const chunkSize = 256;
// The marker is DEL, which JSON writes as it is (5 characters with its quotes and commas, against 10
// for an escaped control character) and text rarely holds. Between two calls the array holds `},"<DEL>",{`, and the search is for its part from
// the marker on: the scan (memchr for its first character) then rarely stops short of a cut, where a
// search from the `}` stopped at the end of every nested object.
const marker = '\u007f';
const cut = `${marker}",{`;
// `},"` comes before the marker: the call ends at that brace.
const cutStart = 3;

/**
 * Serializes each call on its own: the result is `calls.map((call) => JSON.stringify(call))`, made 256
 * calls at a time where that provably gives the same strings.
 *
 * Throws what `JSON.stringify` throws on a call (a BigInt, a cycle). Getters and proxy traps of a call
 * may run twice, when its chunk has to be redone one call at a time.
 */
export function serializeCalls(calls: readonly object[]): (string | undefined)[] {
  const jsons: (string | undefined)[] = [];
  for (let from = 0; from < calls.length; from += chunkSize) {
    const to = Math.min(from + chunkSize, calls.length);
    if (!serializeChunk(calls, from, to, jsons)) {
      jsons.length = from;
      for (let i = from; i < to; i++) jsons.push(JSON.stringify(calls[i]) as string | undefined);
    }
  }
  return jsons;
}

// Appends each call's JSON, equal to `JSON.stringify(call)`, to `jsons`; `false` when the chunk must be
// serialized call by call (what it appended is then cut off by the caller). The count of parts is a proof only if every call serializes as `{…}` and the same inside an
// array as alone: so only objects whose prototype is Object.prototype or null, without `toJSON` (an
// array element passes its index to it), and not raw JSON (Node 21+), are taken. A call holding an array
// with a string ending in the marker before an object then adds a cut, the count is off, and that chunk
// falls back. So does a chunk that throws (a BigInt, a cycle, a chunk over V8's string limit), to throw
// on its own call.
function serializeChunk(calls: readonly object[], from: number, to: number, jsons: (string | undefined)[]): boolean {
  let json: string;
  try {
    const items: unknown[] = [];
    for (let i = from; i < to; i++) {
      const call = calls[i];
      if (!serializesAlike(call)) return false;
      if (i > from) items.push(marker);
      items.push(call);
    }
    json = JSON.stringify(items);
  } catch {
    return false;
  }
  // Sliced by hand rather than split, which would need the cut from its comma on, a far more common
  // first character to search for.
  let start = 1;
  for (let at = json.indexOf(cut, start); at !== -1; at = json.indexOf(cut, start)) {
    jsons.push(json.slice(start, at - cutStart + 1));
    start = at + cut.length - 1;
  }
  jsons.push(json.slice(start, -1));
  return jsons.length === to;
}
