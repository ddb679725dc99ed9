import type { SegmentRegion } from './segmentHost';
import { segmentHost } from './segmentHost';

/**
 * Returns the URL of Segment's `/v1/batch` endpoint for a workspace region.
 *
 * `'us'` is `https://api.segment.io/v1/batch` and `'eu'` is `https://events.eu1.segmentapis.com/v1/batch`
 * (https://segment.com/docs/guides/regional-segment/). The write key must belong to a workspace of that region: since April
 * 2025 Segment rejects data sent to the wrong one, and an EU key on the US endpoint fails silently.
 *
 * @throws {RangeError} For a region other than `'us'` or `'eu'`: guessing one would lose the data.
 * @example
 * await fetch(segmentEndpoint('eu'), { method: 'POST', body: json, headers });
 */
export function segmentEndpoint(region: SegmentRegion): string {
  return `${segmentHost(region)}/v1/batch`;
}
