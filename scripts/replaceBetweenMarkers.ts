/**
 * Replaces what stands between two marker comments of a doc, keeping the markers: how the generated
 * tables of docs/mapping.md and the benchmark tables of docs/performance.md are rewritten.
 *
 * @throws {Error} When the doc lacks either marker, rather than writing the table nowhere.
 */
export function replaceBetweenMarkers(doc: string, name: string, start: string, end: string, content: string): string {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${name} lacks the markers ${start} … ${end}`);
  return doc.slice(0, from + start.length) + content + doc.slice(to);
}
